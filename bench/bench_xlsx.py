"""Benchmark of the overview workbook writer against bare openpyxl write-only.

Usage: python3 bench/bench_xlsx.py [--employees 2000 10000] [--repeat 3]

See bench/README.md for what each side writes and how memory is measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import openpyxl
from openpyxl import Workbook
from openpyxl.xml import LXML

from lob_hrm import xlsx
from lob_hrm.overview import Overview, build_overview
from lob_hrm.schemas import (
    ActionRow,
    ActionStatus,
    Competency,
    CompetencyArea,
    CompetencyFramework,
    Level,
    OverviewData,
    OverviewRow,
    Role,
    RoleGroup,
    RoleTarget,
    TalkKind,
    TalkRow,
    TalkState,
)

COMPETENCIES = 25
MAX_RATIO = 1.15
MAX_PEAK_MB = 150.0

Inputs = tuple[CompetencyFramework, list[Role], OverviewData]


def synthetic(employees: int, seed: int = 7) -> Inputs:
    """A college-like dataset: 25 competencies, 4 levels, 8 roles, ~40 employees a team."""
    rnd = random.Random(seed)
    levels = [
        Level(key=key, name=name, rank=rank)
        for rank, (key, name) in enumerate(
            [
                ("start", "Startbekwaam"),
                ("basis", "Basisbekwaam"),
                ("vak", "Vakbekwaam"),
                ("excellent", "Excellent"),
            ],
            1,
        )
    ]
    areas = [CompetencyArea(key=f"area_{i}", name=f"Gebied {i}") for i in range(5)]
    competencies = [
        Competency(key=f"c{i:02d}", name=f"Competentie {i:02d} LOB", area=f"area_{i % 5}")
        for i in range(COMPETENCIES)
    ]
    framework = CompetencyFramework(
        key="lob", name="Raamwerk LOB", levels=levels, areas=areas, competencies=competencies
    )
    roles = []
    for r in range(8):
        targeted = rnd.sample(competencies, 20)
        roles.append(
            Role(
                key=f"role_{r}",
                name=f"Rol {r}",
                group=list(RoleGroup)[r % 3],
                targets=[
                    RoleTarget(competency=c.key, level=rnd.choice(levels[1:]).key) for c in targeted
                ],
            )
        )
    target_rank = {
        (role.key, t.competency): framework.level_rank(t.level)
        for role in roles
        for t in role.targets
    }
    teams = [f"Team {t:03d}" for t in range(max(1, employees // 40))]
    rows, actions, talks = [], [], []
    deadline = dt.date(2025, 6, 30)
    for e in range(employees):
        name = f"Medewerker {e:05d}"
        team, role = rnd.choice(teams), rnd.choice(roles).key
        for c in competencies:
            level = None
            if rnd.random() > 0.08:
                base = target_rank.get((role, c.key), 2)
                rank = min(4, max(1, base + rnd.choice((-2, -1, 0, 0, 0, 1))))
                level = levels[rank - 1].key
                if rank < base and rnd.random() < 0.4:
                    actions.append(
                        ActionRow(
                            employee=name,
                            competency=c.key,
                            description=f"Scholing {c.name}",
                            deadline=deadline,
                            status=rnd.choice(list(ActionStatus)),
                        )
                    )
            rows.append(
                OverviewRow(employee=name, team=team, role=role, competency=c.key, level=level)
            )
        talks.append(
            TalkRow(
                employee=name,
                team=team,
                cycle="2024-2025",
                kind=TalkKind.DEVELOPMENT,
                state=rnd.choice(list(TalkState)),
                date=dt.date(2024, 9, 1) + dt.timedelta(days=rnd.randrange(300)),
            )
        )
    data = OverviewData(rows=rows, actions=actions, talks=talks, reference_date=deadline)
    return framework, roles, data


# -- the baseline: the same cell values, plain, via bare write-only appends ---------------


def workbook_values(inputs: Inputs, overview: Overview) -> list[tuple[str, list[list[Any]]]]:
    """Every value the writer puts in the workbook, per sheet, as plain Python values.

    Read back from a workbook written by :func:`lob_hrm.xlsx.write_workbook`, so the two
    sides provably write the same cells (styled or not).  Built outside the timed section.
    """
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "values.xlsx")
        xlsx.write_workbook(path, *inputs, overview=overview)
        wb = openpyxl.load_workbook(path, read_only=True)
        sheets = [(ws.title, [list(row) for row in ws.iter_rows(values_only=True)]) for ws in wb]
        wb.close()
    return sheets


def write_baseline(path: str, sheets: Sequence[tuple[str, list[list[Any]]]]) -> None:
    wb = Workbook(write_only=True)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)


# -- measuring ----------------------------------------------------------------------------


def best_of(repeat: int, run: Callable[[str], None]) -> float:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for attempt in range(repeat):
            path = os.path.join(tmp, f"run{attempt}.xlsx")
            gc.collect()
            start = time.perf_counter()
            run(path)
            times.append(time.perf_counter() - start)
    return min(times)


def peak_mb(run: Callable[[str], None]) -> float:
    """Peak of the memory allocated *during* ``run`` (the inputs already exist)."""
    with tempfile.TemporaryDirectory() as tmp:
        gc.collect()
        tracemalloc.start()
        before, _ = tracemalloc.get_traced_memory()
        run(os.path.join(tmp, "peak.xlsx"))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return (peak - before) / 2**20


def cells(sheets: Sequence[tuple[str, list[list[Any]]]]) -> Iterator[tuple[str, int]]:
    for title, rows in sheets:
        yield title, sum(1 for row in rows for value in row if value is not None)


def bench(employees: int, repeat: int) -> bool:
    inputs = synthetic(employees)
    framework, roles, data = inputs
    start = time.perf_counter()
    overview = build_overview(framework, roles, data)
    build = time.perf_counter() - start
    sheets = workbook_values(inputs, overview)
    matrix_only = sheets[:1]

    def baseline(path: str) -> None:
        write_baseline(path, sheets)

    def baseline_matrix(path: str) -> None:
        write_baseline(path, matrix_only)

    def writer(path: str) -> None:
        xlsx.write_workbook(path, *inputs, overview=overview)

    def writer_full(path: str) -> None:
        xlsx.write_workbook(path, *inputs)

    t_base = best_of(repeat, baseline)
    t_matrix = best_of(repeat, baseline_matrix)
    t_writer = best_of(repeat, writer)
    t_full = best_of(repeat, writer_full)
    m_base = peak_mb(baseline)
    m_full = peak_mb(writer_full)
    ratio = t_writer / t_base
    counts = dict(cells(sheets))
    print(f"\n== {employees:,} employees × {COMPETENCIES} competencies", flush=True)
    print(f"   {len(data.rows):,} rows, {len(data.actions):,} actions, {len(data.talks):,} talks")
    print("   non-empty cells: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(f"   (a) baseline: same cells, plain        {t_base:6.2f} s   peak {m_base:6.1f} MB")
    print(f"   (b) write_workbook(..., overview=o)    {t_writer:6.2f} s   ratio {ratio:.2f}")
    print("   for scale:")
    print(f"       build_overview                     {build:6.2f} s")
    full = f"{t_full:6.2f} s   ratio {t_full / t_base:.2f}   peak {m_full:6.1f} MB"
    print(f"       write_workbook incl. the build     {full}")
    print(f"       baseline, Overzicht sheet only     {t_matrix:6.2f} s")
    ok = ratio <= MAX_RATIO and m_full <= MAX_PEAK_MB
    verdict = "OK" if ok else "MISSED"
    limits = f"(b)/(a) <= {MAX_RATIO}, peak incl. build <= {MAX_PEAK_MB:.0f} MB"
    print(f"   targets: {limits}: {verdict}")
    return ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"Python {sys.version.split()[0]}, openpyxl {openpyxl.__version__}, lxml {lxml_state()}")
    results = [bench(n, args.repeat) for n in args.employees]
    return 0 if all(results) else 1


def lxml_state() -> str:
    return "used" if LXML else "not used"


if __name__ == "__main__":
    sys.exit(main())
