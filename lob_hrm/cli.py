"""The ``lob-hrm`` command line (``python -m lob_hrm``).

Every command reads and writes the exchange format.  Exit codes: 0 success, 2 bad input (the
problems, each with its JSON path, on stderr).  Output files are written to a temporary file
beside the target and renamed into place, so a failed run never leaves a half-written file.
"""

# A command line talks to its user on stdout and stderr: print is its interface.
# pylint: disable=print-used

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from pydantic import TypeAdapter, ValidationError

from . import __version__
from .alignment import align
from .demo import build_demo_college
from .errors import Problem, problems_from_validation
from .exchange import ExchangeError, dump_document, json_schema, load_document, parse_json
from .mirror import MirrorError, mirror_template
from .overview import build_overview
from .policy import PolicyRow, PolicySheet
from .schemas import Audience, Document, TalkKind
from .xlsx import write_workbook

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """A request that cannot be carried out with this input (exit code 2)."""


@contextlib.contextmanager
def atomic_output(path: Path, mode: str = "wb") -> Iterator[IO]:
    """Open a temporary file beside ``path``; rename it over ``path`` only on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as stream:
            yield stream
        # mkstemp creates 0600; give the result the permissions a plain open() would
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _read_document(path: str) -> Document:
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror}") from None
    return load_document(raw)


def _read_policy(path: str) -> PolicySheet:
    """The policy sheet's rows from a JSON file: a list of rows, or an object with the
    rows and the policy's ``title``, ``school_year`` and ``reference_date``.  Problems are
    named by the file and their JSON path, all at once."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        data = parse_json(raw)
        if isinstance(data, list):
            return PolicySheet(rows=TypeAdapter(list[PolicyRow]).validate_python(data))
        return PolicySheet.model_validate(data)
    except ExchangeError as exc:
        problems = exc.problems
    except ValidationError as exc:
        problems = problems_from_validation(exc)
    raise ExchangeError(
        Problem(f"{path} {p.path}", p.code, p.message, p.params, p.loc) for p in problems
    )


def _write_text(text: str, output: str | None) -> None:
    if output in (None, "-"):
        sys.stdout.write(text)
        return
    with atomic_output(Path(output), "w") as stream:
        stream.write(text)


def _progress(label: str, quiet: bool) -> Callable[[int, int], None] | None:
    """A progress callback printing at most every tenth to stderr."""
    if quiet:
        return None
    last = [-1]

    def report(done: int, total: int) -> None:
        tenth = done * 10 // max(total, 1)
        if tenth != last[0]:
            last[0] = tenth
            print(f"{label}: {done}/{total}", file=sys.stderr, flush=True)

    return report


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "value") and not isinstance(value, int | float | str | bool):
        return value.value
    return value


def alignment_reports(doc: Document, only: str | None = None) -> list[dict]:
    """Align every staff template (or only ``only``) with its student source."""
    templates = {t.key: t for t in doc.templates}
    if only is not None and only not in templates:
        raise UsageError(f"no template with key '{only}'")
    reports = []
    for template in doc.templates:
        if template.audience != Audience.STAFF or (only and template.key != only):
            continue
        source = templates.get(template.source.key) if template.source else None
        report = align(template, source, doc.dimensions, doc.idiom)
        reports.append(
            {
                "template": template.key,
                "name": template.name,
                "source": source.key if source else None,
                **_jsonable(report),
            }
        )
    if only is not None and not reports:
        raise UsageError(f"template '{only}' is not a staff template")
    return reports


def _format_reports(reports: list[dict]) -> str:
    lines = []
    for report in reports:
        lines.append(f"{report['name']} ({report['template']}): score {report['score']}/100")
        for finding in report["findings"]:
            where = "/".join(p for p in (finding.get("section"), finding.get("prompt")) if p)
            lines.append(
                f"  [{finding['severity']}] {finding['code']}"
                + (f" at {where}" if where else "")
                + f": {finding['message']}"
            )
    return "\n".join(lines) + "\n"


# -- commands -----------------------------------------------------------------------------


def cmd_validate(args) -> int:
    doc = _read_document(args.file)
    counts = {
        "dimensions": len(doc.dimensions),
        "idiom terms": len(doc.idiom),
        "templates": len(doc.templates),
        "competencies": len(doc.framework.competencies) if doc.framework else 0,
        "roles": len(doc.roles),
        "overview rows": len(doc.overview.rows) if doc.overview else 0,
    }
    print(f"{args.file}: valid ({', '.join(f'{n} {what}' for what, n in counts.items())})")
    return EXIT_OK


def cmd_mirror(args) -> int:
    doc = _read_document(args.file)
    templates = {t.key: t for t in doc.templates}
    if args.template not in templates:
        raise UsageError(f"no template with key '{args.template}'")
    if args.key in templates:
        raise UsageError(f"a template with key '{args.key}' exists already")
    try:
        staff = mirror_template(
            templates[args.template], doc.idiom, TalkKind(args.kind), args.key, args.name
        )
    except MirrorError as exc:
        raise UsageError(str(exc)) from None
    result = load_document(
        json.loads(dump_document(doc.model_copy(update={"templates": [*doc.templates, staff]})))
    )
    _write_text(dump_document(result), args.output)
    return EXIT_OK


