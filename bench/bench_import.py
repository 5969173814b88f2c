"""Benchmark of the Odoo import of LOB exchange files: time must grow linearly.

Usage: make bench-import [BENCH_ARGS="..."]
  (scripts/odoo-bench bench/bench_import.py [--prompts 1000 5000] [--words 1000 5000]
                                            [--repeat 3] [--db lob_hrm_bench] [--no-update])

Needs Odoo 18 importable by this Python and PostgreSQL; without them it says so and exits 0.
See bench/README.md for what is measured.
"""

# A benchmark reports on stdout: print is its interface.
# pylint: disable=print-used

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_RATIO = 6.0  # the larger size is 5x the smaller: linear is ~5, quadratic ~25


def _template(key: str, prompts: int, dimension: str = "qualities") -> dict:
    per_section = 200  # the schema's limit per section
    sections = []
    for s in range((prompts + per_section - 1) // per_section):
        count = min(per_section, prompts - s * per_section)
        sections.append(
            {
                "key": f"sectie_{s}",
                "title": f"Sectie {s + 1}",
                "phase": ["look_back", "reflection", "look_ahead", "action"][s % 4],
                "prompts": [
                    {
                        "key": f"vraag_{s}_{i}",
                        "text": f"Welke ervaring {s}.{i} in je werk wil je bespreken?",
                        "dimension": dimension,
                    }
                    for i in range(count)
                ],
            }
        )
    return {
        "key": key,
        "name": f"Bench {key}",
        "audience": "staff",
        "kind": "performance",
        "sections": sections,
    }


def prompts_document(prompts: int) -> dict:
    """One staff template with ``prompts`` prompts."""
    return {
        "format": "lob-hrm-exchange",
        "version": 1,
        "dimensions": [{"key": "qualities", "name": "Kwaliteiten", "question": "Wat kan ik?"}],
        "templates": [_template(f"bench_{prompts}", prompts)],
    }


def words_document(words: int) -> dict:
    """Idiom terms holding ``words`` words to avoid (50 a term, the schema's limit) and a
    staff template of 200 prompts aligned against them."""
    terms = [
        {
            "key": f"bench_term_{t}",
            "term": f"Term {t}",
            "avoid": [f"woord{t}x{w}" for w in range(min(50, words - t * 50))],
        }
        for t in range((words + 49) // 50)
    ]
    doc = prompts_document(200)
    doc["templates"][0]["key"] = f"bench_words_{words}"
    return {**doc, "idiom": terms}


def _ensure_database(db: str, addons_path: str, update: bool) -> None:
    exists = subprocess.run(
        ["psql", "-d", "postgres", "-Atc", f"select 1 from pg_database where datname='{db}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if exists and not update:
        return
    if not exists:
        # The cached base of the tests (scripts/odoo-bench sets it; scripts/odoo-env.sh builds it).
        base = os.environ.get("LOB_BASE_DB")
        subprocess.run(["createdb", *(["-T", base] if base else []), db], check=True)
    print(f"==> {'updating' if exists else 'installing'} lob_hrm on {db}", file=sys.stderr)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            f"--addons-path={addons_path}",
            "-d",
            db,
            "-u" if exists else "-i",
            "lob_hrm",
            "--without-demo=all",
            "--stop-after-init",
            "--log-level=warn",
            "--max-cron-threads=0",
            "--http-port=0",
        ],
        check=True,
    )


def _time_imports(env, documents: list[dict], repeat: int) -> list[tuple[float, int]]:
    """(best time, SQL queries) of importing each document (validation, plan, writes,
    alignment), each rolled back afterwards. The sizes take turns, so that a machine busy
    with something else slows them alike."""
    bridge = env["lob.exchange"]
    raws = [json.dumps(document) for document in documents]
    best = [float("inf")] * len(raws)
    queries = [0] * len(raws)
    for _ in range(repeat):
        for index, raw in enumerate(raws):
            env.invalidate_all()
            gc.collect()
            env.cr.execute("SAVEPOINT bench")
            count = env.cr.sql_log_count
            start = time.perf_counter()
            bridge._import_document(bridge._load(raw), company=env.company)
            env.flush_all()
            best[index] = min(best[index], time.perf_counter() - start)
            queries[index] = env.cr.sql_log_count - count
            env.cr.execute("ROLLBACK TO SAVEPOINT bench")
            env.invalidate_all()
    return list(zip(best, queries, strict=True))


def _report(label: str, sizes: list[int], results: list[tuple[float, int]]) -> bool:
    print(f"\n{label}")
    for size, (took, queries) in zip(sizes, results, strict=True):
        print(f"  {size:>6}: {took:7.2f} s  {queries:>5} queries")
    ratio = results[-1][0] / results[0][0]
    factor = sizes[-1] / sizes[0]
    target = MAX_RATIO * factor / 5
    ok = ratio <= target
    print(
        f"  ratio {ratio:.1f}x for {factor:.0f}x the size (target <= {target:.1f}x): "
        f"{'ok' if ok else 'MISSED'}"
    )
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prompts", type=int, nargs=2, default=[1000, 5000])
    parser.add_argument("--words", type=int, nargs=2, default=[1000, 5000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", default="lob_hrm_bench")
    parser.add_argument("--no-update", action="store_true", help="skip -u lob_hrm")
    args = parser.parse_args(argv)
    try:
        import odoo  # noqa: PLC0415 (optional: the bench skips without Odoo)
    except ImportError:
        print("bench-import SKIPPED: Odoo 18 is not importable by this Python (import odoo).")
        return 0

    addons_path = os.environ.get("LOB_ADDONS_PATH")  # a staged copy, from scripts/odoo-bench
    if not addons_path:
        stage = tempfile.mkdtemp(prefix="lob-bench-")
        os.symlink(ROOT, os.path.join(stage, "lob_hrm"))  # the technical name is the folder's
        addons_path = f"{os.path.join(os.path.dirname(odoo.__file__), 'addons')},{stage}"
    _ensure_database(args.db, addons_path, update=not args.no_update)

    from odoo.modules.registry import Registry  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config([f"--addons-path={addons_path}", "-d", args.db, "--log-level=warn"])
    registry = Registry(args.db)
    ok = True
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        print(f"Odoo import of LOB exchange files, best of {args.repeat}, database {args.db}")
        results = _time_imports(env, [prompts_document(n) for n in args.prompts], args.repeat)
        ok &= _report("one template with N prompts", args.prompts, results)
        results = _time_imports(env, [words_document(n) for n in args.words], args.repeat)
        ok &= _report(
            "N words to avoid (50 a term) and a template of 200 prompts", args.words, results
        )
        cr.rollback()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
