"""Benchmark of the LOB policy monitor in a running Odoo 18.

Usage: python3 bench/bench_policy_monitor.py [--employees 2000] [--db NAME] [--profile]
                                             [--no-analyze]

Uses the college of ``bench_odoo_export.generate`` (N employees in teams of 40, roles with
hours, competency levels with history, professionalisation, a talk and agreements per
employee), signs half of the talks and adds a team plan per team, in a transaction rolled back
at the end, and analyses the tables the monitor reads (as autovacuum would; ``--no-analyze``
keeps the statistics from before the generation). Measures, as the administrator: the time to
compute all indicators for every team and the college (best of three runs), the number of
queries (against the same college with nine in ten employees archived: it must be the same),
the peak memory (tracemalloc, own run), and the policy sheet through the core writer.
Target: all indicators within 1 s with a constant number of queries. Not part of the test
suite. ``--profile`` adds, for one more run, the time per indicator, every query with
its time, and the functions that took the most time (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import inspect
import io
import pstats
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_odoo_export as base

# the add-on's core, importable without Odoo: straight from this checkout
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from lob_hrm.policy import INDICATORS, PolicyRow, PolicySheet, Status, school_year_of
from lob_hrm.xlsx_policy import write_policy_workbook

try:
    import odoo
    from odoo.sql_db import Cursor
    from odoo.tools import SQL, config
except ImportError:  # reported as "skipped" by main()
    odoo = None

BENCH_DB = "lob_hrm_bench_policy"
TARGET_SECONDS = 1.0


def prepare(env, employees):
    _framework, teams = base.generate(env, employees)
    today = dt.date.today()
    year = school_year_of(today)
    env.cr.execute(
        "UPDATE lob_talk SET state = 'signed', held_date = now(), "
        "employee_signed_date = now(), conductor_signed_date = now() WHERE id % 2 = 0"
    )
    env["lob.role.assignment"].search([("department_id", "in", teams.ids)]).write({"hours": 40})
    policy = env["lob.policy"].search(
        [
            ("company_id", "=", env.company.id),
            ("state", "in", ("draft", "adopted")),
            ("school_year_from", "<=", year),
            ("school_year_to", ">=", year),
        ]
    )
    policy.write({"state": "archived"})
    return teams, year, today


# the tables the monitor reads; analysed after the generation, as autovacuum would have done
# in a running database (ANALYZE inside the transaction sees its own uncommitted rows)
ANALYZED = (
    "hr_employee",
    "hr_department",
    "hr_employee_skill",
    "hr_employee_skill_log",
    "lob_role_assignment",
    "lob_role_target",
    "lob_talk",
    "lob_talk_agreement",
    "lob_professionalisation",
    "lob_team_plan",
    "lob_talk_template",
)


def analyze(env):
    env.flush_all()
    for table in ANALYZED:
        env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))


def tenth_queries(env, company, year, today):
    """The queries for a tenth of the staff of the same college (the others archived in a
    savepoint): the same kinds of records, a tenth of the scale."""
    env.flush_all()
    savepoint = env.cr.savepoint(flush=False)
    try:
        env.cr.execute(
            "UPDATE hr_employee SET active = false WHERE company_id = %s AND id %% 10 <> 0",
            (company.id,),
        )
        queries = measure(env, company, year, today)[2]
        env.cr.execute(
            "SELECT count(*) FROM hr_employee WHERE active AND company_id = %s", (company.id,)
        )
        staff = env.cr.fetchone()[0]
    finally:
        savepoint.close(rollback=True)
    env.invalidate_all()
    return queries, staff


def measure(env, companies, year, today, trace=False):
    env.invalidate_all()
    if trace:
        tracemalloc.start()
    queries = env.cr.sql_log_count
    start = time.perf_counter()
    figures = env["lob.policy.monitor"]._lob_figures(companies, year, today)
    seconds = time.perf_counter() - start
    queries = env.cr.sql_log_count - queries
    peak = 0
    if trace:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return figures, seconds, queries, peak / 2**20


def profile(env, companies, year, today):
    """Where the time goes: per indicator, per query (with its time) and per function."""
    env.invalidate_all()
    queries = []
    execute = Cursor.execute

    def timed(cr, query, params=None, log_exceptions=True):
        start = time.perf_counter()
        try:
            return execute(cr, query, params, log_exceptions)
        finally:
            text = query.code if hasattr(query, "code") else str(query)
            queries.append((time.perf_counter() - start, " ".join(text.split())[:110]))

    Monitor = type(env["lob.policy.monitor"])
    steps = []
    wrapped = {}
    for name in dir(Monitor):
        if name.startswith("_lob_") and name not in ("_lob_figures", "_lob_drilldown"):
            method = getattr(Monitor, name)
            static = isinstance(inspect.getattr_static(Monitor, name), staticmethod)
            if callable(method) and not static:
                wrapped[name] = method

                def step(self, *args, _name=name, _method=method, **kwargs):
                    start = time.perf_counter()
                    try:
                        return _method(self, *args, **kwargs)
                    finally:
                        steps.append((_name, time.perf_counter() - start))

                setattr(Monitor, name, step)
    Cursor.execute = timed
    profiler = cProfile.Profile()
    try:
        profiler.enable()
        env["lob.policy.monitor"]._lob_figures(companies, year, today)
        profiler.disable()
    finally:
        Cursor.execute = execute
        for name, method in wrapped.items():
            setattr(Monitor, name, method)
    print("\n-- time per step (nested steps count in their caller too)")
    for name, seconds in steps:
        print(f"   {seconds:7.3f} s  {name}")
    print(f"\n-- {len(queries)} queries, {sum(s for s, _q in queries):.3f} s in PostgreSQL")
    for seconds, text in sorted(queries, reverse=True):
        print(f"   {seconds:7.3f} s  {text}")
    print("\n-- functions (cumulative)")
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    print("\n".join(out.getvalue().splitlines()[6:]))


def sheet(figures):
    rows = [
        PolicyRow(
            pillar="Pijler",
            goal=INDICATORS[f.indicator].name,
            indicator=f.indicator,
            team=str(f.team) if f.team else None,
            value=f.value,
            target=50,
            status=Status.NO_DATA if f.value is None else Status.ON_TRACK,
            trend={2024: f.value, 2025: f.value},
        )
        for f in figures
    ]
    start = time.perf_counter()
    buffer = io.BytesIO()
    # the code write_workbook runs for the competency workbook's policy sheet, here alone
    write_policy_workbook(buffer, PolicySheet(title="Bench policy", rows=rows))
    return len(rows), time.perf_counter() - start, len(buffer.getvalue()) / 1024


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=2000)
    parser.add_argument("--db", default=BENCH_DB)
    parser.add_argument("--profile", action="store_true", help="where the time goes")
    parser.add_argument(
        "--no-analyze",
        action="store_true",
        help="keep the planner's statistics from before the generation",
    )
    args = parser.parse_args(argv)
    if odoo is None:
        print("skipped: odoo is not importable (run with the Python that runs Odoo 18)")
        return 0
    base._ensure_db(odoo, args.db)
    config.parse_config(
        [f"--addons-path={base._addons_path(odoo)}", "-d", args.db, "--log-level=warn"]
    )
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        start = time.perf_counter()
        _teams, year, today = prepare(env, args.employees)
        if not args.no_analyze:
            analyze(env)
        print(f"generated {args.employees:,} employees in {time.perf_counter() - start:.0f} s")
        env = env(user=env.ref("base.user_admin").id)
        company = env.company
        measure(env, company, year, today)  # warm the caches
        small_queries, small_staff = tenth_queries(env, company, year, today)
        runs = [measure(env, company, year, today) for _run in range(3)]
        figures, seconds, queries, _p = min(runs, key=lambda run: run[1])
        peak = measure(env, company, year, today, trace=True)[3]
        rows, sheet_seconds, size = sheet(figures)
        if args.profile:
            profile(env, company, year, today)
        cr.rollback()
    team_count = len({f.team for f in figures if f.team})
    print(f"\n== Policy monitor, {args.employees:,} employees in {team_count} teams")
    print(
        f"   all indicators      {seconds:6.3f} s   ({len(figures)} figures; best of "
        + ", ".join(f"{run[1]:.3f}" for run in runs)
        + (", statistics from before the generation)" if args.no_analyze else ")")
    )
    print(f"   queries             {queries:6d}   ({small_queries} for {small_staff} of the staff)")
    print(f"   peak memory         {peak:6.1f} MB (tracemalloc, own run)")
    print(f"   policy sheet        {sheet_seconds:6.3f} s   ({rows} rows, {size:.0f} KB)")
    ok = seconds <= TARGET_SECONDS and queries == small_queries
    print(f"   targets: ≤ {TARGET_SECONDS:.0f} s, queries constant: {'OK' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
