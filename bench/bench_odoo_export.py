"""Benchmark of the competency overview export in a running Odoo 18.

Usage: python3 bench/bench_odoo_export.py [--employees 2000] [--db NAME] [--keep]

Run it with ``make bench-odoo`` (``scripts/odoo-bench``): that makes sure PostgreSQL runs and
the cached base database exists (``scripts/odoo-env.sh``, as the tests do), stages the add-on
and passes both on (``LOB_BASE_DB``, ``LOB_ADDONS_PATH``). Creates a database from that base
with this add-on installed (updated on later runs), generates a college of N employees × 25
competencies in a transaction that is rolled back at the end, and exports it as the
administrator (an HR officer) in one run:
time reading from Odoo (``_lob_read``), time in the core writer (``write_workbook``), total,
number of queries and peak memory (tracemalloc). The export (read + write) must take at
most 1.25× the writer alone, in as many queries for all teams as for three; exits 1 when
missed. Prints "skipped" when odoo cannot be imported. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

try:
    import odoo
    from odoo.fields import Command
    from odoo.tools import config
except ImportError:  # reported as "skipped" by main()
    odoo = None

ROOT = Path(__file__).resolve().parent.parent
# Set by scripts/odoo-bench (scripts/odoo-env.sh builds the base when it is missing).
BASE_DB = os.environ.get("LOB_BASE_DB", "")
BENCH_DB = "lob_hrm_bench_export"
COMPETENCIES = 25
TEAM_SIZE = 40
MAX_RATIO = 1.25  # the whole export (read + write) against the core writer alone


def _stage() -> str:
    """A folder holding the add-on as ``lob_hrm`` (Odoo takes the folder's name)."""
    stage = Path(tempfile.gettempdir()) / "lob_hrm_bench_stage"
    stage.mkdir(exist_ok=True)
    link = stage / "lob_hrm"
    # point at this checkout, even when an earlier (maybe gone) one left its link behind
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(ROOT)
    return str(stage)


def _addons_path(odoo) -> str:
    staged = os.environ.get("LOB_ADDONS_PATH")  # a staged copy, from scripts/odoo-bench
    return staged or f"{os.path.join(os.path.dirname(odoo.__file__), 'addons')},{_stage()}"


def _psql(db: str, query: str) -> str:
    return subprocess.run(
        ["psql", "-d", db, "-Atc", query], capture_output=True, text=True, check=True
    ).stdout.strip()


def _ensure_db(odoo, db: str) -> None:
    exists = _psql("postgres", f"select 1 from pg_database where datname='{db}'")
    if not exists:
        base = BASE_DB and _psql("postgres", f"select 1 from pg_database where datname='{BASE_DB}'")
        if not base:
            sys.exit(f"no base database {BASE_DB!r}: run `make bench-odoo` (scripts/odoo-bench)")
        print(f"creating {db} from {BASE_DB} ...", flush=True)
        subprocess.run(["createdb", "-T", BASE_DB, db], check=True)
    # an earlier run may have stopped between creating the database and installing
    installed = _psql(
        db, "select 1 from ir_module_module where name='lob_hrm' and state='installed'"
    )
    print(f"{'updating' if installed else 'installing'} lob_hrm in {db} ...", flush=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            f"--addons-path={_addons_path(odoo)}",
            "-d",
            db,
            "-u" if installed else "-i",
            "lob_hrm",
            "--stop-after-init",
            "--http-port=0",
            "--max-cron-threads=0",
            "--log-level=warn",
        ],
        check=True,
    )


