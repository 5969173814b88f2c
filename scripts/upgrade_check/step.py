"""One step of ``scripts/upgrade-check`` in one database, run by the Python that runs Odoo
with the add-on of the release under test on its addons path:

- ``fill``: (earlier release) do what HR would have done, then write the snapshot and HR's
  edits to ``--state``;
- ``reference``: (fresh install of HEAD) write what a fresh install holds to ``--state``;
- ``check``: (after the upgrade to HEAD) compare with ``--state`` and ``--reference``, print
  one summary line; exit 1 with every problem found.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import check
import snapshot
from fill import fill

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tools import config


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("step", choices=("fill", "reference", "check"))
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--state", required=True, help="JSON file written or read")
    parser.add_argument("--reference", help="JSON file of the fresh install (check)")
    parser.add_argument("--content", help="default content JSON of the release (fill)")
    parser.add_argument("--label", default="", help="release name for the summary line")
    args = parser.parse_args()
    config.parse_config(
        [f"--addons-path={args.addons_path}", f"--database={args.db}", "--log-level=warn"]
    )
    state = Path(args.state)
    with Registry(args.db).cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        if args.step == "fill":
            expect = fill(env, args.content)
            env.flush_all()
            state.write_text(json.dumps({"expect": expect, "snapshot": snapshot.take(env)}))
            return 0
        if args.step == "reference":
            state.write_text(json.dumps(check.reference(env)))
            return 0
        before = json.loads(state.read_text())
        reference = json.loads(Path(args.reference).read_text())
        report = check.run(env, before, reference)
        cr.rollback()
    figures = report.figures
    sys.stdout.write(
        f"{args.label}: {figures.get('records', 0)} records with {figures.get('links', 0)} "
        f"links and {figures.get('activities', 0)} activities kept, "
        f"{figures.get('edits', 0)} HR edits kept; present: {figures.get('added', '?')}\n"
    )
    for problem in report.problems:
        sys.stdout.write(f"  FAIL {problem}\n")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