def cmd_align(args) -> int:
    doc = _read_document(args.file)
    reports = alignment_reports(doc, args.template)
    if args.format == "json":
        text = json.dumps(reports, ensure_ascii=False, indent=2) + "\n"
    else:
        text = _format_reports(reports)
    _write_text(text, args.output)
    if args.min_score is not None and any(r["score"] < args.min_score for r in reports):
        return 1
    return EXIT_OK


def _write_overview_workbook(
    doc: Document, output: str, quiet: bool, policy: PolicySheet | None = None
) -> None:
    if not doc.framework or not doc.overview:
        raise UsageError("the document needs a 'framework' and an 'overview' to write a workbook")
    overview = build_overview(doc.framework, doc.roles, doc.overview)
    with atomic_output(Path(output)) as stream:
        write_workbook(
            stream,
            doc.framework,
            doc.roles,
            doc.overview,
            dimensions=doc.dimensions,
            idiom=doc.idiom,
            overview=overview,
            progress=_progress("writing workbook (employees)", quiet),
            policy=policy,
        )


def cmd_overview(args) -> int:
    doc = _read_document(args.file)
    # every input is checked before anything is written
    policy = _read_policy(args.policy) if args.policy else None
    _write_overview_workbook(doc, args.output, args.quiet, policy)
    print(f"wrote {args.output}")
    return EXIT_OK


def cmd_schema(args) -> int:
    _write_text(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", args.output)
    return EXIT_OK


def cmd_demo(args) -> int:
    if args.employees < 1 or args.employees > 20_000:
        raise UsageError("--employees must be between 1 and 20000")
    if not args.quiet:
        print(f"building a fictional college of {args.employees} employees", file=sys.stderr)
    doc = build_demo_college(seed=args.seed, employees=args.employees)
    _write_overview_workbook(doc, args.output, args.quiet)
    reports = alignment_reports(doc)
    _write_text(json.dumps(reports, ensure_ascii=False, indent=2) + "\n", args.report)
    if args.document:
        _write_text(dump_document(doc), args.document)
    print(f"wrote {args.output} and {args.report}")
    sys.stdout.write(_format_reports(reports))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lob-hrm",
        description="Staff talk templates that mirror the student career talk, their alignment, "
        "and LOB competency overviews in Excel. Reads and writes the lob-hrm-exchange JSON.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check an exchange document; problems name JSON paths")
    p.add_argument("file", help="exchange JSON file, or - for standard input")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("mirror", help="mirror a student template into a staff template")
    p.add_argument("file", help="exchange JSON with the student template and the idiom")
    p.add_argument("--template", required=True, help="key of the student template")
    p.add_argument(
        "--kind",
        required=True,
        choices=[k.value for k in TalkKind if k != TalkKind.CAREER],
        help="kind of staff talk",
    )
    p.add_argument("--key", required=True, help="key of the new staff template")
    p.add_argument("--name", help="name of the new staff template (default: the kind's name)")
    p.add_argument("--output", "-o", help="output document (default: standard output)")
    p.set_defaults(func=cmd_mirror)

    p = sub.add_parser("align", help="score staff templates against their student source")
    p.add_argument("file", help="exchange JSON with the templates, dimensions and idiom")
    p.add_argument("--template", help="key of one staff template (default: all)")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--min-score", type=int, help="exit 1 when a template scores below this")
    p.add_argument("--output", "-o", help="output file (default: standard output)")
    p.set_defaults(func=cmd_align)

    p = sub.add_parser("overview", help="write the competency overview workbook (.xlsx)")
    p.add_argument("file", help="exchange JSON with framework, roles and overview rows")
    p.add_argument("--output", "-o", required=True, help="the .xlsx file to write")
    p.add_argument(
        "--policy",
        metavar="FILE",
        help="also write the policy sheet (Beleid) from this JSON: a list of policy rows, or "
        "an object with 'rows' and optional 'title', 'school_year' and 'reference_date'",
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    p.set_defaults(func=cmd_overview)

    p = sub.add_parser("schema", help="print the JSON Schema of the exchange format")
    p.add_argument("--output", "-o", help="output file (default: standard output)")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser(
        "demo", help="a fictional college: its workbook and the alignment of the default templates"
    )
    p.add_argument("--seed", type=int, default=2026, help="random seed (default: 2026)")
    p.add_argument("--employees", type=int, default=120, help="number of staff (default: 120)")
    p.add_argument("--output", "-o", default="lob-demo.xlsx", help="workbook to write")
    p.add_argument("--report", default="alignment.json", help="alignment report to write")
    p.add_argument("--document", help="also write the college as an exchange document")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    p.set_defaults(func=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ExchangeError as exc:
        for problem in exc.problems:
            print(f"error: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"error: {exc.filename or ''}: {exc.strerror}", file=sys.stderr)
        return EXIT_BAD_INPUT
