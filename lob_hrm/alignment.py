"""Alignment ("consistent configureren"): how well a staff template mirrors the student talk.

:func:`align` compares a staff template with its student source, the career dimensions, the
LOB idiom and the principles of a good career dialogue, and returns a score with findings HR
can act on.  Findings carry a stable ``code`` and string ``params`` so that a UI can translate
them; the English ``message`` names things by their names.

Score
-----
Each check earns a *credit* between 0 and 1; its points are ``weight * credit``::

    score = floor(100 * sum(weight * credit) / sum(weight) + 1/2)

over the *applicable* checks only, in exact fractions, so the score is a deterministic
integer in 0..100.  Checks that need a source (phases, mirror integrity, drift) do not apply
without one, dimension coverage needs dimensions (or a source covering some), and the idiom
check needs an idiom with something to avoid or rephrase.

=====================  ======  =====================================================
check                  weight  credit
=====================  ======  =====================================================
dimensions             25      share of the dimensions (given, plus those the source
                               covers) that at least one staff prompt covers
phases                 10      longest run of source phases found in the staff
                               template in the same relative order / source phases
employee_led           10      first opening/look-back prompt (else first prompt)
                               answered by the coachee 1, together 1/2, coach 0; in a
                               trialoog: the student's 1, school's or company's 0
concrete_experience    10      a look-back prompt answered by the coachee 1, only
                               other look-back prompts 1/2, no look-back prompt 0
forward_look           5       a look-ahead prompt 1, else 0
agreements             10      an agreement prompt in the action phase 1, an agreement
                               prompt elsewhere or an action phase without one 1/2, 0
idiom                  10      1 - 1/5 per distinct avoided term or student wording
                               found in staff texts, at least 0 (a trialoog speaks
                               the student's words: only avoided terms count)
mirror_integrity       15      per source prompt: mirrored with the same dimension 1,
                               mirrored with another dimension 1/2, not mirrored 0;
                               averaged
drift                  5       1 when no mirror link (template, sections, prompts)
                               drifted, else half the share of unchanged links
=====================  ======  =====================================================

A score of 100 means nothing to fix: with any error or warning finding the score is at most
99, so that rounding never hides a small problem.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from math import floor
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .fingerprint import prompt_fingerprint, section_fingerprint, template_fingerprint
from .labels import ALIGNMENT_CHECKS
from .mirror import Wordings, normalise
from .schemas import (
    AnswerType,
    Audience,
    Dimension,
    IdiomTerm,
    Party,
    Phase,
    Prompt,
    Respondent,
    Section,
    TalkTemplate,
)

Severity = Literal["error", "warning", "info"]

# code -> (label, weight); the order is the order of the report.
CHECKS: dict[str, tuple[str, int]] = {
    code: (ALIGNMENT_CHECKS[code], weight)
    for code, weight in (
        ("dimensions", 25),
        ("phases", 10),
        ("employee_led", 10),
        ("concrete_experience", 10),
        ("forward_look", 5),
        ("agreements", 10),
        ("idiom", 10),
        ("mirror_integrity", 15),
        ("drift", 5),
    )
}

# finding code -> the check whose points it costs (see ``rescore``).
FINDING_CHECKS: dict[str, str] = {
    "dimension_missing": "dimensions",
    "phase_missing": "phases",
    "phase_order": "phases",
    "not_employee_led": "employee_led",
    "not_student_led": "employee_led",
    "no_concrete_experience": "concrete_experience",
    "no_forward_look": "forward_look",
    "no_agreements": "agreements",
    "avoided_term": "idiom",
    "student_wording": "idiom",
    "source_prompt_not_mirrored": "mirror_integrity",
    "dimension_changed": "mirror_integrity",
    "source_mismatch": "drift",
    "source_changed": "drift",
    "source_section_changed": "drift",
    "source_section_removed": "drift",
    "source_prompt_changed": "drift",
    "source_prompt_removed": "drift",
}

PHASE_LABELS: dict[Phase, str] = {
    Phase.OPENING: "opening",
    Phase.LOOK_BACK: "look back (terugblik)",
    Phase.REFLECTION: "reflection (reflectie)",
    Phase.LOOK_AHEAD: "look ahead (vooruitblik)",
    Phase.ACTION: "action (actie / afspraken)",
    Phase.CLOSING: "closing",
}

# Each distinct avoided term or leftover student wording costs this share of the idiom check.
IDIOM_STEP = Fraction(1, 5)
EXCERPT = 60


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Finding(_Frozen):
    """Something HR can act on; ``section``/``prompt`` are keys in the staff template."""

    code: str
    severity: Severity
    message: str
    section: str | None = None
    prompt: str | None = None
    params: dict[str, str] = Field(default_factory=dict)


class Check(_Frozen):
    """One line of the score breakdown; a check that does not apply earns and weighs nothing."""

    code: str
    label: str
    weight: int
    earned: float
    applicable: bool = True


class AlignmentReport(_Frozen):
    score: int = Field(ge=0, le=100)
    checks: list[Check]
    findings: list[Finding]


@dataclass
class _Result:
    """What one check found; ``credit`` None means it does not apply."""

    credit: Fraction | None
    findings: list[Finding] = field(default_factory=list)


# -- helpers ------------------------------------------------------------------------------


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def _prompt_name(section: Section, prompt: Prompt) -> str:
    return f"prompt '{_excerpt(prompt.text)}' in section '{section.title}'"


def _phase_prompts(template: TalkTemplate, *phases: Phase) -> list[Prompt]:
    return [p for s in template.sections if s.phase in phases for p in s.prompts]


def _phase_sequence(template: TalkTemplate) -> list[Phase]:
    """Phases in the order of their first section."""
    return list(dict.fromkeys(s.phase for s in template.sections))


def _common_order(reference: list[Phase], actual: list[Phase]) -> list[Phase]:
    """Longest common subsequence: the reference phases that keep their relative order."""
    rows = [[0] * (len(actual) + 1) for _ in range(len(reference) + 1)]
    for i, ref in enumerate(reference):
        for j, act in enumerate(actual):
            rows[i + 1][j + 1] = (
                rows[i][j] + 1 if ref == act else max(rows[i][j + 1], rows[i + 1][j])
            )
    common: list[Phase] = []
    i, j = len(reference), len(actual)
    while i and j:
        if reference[i - 1] == actual[j - 1]:
            common.append(reference[i - 1])
            i, j = i - 1, j - 1
        elif rows[i - 1][j] >= rows[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return common[::-1]


def _dimension_name(names: dict[str, str], key: str | None) -> str:
    return names.get(key, key) if key else "(none)"


# -- checks -------------------------------------------------------------------------------


def _check_dimensions(
    staff: TalkTemplate, source: TalkTemplate | None, dimensions: Sequence[Dimension]
) -> _Result:
    by_key = {d.key: d for d in dimensions}
    in_source = [p.dimension for _, p in source.prompts() if p.dimension] if source else []
    targets = list(dict.fromkeys([*by_key, *in_source]))
    if not targets:
        return _Result(None)
    covered = {p.dimension for _, p in staff.prompts()}
    findings = []
    for key in targets:
        if key in covered:
            continue
        dimension = by_key.get(key)
        name = dimension.name if dimension else key
        question = f" ({dimension.question})" if dimension else ""
        also = "; the student template does cover it" if key in in_source else ""
        findings.append(
            Finding(
                code="dimension_missing",
                severity="error",
                message=f"No prompt covers the dimension '{name}'{question}{also}. "
                "Add a prompt for it or set it on an existing prompt.",
                params={
                    "dimension": key,
                    "name": name,
                    "in_source": "yes" if key in in_source else "no",
                },
            )
        )
    return _Result(Fraction(len(targets) - len(findings), len(targets)), findings)


def _check_phases(staff: TalkTemplate, source: TalkTemplate | None) -> _Result:
    if source is None:
        return _Result(None)
    reference = _phase_sequence(source)
    actual = _phase_sequence(staff)
    kept = set(_common_order(reference, actual))
    order = ", ".join(PHASE_LABELS[p] for p in reference)
    findings = []
    for phase in reference:
        if phase not in actual:
            original = next(s for s in source.sections if s.phase is phase)
            findings.append(
                Finding(
                    code="phase_missing",
                    severity="warning",
                    message=f"The student template has a {PHASE_LABELS[phase]} phase "
                    f"('{original.title}'); this template has none. Add a section for it.",
                    params={"phase": phase.value, "source_title": original.title},
                )
            )
        elif phase not in kept:
            section = next(s for s in staff.sections if s.phase is phase)
            findings.append(
                Finding(
                    code="phase_order",
                    severity="warning",
                    message=f"Section '{section.title}' ({PHASE_LABELS[phase]}) breaks the "
                    f"order of the student talk: {order}. Move it.",
                    section=section.key,
                    params={
                        "phase": phase.value,
                        "title": section.title,
                        "order": ",".join(p.value for p in reference),
                    },
                )
            )
    return _Result(Fraction(len(kept), len(reference)), findings)


def _opening_prompts(staff: TalkTemplate) -> list[tuple[Section, Prompt]]:
    opening = [
        (s, p)
        for s in staff.sections
        if s.phase in (Phase.OPENING, Phase.LOOK_BACK)
        for p in s.prompts
    ]
    return opening or staff.prompts()


def _check_student_led(trialogue: TalkTemplate) -> _Result:
    """A trialoog opens with the student: school and company listen first."""
    candidates = _opening_prompts(trialogue)
    if not candidates:
        return _check_employee_led_prompts(candidates)
    section, prompt = candidates[0]
    if prompt.party is Party.STUDENT:
        return _Result(Fraction(1))
    party = prompt.party.value if prompt.party else ""
    finding = Finding(
        code="not_student_led",
        severity="warning",
        message=f"The trialoog opens with {_prompt_name(section, prompt)}, answered by the "
        f"{party}. Let the student open with their own experience or question; school and "
        "company follow.",
        section=section.key,
        prompt=prompt.key,
        params={"party": party, "text": prompt.text},
    )
    return _Result(Fraction(0), [finding])


def _check_employee_led(staff: TalkTemplate) -> _Result:
    if staff.audience is Audience.TRIALOGUE:
        return _check_student_led(staff)
    return _check_employee_led_prompts(_opening_prompts(staff))


def _check_employee_led_prompts(candidates: list[tuple[Section, Prompt]]) -> _Result:
    if not candidates:
        return _Result(
            Fraction(0),
            [
                Finding(
                    code="not_employee_led",
                    severity="warning",
                    message="The template has no prompts, so the employee cannot open the talk.",
                    params={"respondent": ""},
                )
            ],
        )
    section, prompt = candidates[0]
    if prompt.respondent is Respondent.COACHEE:
        return _Result(Fraction(1))
    who = "the manager" if prompt.respondent is Respondent.COACH else "both together"
    finding = Finding(
        code="not_employee_led",
        severity="warning",
        message=f"The talk opens with {_prompt_name(section, prompt)}, answered by {who}. "
        "Let the employee open with their own experience or question (vraaggericht).",
        section=section.key,
        prompt=prompt.key,
        params={"respondent": prompt.respondent.value, "text": prompt.text},
    )
    credit = Fraction(1, 2) if prompt.respondent is Respondent.TOGETHER else Fraction(0)
    return _Result(credit, [finding])


def _check_concrete_experience(staff: TalkTemplate) -> _Result:
    look_back = _phase_prompts(staff, Phase.LOOK_BACK)
    if any(p.respondent is Respondent.COACHEE for p in look_back):
        return _Result(Fraction(1))
    if look_back:
        credit, reason = Fraction(1, 2), "not_coachee"
        message = (
            "No look-back prompt is answered by the employee. Ask the employee to describe a "
            "concrete work experience (praktijkgericht)."
        )
    else:
        credit, reason = Fraction(0), "no_look_back"
        message = (
            "There is no look-back (terugblik) prompt. Start from a concrete work experience "
            "the employee describes (praktijkgericht)."
        )
    return _Result(
        credit,
        [
            Finding(
                code="no_concrete_experience",
                severity="warning",
                message=message,
                params={"reason": reason},
            )
        ],
    )


def _check_forward_look(staff: TalkTemplate) -> _Result:
    if _phase_prompts(staff, Phase.LOOK_AHEAD):
        return _Result(Fraction(1))
    finding = Finding(
        code="no_forward_look",
        severity="error",
        message="There is no look-ahead (vooruitblik) prompt. Add one about the choices and "
        "development the employee wants to explore (toekomstgericht).",
    )
    return _Result(Fraction(0), [finding])


def _check_agreements(staff: TalkTemplate) -> _Result:
    def agreements(prompts: list[Prompt]) -> bool:
        return any(p.answer_type is AnswerType.AGREEMENT for p in prompts)

    action = _phase_prompts(staff, Phase.ACTION)
    if agreements(action):
        return _Result(Fraction(1))
    if agreements([p for _, p in staff.prompts()]):
        credit, reason = Fraction(1, 2), "outside_action"
        message = (
            "Agreements are asked outside the action phase. Close the talk with an action "
            "(actie / afspraken) section holding the agreement prompts."
        )
    elif action:
        credit, reason = Fraction(1, 2), "no_agreement_prompt"
        message = (
            "The action phase has no agreement prompt. Add one so that concrete next steps "
            "are recorded and followed up."
        )
    else:
        credit, reason = Fraction(0), "no_action"
        message = (
            "There is no action phase with an agreement prompt. Add one so that concrete "
            "next steps are recorded and followed up."
        )
    return _Result(
        credit,
        [
            Finding(
                code="no_agreements", severity="error", message=message, params={"reason": reason}
            )
        ],
    )


def _texts(template: TalkTemplate) -> Iterator[tuple[Section | None, Prompt | None, str, str]]:
    """Every staff-visible text: (section, prompt, field name, text)."""
    yield None, None, "name", template.name
    yield None, None, "description", template.description
    for section in template.sections:
        yield section, None, "title", section.title
        yield section, None, "intro", section.intro
        for prompt in section.prompts:
            yield section, prompt, "text", prompt.text
            yield section, prompt, "guidance", prompt.guidance


def _where(section: Section | None, prompt: Prompt | None, field_name: str) -> str:
    if prompt is not None and section is not None:
        part = _prompt_name(section, prompt)
        return f"The {part}" if field_name == "text" else f"The guidance of {part}"
    if section is not None:
        return f"The {field_name} of section '{section.title}'"
    return f"The template {field_name}"


def _check_idiom(staff: TalkTemplate, idiom: Sequence[IdiomTerm]) -> _Result:
    avoided: dict[str, IdiomTerm] = {}
    student: dict[str, str] = {}
    staff_side: set[str] = set()
    for term in idiom:
        for word in term.avoid:
            avoided.setdefault(normalise(word), term)
        # a trialoog speaks to the student: the student wording is the right one there
        for pair in term.rephrase if staff.audience is not Audience.TRIALOGUE else ():
            student.setdefault(normalise(pair.student), pair.staff)
            staff_side.add(normalise(pair.staff))
    if not avoided and not student:
        return _Result(None)
    # Staff wordings join the matcher so that a longer staff wording ("BPV-werkplek") hides the
    # student wording inside it; a wording on both sides (a chain) is never flagged.
    matcher = Wordings([*avoided, *student, *staff_side])
    findings: list[Finding] = []
    offending: set[str] = set()
    for section, prompt, field_name, text in _texts(staff):
        seen: set[str] = set()
        for match in matcher.finditer(text):
            key = normalise(matcher.which(match))
            if key in seen:
                continue
            seen.add(key)
            where = _where(section, prompt, field_name)
            params = {"found": match.group(), "field": field_name}
            if key in avoided:
                term = avoided[key]
                message = (
                    f"{where} uses '{match.group()}', which the LOB idiom avoids; "
                    f"say '{term.term}' instead."
                )
                code = "avoided_term"
                params |= {"term": term.term, "term_key": term.key}
            elif key in student and key not in staff_side:
                message = (
                    f"{where} still uses the student wording '{match.group()}'; "
                    f"the staff wording is '{student[key]}'."
                )
                code = "student_wording"
                params |= {"staff": student[key]}
            else:
                continue
            offending.add(key)
            findings.append(
                Finding(
                    code=code,
                    severity="warning",
                    message=message,
                    section=section.key if section else None,
                    prompt=prompt.key if prompt else None,
                    params=params,
                )
            )
    return _Result(max(Fraction(0), 1 - IDIOM_STEP * len(offending)), findings)


def _check_mirror_integrity(
    staff: TalkTemplate, source: TalkTemplate | None, names: dict[str, str]
) -> _Result:
    if source is None or not source.prompts():
        return _Result(None)
    mirrored: dict[str, list[tuple[Section, Prompt]]] = {}
    for section, prompt in staff.prompts():
        if prompt.mirrors is not None:
            mirrored.setdefault(prompt.mirrors.key, []).append((section, prompt))
    earned = Fraction(0)
    findings = []
    for source_section, source_prompt in source.prompts():
        copies = mirrored.get(source_prompt.key, [])
        if not copies:
            findings.append(
                Finding(
                    code="source_prompt_not_mirrored",
                    severity="warning",
                    message=f"The student {_prompt_name(source_section, source_prompt)} has "
                    "no staff counterpart. Mirror it, or accept the difference knowingly.",
                    section=source_section.key,
                    prompt=source_prompt.key,
                    params={"text": source_prompt.text, "source_section": source_section.key},
                )
            )
            continue
        changed = [(s, p) for s, p in copies if p.dimension != source_prompt.dimension]
        earned += Fraction(1, 2) if changed else 1
        for section, prompt in changed:
            was = _dimension_name(names, source_prompt.dimension)
            now = _dimension_name(names, prompt.dimension)
            findings.append(
                Finding(
                    code="dimension_changed",
                    severity="warning",
                    message=f"The {_prompt_name(section, prompt)} is about '{now}', while the "
                    f"student prompt it mirrors is about '{was}'.",
                    section=section.key,
                    prompt=prompt.key,
                    params={
                        "dimension": prompt.dimension or "",
                        "source_dimension": source_prompt.dimension or "",
                        "name": now,
                        "source_name": was,
                    },
                )
            )
    return _Result(earned / len(source.prompts()), findings)


def _drift(staff: TalkTemplate, source: TalkTemplate) -> _Result:
    if staff.source is not None and staff.source.key != source.key:
        finding = Finding(
            code="source_mismatch",
            severity="error",
            message=f"This template mirrors '{staff.source.key}', not '{source.key}'; "
            "compare it with its own source.",
            params={"linked": staff.source.key, "given": source.key},
        )
        return _Result(Fraction(0), [finding])
    sections = {s.key: s for s in source.sections}
    prompts = {p.key: p for _, p in source.prompts()}
    links = 0
    parts: list[Finding] = []
    for section in staff.sections:
        if section.mirrors is not None:
            links += 1
            original = sections.get(section.mirrors.key)
            if original is None:
                parts.append(
                    Finding(
                        code="source_section_removed",
                        severity="warning",
                        message=f"Section '{section.title}' mirrors a student section that no "
                        "longer exists. Keep it as a staff section or remove it.",
                        section=section.key,
                        params={"source_section": section.mirrors.key},
                    )
                )
            elif section_fingerprint(original) != section.mirrors.fingerprint:
                parts.append(
                    Finding(
                        code="source_section_changed",
                        severity="warning",
                        message=f"The student section '{original.title}' changed since section "
                        f"'{section.title}' mirrored it (title, phase or prompts). Review it.",
                        section=section.key,
                        params={"source_section": original.key, "source_title": original.title},
                    )
                )
        for prompt in section.prompts:
            if prompt.mirrors is None:
                continue
            links += 1
            original_prompt = prompts.get(prompt.mirrors.key)
            if original_prompt is None:
                parts.append(
                    Finding(
                        code="source_prompt_removed",
                        severity="warning",
                        message=f"The {_prompt_name(section, prompt)} mirrors a student prompt "
                        "that no longer exists. Keep it as a staff prompt or remove it.",
                        section=section.key,
                        prompt=prompt.key,
                        params={"source_prompt": prompt.mirrors.key},
                    )
                )
            elif prompt_fingerprint(original_prompt) != prompt.mirrors.fingerprint:
                parts.append(
                    Finding(
                        code="source_prompt_changed",
                        severity="warning",
                        message=f"The student prompt '{_excerpt(original_prompt.text)}' changed "
                        f"since the {_prompt_name(section, prompt)} mirrored it. Review it.",
                        section=section.key,
                        prompt=prompt.key,
                        params={
                            "source_prompt": original_prompt.key,
                            "source_text": original_prompt.text,
                        },
                    )
                )
    summary: list[Finding] = []
    if staff.source is not None:
        links += 1
        if template_fingerprint(source) != staff.source.fingerprint:
            summary.append(
                Finding(
                    code="source_changed",
                    severity="info",
                    message=f"The student template '{source.name}' changed since this template "
                    f"mirrored it; {len(parts)} mirrored part(s) differ.",
                    params={"source": source.key, "name": source.name, "parts": str(len(parts))},
                )
            )
    drifted = len(parts) + len(summary)
    if not drifted:
        return _Result(Fraction(1))
    # Halved once anything drifted, so that even one changed part out of many shows.
    return _Result(Fraction(links - drifted, 2 * links), summary + parts)


def drift(staff: TalkTemplate, source: TalkTemplate) -> list[Finding]:
    """What changed in the student template since ``staff`` mirrored it."""
    return _drift(staff, source).findings


# -- the report ---------------------------------------------------------------------------


def _score(results: dict[str, _Result]) -> int:
    applicable = {code: r.credit for code, r in results.items() if r.credit is not None}
    total = sum(CHECKS[code][1] for code in applicable)
    earned = sum(CHECKS[code][1] * credit for code, credit in applicable.items())
    score = min(100, max(0, floor(Fraction(100) * earned / total + Fraction(1, 2))))
    # 100 promises nothing to fix; rounding must not hide a small problem.
    to_fix = any(f.severity != "info" for r in results.values() for f in r.findings)
    return min(score, 99) if to_fix else score


def align(
    staff: TalkTemplate,
    source: TalkTemplate | None,
    dimensions: Sequence[Dimension],
    idiom: Sequence[IdiomTerm],
) -> AlignmentReport:
    """Score ``staff`` (0-100) against its student ``source`` and the dialogue principles."""
    names = {d.key: d.name for d in dimensions}
    results = {
        "dimensions": _check_dimensions(staff, source, dimensions),
        "phases": _check_phases(staff, source),
        "employee_led": _check_employee_led(staff),
        "concrete_experience": _check_concrete_experience(staff),
        "forward_look": _check_forward_look(staff),
        "agreements": _check_agreements(staff),
        "idiom": _check_idiom(staff, idiom),
        "mirror_integrity": _check_mirror_integrity(staff, source, names),
        "drift": _drift(staff, source) if source is not None else _Result(None),
    }
    checks = [
        Check(
            code=code,
            label=label,
            weight=weight,
            earned=round(float(weight * (results[code].credit or 0)), 2),
            applicable=results[code].credit is not None,
        )
        for code, (label, weight) in CHECKS.items()
    ]
    findings = [finding for result in results.values() for finding in result.findings]
    return AlignmentReport(score=_score(results), checks=checks, findings=findings)


def rescore(report: AlignmentReport, accepted: Collection[int]) -> AlignmentReport:
    """``report`` with the findings at the indexes ``accepted`` accepted knowingly by HR.

    An accepted finding gives back its share of the points its check lost: the check's lost
    points are split evenly over the check's findings.  The cap at 99 only counts errors and
    warnings that are not accepted.  Without accepted findings the report is returned as is.
    """
    accepted = {i for i in accepted if 0 <= i < len(report.findings)}
    if not accepted:
        return report
    per_check: dict[str, list[bool]] = {}
    for index, finding in enumerate(report.findings):
        check = FINDING_CHECKS.get(finding.code)
        if check is not None:
            per_check.setdefault(check, []).append(index in accepted)
    checks = []
    for check in report.checks:
        flags = per_check.get(check.code, [])
        earned = Fraction(str(check.earned))
        if check.applicable and any(flags):
            earned += (check.weight - earned) * Fraction(sum(flags), len(flags))
        checks.append(check.model_copy(update={"earned": round(float(earned), 2)}))
    total = sum(c.weight for c in checks if c.applicable)
    earned = sum(Fraction(str(c.earned)) for c in checks if c.applicable)
    score = min(100, max(0, floor(Fraction(100) * earned / total + Fraction(1, 2)))) if total else 0
    to_fix = any(f.severity != "info" for i, f in enumerate(report.findings) if i not in accepted)
    return report.model_copy(
        update={"score": min(score, 99) if to_fix else score, "checks": checks}
    )
