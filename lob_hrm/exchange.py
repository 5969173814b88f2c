"""Load, check and write the versioned JSON exchange format.

:func:`load_document` is the only way in: it parses, validates the schemas and then checks
duplicate keys and cross references, and reports *every* problem with its JSON path in one
:class:`ExchangeError`.  Nothing is returned half-validated.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

from pydantic import ValidationError

from .errors import ExchangeError, Problem, problem, problems_from_validation
from .policy import PolicyFrame
from .schemas import FORMAT_NAME, FORMAT_VERSION, Document, Instrument, TalkTemplate

__all__ = [
    "ExchangeError",
    "Problem",
    "content_fingerprint",
    "dump_document",
    "instrument_fingerprint",
    "load_document",
    "policy_frame_fingerprint",
]

MAX_BYTES = 50 * 1024 * 1024


def parse_json(raw: str | bytes) -> Any:
    if len(raw) > MAX_BYTES:
        raise ExchangeError(
            [problem((), "too_large", "the file is larger than {limit} MB", limit="50")]
        )
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        detail = f"line {exc.lineno}, column {exc.colno}" if hasattr(exc, "lineno") else ""
        raise ExchangeError(
            [problem((), "invalid_json", "not valid JSON ({detail})", detail=detail or str(exc))]
        ) from None
    except ValueError:
        # Python refuses to convert integers of thousands of digits (sys.set_int_max_str_digits)
        raise ExchangeError(
            [problem((), "number_too_large", "the file holds a number with too many digits")]
        ) from None
    except RecursionError:
        raise ExchangeError(
            [problem((), "invalid_json", "not valid JSON ({detail})", detail="nested too deep")]
        ) from None


def load_document(data: Any) -> Document:
    """Validate ``data`` (a parsed JSON value, or JSON text) into a :class:`Document`."""
    if isinstance(data, str | bytes | bytearray):
        data = parse_json(data)
    if not isinstance(data, dict):
        raise ExchangeError([problem((), "not_object", "the document must be a JSON object")])
    if data.get("format") != FORMAT_NAME:
        raise ExchangeError(
            [problem(("format",), "wrong_format", "expected format '{name}'", name=FORMAT_NAME)]
        )
    if data.get("version") != FORMAT_VERSION:
        raise ExchangeError(
            [
                problem(
                    ("version",),
                    "wrong_version",
                    "unsupported version {found}; this tool reads version {version}",
                    found=json.dumps(data.get("version")),
                    version=str(FORMAT_VERSION),
                )
            ]
        )
    try:
        document = Document.model_validate(data)
    except ValidationError as exc:
        raise ExchangeError(problems_from_validation(exc)) from None
    problems = list(check_references(document))
    if problems:
        raise ExchangeError(problems)
    return document


def _duplicates(items, attr: str, loc: tuple) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, item in enumerate(items):
        value = getattr(item, attr)
        if value in seen:
            yield problem((*loc, index, attr), "duplicate_key", "duplicate key '{key}'", key=value)
        seen.add(value)


def _unknown(value: str | None, known: set[str], loc: tuple, what: str) -> Iterator[Problem]:
    if value is not None and value not in known:
        yield problem(loc, "unknown_reference", "unknown {what} '{key}'", what=what, key=value)


def check_references(doc: Document) -> Iterator[Problem]:
    """Duplicate keys and dangling references, each with its JSON path."""
    yield from _duplicates(doc.dimensions, "key", ("dimensions",))
    yield from _duplicates(doc.idiom, "key", ("idiom",))
    yield from _duplicates(doc.templates, "key", ("templates",))
    yield from _duplicates(doc.roles, "key", ("roles",))
    yield from _duplicates(doc.instruments, "key", ("instruments",))
    yield from _duplicates(doc.policy_frames, "key", ("policy_frames",))
    dimensions = {d.key for d in doc.dimensions}
    for ii, instrument in enumerate(doc.instruments):
        seen: set[str] = set()
        for di, key in enumerate(instrument.dimensions):
            dloc = ("instruments", ii, "dimensions", di)
            yield from _unknown(key, dimensions, dloc, "dimension")
            if key in seen:
                yield problem(dloc, "duplicate_key", "duplicate key '{key}'", key=key)
            seen.add(key)
    templates = {t.key: t for t in doc.templates}
    for ti, template in enumerate(doc.templates):
        loc = ("templates", ti)
        yield from _duplicates(template.sections, "key", (*loc, "sections"))
        prompt_keys: set[str] = set()
        for si, section in enumerate(template.sections):
            for pi, prompt in enumerate(section.prompts):
                ploc = (*loc, "sections", si, "prompts", pi)
                if prompt.key in prompt_keys:
                    yield problem(
                        (*ploc, "key"), "duplicate_key", "duplicate key '{key}'", key=prompt.key
                    )
                prompt_keys.add(prompt.key)
                yield from _unknown(prompt.dimension, dimensions, (*ploc, "dimension"), "dimension")
        links = (
            (template.parent, (*loc, "parent")),
            (template.source and template.source.key, (*loc, "source", "key")),
        )
        for ref, ref_loc in links:
            yield from _unknown(ref, set(templates), ref_loc, "template")
            if ref == template.key:
                yield problem(ref_loc, "self_reference", "a template cannot refer to itself")
        yield from _check_source(
            template, templates.get(template.source.key) if template.source else None, loc
        )
        parent = templates.get(template.parent) if template.parent else None
        if parent and not parent.central:
            yield problem(
                (*loc, "parent"),
                "not_central_template",
                "the parent '{key}' is not a central template",
                key=template.parent,
            )
        if parent and parent.audience != template.audience:
            yield problem(
                (*loc, "parent"),
                "parent_audience",
                "the central template '{key}' is for another audience ({audience})",
                key=template.parent,
                audience=parent.audience.value,
            )
    yield from _parent_cycles(doc)
    framework = doc.framework
    competencies: set[str] = set()
    levels: set[str] = set()
    if framework:
        floc = ("framework",)
        yield from _duplicates(framework.levels, "key", (*floc, "levels"))
        yield from _duplicates(framework.areas, "key", (*floc, "areas"))
        yield from _duplicates(framework.competencies, "key", (*floc, "competencies"))
        ranks: set[int] = set()
        for li, level in enumerate(framework.levels):
            if level.rank in ranks:
                yield problem(
                    (*floc, "levels", li, "rank"),
                    "duplicate_rank",
                    "duplicate rank {rank}",
                    rank=str(level.rank),
                )
            ranks.add(level.rank)
        levels = {level.key for level in framework.levels}
        areas = {area.key for area in framework.areas}
        competencies = {c.key for c in framework.competencies}
        for ci, competency in enumerate(framework.competencies):
            cloc = (*floc, "competencies", ci)
            yield from _unknown(competency.area, areas, (*cloc, "area"), "area")
            yield from _duplicates(competency.levels, "level", (*cloc, "levels"))
            for li, described in enumerate(competency.levels):
                yield from _unknown(
                    described.level, levels, (*cloc, "levels", li, "level"), "level"
                )
    for ri, role in enumerate(doc.roles):
        rloc = ("roles", ri)
        if role.targets and not framework:
            yield problem(
                (*rloc, "targets"), "missing_framework", "role targets need a competency framework"
            )
            continue
        yield from _duplicates(role.targets, "competency", (*rloc, "targets"))
        for gi, target in enumerate(role.targets):
            tloc = (*rloc, "targets", gi)
            yield from _unknown(
                target.competency, competencies, (*tloc, "competency"), "competency"
            )
            yield from _unknown(target.level, levels, (*tloc, "level"), "level")
    if doc.overview:
        if not framework:
            yield problem(
                ("overview",), "missing_framework", "an overview needs a competency framework"
            )
            return
        roles = {role.key for role in doc.roles}
        for oi, row in enumerate(doc.overview.rows):
            oloc = ("overview", "rows", oi)
            yield from _unknown(row.role, roles, (*oloc, "role"), "role")
            yield from _unknown(row.competency, competencies, (*oloc, "competency"), "competency")
            yield from _unknown(row.level, levels, (*oloc, "level"), "level")
            yield from _unknown(row.target, levels, (*oloc, "target"), "level")
        for ai, action in enumerate(doc.overview.actions):
            yield from _unknown(
                action.competency,
                competencies,
                ("overview", "actions", ai, "competency"),
                "competency",
            )


def _check_source(template, source, loc: tuple) -> Iterator[Problem]:
    """A mirrored source is a student template, mirrored by a staff template, and every
    ``mirrors`` link names a section or prompt that the source has."""
    if template.source and template.audience.value not in ("staff", "trialoog"):
        yield problem(
            (*loc, "source"),
            "source_not_staff",
            "only a staff template can mirror a student template",
        )
    if source and source.audience.value != "student":
        yield problem(
            (*loc, "source", "key"),
            "not_student_template",
            "the mirrored source '{key}' is not a student template",
            key=template.source.key,
        )
    # with an unknown source (reported already) there is nothing to check the links against
    sections = {s.key for s in source.sections} if source else None
    prompts = {p.key for _section, p in source.prompts()} if source else None
    for si, section in enumerate(template.sections):
        sloc = (*loc, "sections", si)
        yield from _mirror_target(
            template, section.mirrors, sections, (*sloc, "mirrors"), "section"
        )
        for pi, prompt in enumerate(section.prompts):
            yield from _mirror_target(
                template, prompt.mirrors, prompts, (*sloc, "prompts", pi, "mirrors"), "prompt"
            )


def _mirror_target(template, link, known, loc: tuple, what: str) -> Iterator[Problem]:
    if link is None:
        return
    if template.source is None:
        yield problem(loc, "mirror_without_source", "the template mirrors no student template")
    elif known is not None and link.key not in known:
        yield problem(
            (*loc, "key"),
            "unknown_mirror",
            "the student template has no {what} '{key}'",
            what=what,
            key=link.key,
        )


def _parent_cycles(doc: Document) -> Iterator[Problem]:
    """Central templates that derive from each other in a circle."""
    parents = {t.key: t.parent for t in doc.templates}
    index = {t.key: i for i, t in enumerate(doc.templates)}
    reported: set[str] = set()
    for start in parents:
        seen: list[str] = []
        key: str | None = start
        while key is not None and key in parents and key not in seen:
            seen.append(key)
            key = parents[key]
        if key is None or key not in seen or key in reported:
            continue
        cycle = seen[seen.index(key) :]
        reported.update(cycle)
        yield problem(
            ("templates", index[key], "parent"),
            "parent_cycle",
            "the central templates derive from each other in a circle: {cycle}",
            cycle=" → ".join([*cycle, key]),
        )


def content_fingerprint(template: TalkTemplate) -> str:
    """What makes two templates with one key the same instrument: audience, kind, central,
    and every section and prompt with its links. Not the name and description (a college may
    translate or rename them), nor the template's own links (resolved on import)."""
    content = template.model_dump(mode="json", include={"audience", "kind", "central", "sections"})
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def _digest(content) -> str:
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def instrument_fingerprint(instrument: Instrument) -> str:
    """What makes two instruments with one key the same: kind, audience, phase, career
    competencies, link and the file's bytes and type. Not the title, description, language,
    author or file name, which a college may translate or rename."""
    file = instrument.file
    return _digest(
        {
            "kind": instrument.kind.value,
            "audience": instrument.audience.value,
            "phase": instrument.phase and instrument.phase.value,
            "dimensions": sorted(instrument.dimensions),
            "link": instrument.link,
            "file": file and [file.mimetype, hashlib.sha256(file.content()).hexdigest()],
        }
    )


def policy_frame_fingerprint(frame: PolicyFrame) -> str:
    """What makes two policy frames with one key the same: the goals (pillar, indicator,
    target, baseline) and the bigger stories they serve. Not the names, texts and school
    years, which a college adapts."""
    return _digest(
        {
            "goals": sorted(
                [g.key, g.pillar, g.indicator, g.target, g.baseline] for g in frame.goals
            ),
            "stories": sorted(link.story for link in frame.bigger_story),
        }
    )


def dump_document(doc: Document) -> str:
    """Canonical JSON text: stable key order, defaults left out, UTF-8 friendly."""
    data = doc.model_dump(mode="json", exclude_defaults=True)
    data = {"format": FORMAT_NAME, "version": FORMAT_VERSION, **data}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def json_schema() -> dict:
    """The published JSON Schema (``schema/lob-hrm-exchange.schema.json``)."""
    schema = Document.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://lob-hrm.invalid/schema/{FORMAT_NAME}-{FORMAT_VERSION}.json"
    schema["title"] = "LOB HRM exchange document"
    return schema