def generate(env, employees: int, seed: int = 7):
    """A college like bench_xlsx.synthetic: 25 competencies, 4 levels, 8 roles with 20
    targets, teams of 40, 8 % of the cells not assessed, a quarter with a second role,
    professionalisation hours, one talk per employee in a running cycle and an agreement
    for ~40 % of the gaps."""
    rnd = random.Random(seed)
    today = dt.date.today()
    framework = env["hr.skill.type"].create(
        {
            "name": "Bench-LOB",
            "lob_profile": True,
            "lob_key": "bench_lob",
            "skill_level_ids": [
                Command.create({"name": name, "lob_key": name.lower(), "level_progress": p})
                for name, p in (("Start", 25), ("Basis", 50), ("Vak", 75), ("Excellent", 100))
            ],
        }
    )
    levels = framework.skill_level_ids.sorted("level_progress")
    areas = env["lob.competency.area"].create(
        [
            {"skill_type_id": framework.id, "key": f"area_{i}", "name": f"Gebied {i}"}
            for i in range(5)
        ]
    )
    skills = env["hr.skill"].create(
        [
            {
                "name": f"Competentie {i:02d}",
                "lob_key": f"c{i:02d}",
                "sequence": i,
                "skill_type_id": framework.id,
                "lob_area_id": areas[i % 5].id,
            }
            for i in range(COMPETENCIES)
        ]
    )
    roles = env["lob.role"].create(
        [
            {
                "name": f"Rol {r}",
                "key": f"bench_role_{r}",
                "sequence": r,
                "skill_type_id": framework.id,
                "target_ids": [
                    Command.create(
                        {"skill_id": skill.id, "skill_level_id": rnd.choice(levels[1:]).id}
                    )
                    for skill in rnd.sample(list(skills), 20)
                ],
            }
            for r in range(8)
        ]
    )
    company = env.company
    teams = env["hr.department"].create(
        [
            {"name": f"Bench team {t:03d}", "company_id": company.id}
            for t in range(max(1, employees // TEAM_SIZE))
        ]
    )
    staff = env["hr.employee"].create(
        [
            {"name": f"Medewerker {e:05d}", "department_id": teams[e % len(teams)].id}
            for e in range(employees)
        ]
    )
    year_ago = today - dt.timedelta(days=365)
    assignments = []
    for employee in staff:
        held = rnd.sample(list(roles), 2 if rnd.random() < 0.25 else 1)
        assignments += [
            {"employee_id": employee.id, "role_id": role.id, "date_from": year_ago} for role in held
        ]
    env["lob.role.assignment"].create(assignments)
    # Levels straight into the tables: hr_skills' create logs per record and would take
    # minutes for 46,000 cells; the export reads the tables, not the ORM's create path.
    env.flush_all()
    rows = [
        (employee.id, skill.id, rnd.choice(levels).id, framework.id)
        for employee in staff
        for skill in skills
        if rnd.random() > 0.08
    ]
    cr = env.cr
    for start in range(0, len(rows), 5000):
        chunk = rows[start : start + 5000]
        cr.execute(
            "INSERT INTO hr_employee_skill (employee_id, skill_id, skill_level_id, skill_type_id)"
            " SELECT * FROM unnest(%s::int[], %s::int[], %s::int[], %s::int[])",
            [list(column) for column in zip(*chunk, strict=True)],
        )
        cr.execute(
            "INSERT INTO hr_employee_skill_log"
            " (employee_id, skill_id, skill_level_id, skill_type_id, date)"
            " SELECT *, %s FROM unnest(%s::int[], %s::int[], %s::int[], %s::int[])",
            [today - dt.timedelta(days=rnd.randrange(700))]
            + [list(column) for column in zip(*chunk, strict=True)],
        )
    env["lob.professionalisation"].create(
        [
            {
                "name": "Training",
                "employee_id": employee.id,
                "hours": rnd.choice((4, 8, 16, 24)),
                "state": "done",
            }
            for employee in staff
        ]
    )
    template = env.ref("lob_hrm.default_template_staff_performance_talk")
    cycle = env["lob.talk.cycle"].create(
        {
            "name": "Bench-cyclus",
            "template_id": template.id,
            "date_start": today - dt.timedelta(days=60),
            "date_end": today + dt.timedelta(days=30),
        }
    )
    talks = env["lob.talk"].create(
        [
            {"template_id": template.id, "employee_id": employee.id, "cycle_id": cycle.id}
            for employee in staff
        ]
    )
    env["lob.talk.agreement"].create(
        [
            {
                "talk_id": talk.id,
                "description": "Scholing",
                "skill_id": rnd.choice(skills).id,
                "deadline": today + dt.timedelta(days=90),
            }
            for talk in talks
            if rnd.random() < 0.4
        ]
    )
    env.flush_all()
    return framework, teams


def measure(env, framework, teams, trace=False):
    """Read and write once; with ``trace``, the tracemalloc peak (slow: times are void)."""
    wizard = env["lob.competency.export.wizard"].create(
        {"skill_type_id": framework.id, "department_ids": [(6, 0, teams.ids)]}
    )
    env.invalidate_all()
    cr = env.cr
    if trace:
        tracemalloc.start()
    start, queries = time.perf_counter(), cr.sql_log_count
    inputs = wizard._lob_read()
    read = time.perf_counter() - start
    queries = cr.sql_log_count - queries
    start = time.perf_counter()
    workbook = wizard._lob_write(inputs)
    write = time.perf_counter() - start
    peak = 0
    if trace:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    employees = len({row.employee for row in inputs["data"].rows})
    return {
        "employees": employees,
        "rows": len(inputs["data"].rows),
        "read": read,
        "write": write,
        "queries": queries,
        "peak_mb": peak / 2**20,
        "size_kb": len(workbook) / 1024,
    }


def _profile(env, framework, teams) -> None:
    """Where the reading spends its time (cProfile, cumulative, top 30)."""
    wizard = env["lob.competency.export.wizard"].create(
        {"skill_type_id": framework.id, "department_ids": [(6, 0, teams.ids)]}
    )
    env.invalidate_all()
    profiler = cProfile.Profile()
    profiler.runcall(wizard._lob_read)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=2000)
    parser.add_argument("--db", default=BENCH_DB)
    parser.add_argument(
        "--profile", action="store_true", help="also print a cProfile of the reading"
    )
    args = parser.parse_args(argv)
    if odoo is None:
        print("skipped: odoo is not importable (run with the Python that runs Odoo 18)")
        return 0

    _ensure_db(odoo, args.db)
    config.parse_config([f"--addons-path={_addons_path(odoo)}", "-d", args.db, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        admin = env.ref("base.user_admin")
        start = time.perf_counter()
        framework, teams = generate(env, args.employees)
        print(f"generated {args.employees:,} employees in {time.perf_counter() - start:.0f} s")
        env = env(user=admin.id)  # an HR officer: the record rules apply
        framework, teams = framework.with_env(env), teams.with_env(env)
        measure(env, framework, teams[:3])  # warm the caches of rules, views and registry
        small = measure(env, framework, teams[:3])
        full = measure(env, framework, teams)
        full["peak_mb"] = measure(env, framework, teams, trace=True)["peak_mb"]
        if args.profile:
            _profile(env, framework, teams)
        cr.rollback()
    print(
        f"\n== Odoo export, {full['employees']:,} employees × {COMPETENCIES} competencies "
        f"({full['rows']:,} rows), as the HR officer"
    )
    print(f"   reading from Odoo   {full['read']:6.2f} s")
    print(f"   core writer         {full['write']:6.2f} s")
    total = full["read"] + full["write"]
    print(f"   total               {total:6.2f} s   ({total / full['write']:.2f}× the writer)")
    small_queries = f"({small['queries']} for {small['employees']} employees)"
    print(f"   queries             {full['queries']:6d}   {small_queries}")
    print(f"   peak memory         {full['peak_mb']:6.1f} MB (tracemalloc, read + write, own run)")
    print(f"   workbook            {full['size_kb']:6.0f} KB")
    ratio = total / full["write"]
    ok = ratio <= MAX_RATIO and full["queries"] == small["queries"]
    verdict = "OK" if ok else "MISSED"
    print(f"   targets: export ≤ {MAX_RATIO}× the writer, queries constant: {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
