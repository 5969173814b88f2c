"""Mirror a student career-talk template into a staff talk template.

"Practise what you preach": the staff talk keeps the phases, dimensions, respondents and
answer types of the student talk, and speaks the staff side of the shared LOB idiom
(student -> medewerker, stage -> werkpraktijk, ...).  Every mirrored part keeps a
:class:`~lob_hrm.schemas.MirrorLink` with the fingerprint of its source, so that a later change
of the student template shows up as drift (see :mod:`lob_hrm.alignment`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from pydantic import ValidationError

from .fingerprint import prompt_fingerprint, section_fingerprint, template_fingerprint
from .schemas import (
    AnswerType,
    Audience,
    IdiomTerm,
    MirrorLink,
    Party,
    Phase,
    Prompt,
    Respondent,
    Section,
    TalkKind,
    TalkTemplate,
)

KIND_LABELS: dict[TalkKind, str] = {
    TalkKind.CAREER: "Loopbaangesprek",
    TalkKind.PLANNING: "Planningsgesprek",
    TalkKind.PERFORMANCE: "Functioneringsgesprek",
    TalkKind.DEVELOPMENT: "Ontwikkelingsgesprek",
    TalkKind.PDP: "POP-gesprek",
    TalkKind.APPRAISAL: "Beoordelingsgesprek",
}

# Apostrophes glue Dutch words together ("SLB'er", "SLB'ers"), so a wording only matches when
# no letter touches it, directly or across an apostrophe; hyphens still separate words.
_APOSTROPHES = "'\u2019"
_BEFORE = rf"(?<!\w)(?<!\w[{_APOSTROPHES}])"
_AFTER = rf"(?![{_APOSTROPHES}]?\w)"


class MirrorError(ValueError):
    """A template cannot be mirrored; the message says why."""


def normalise(wording: str) -> str:
    """The comparison form of a wording: lower case, inner whitespace collapsed."""
    return " ".join(wording.split()).lower()


class Wordings:
    """A case-insensitive, whole-word matcher for many wordings at once, longest first.

    Longest first makes "stage adres" win over "stage" at the same position; inner
    whitespace matches any run of whitespace.  :meth:`which` tells what a match found.  The
    pattern has no group per wording: with thousands of wordings (a long list of words to
    avoid) groups make every match attempt cost as much as the number of wordings.
    """

    def __init__(self, wordings: Iterable[str]):
        unique: dict[str, str] = {}
        for wording in wordings:
            if wording.strip():
                unique.setdefault(normalise(wording), wording)
        self.wordings = sorted(unique.values(), key=lambda w: (-len(normalise(w)), normalise(w)))
        self._by_form = {normalise(w): w for w in self.wordings}
        alternatives = "|".join(_flexible(wording) for wording in self.wordings)
        self.pattern = (
            re.compile(f"{_BEFORE}(?:{alternatives}){_AFTER}", re.IGNORECASE)
            if self.wordings
            else None
        )

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.pattern and text else iter(())

    def which(self, match: re.Match[str]) -> str:
        """The wording (as given) that ``match`` found."""
        found = match.group()
        wording = self._by_form.get(normalise(found))
        if wording is not None:
            return wording
        # case folding that lower() does not mirror (the Kelvin sign matches "k"): ask each
        # wording, longest first, as the pattern did
        return next(w for w in self.wordings if re.fullmatch(_flexible(w), found, re.IGNORECASE))


def _flexible(wording: str) -> str:
    return r"\s+".join(re.escape(part) for part in wording.split())


def _pairs(idiom: Sequence[IdiomTerm]) -> dict[str, tuple[str, str]]:
    """Normalised student wording -> (student wording, staff wording); the first one wins."""
    pairs: dict[str, tuple[str, str]] = {}
    for term in idiom:
        for pair in term.rephrase:
            pairs.setdefault(normalise(pair.student), (pair.student, pair.staff))
    return pairs


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'\u2018\u201c(")
    return not before or before.endswith((".", "!", "?", "\n"))


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _match_case(found: str, student: str, staff: str, sentence_start: bool) -> str:
    """Carry the case of what was written over to the staff wording (never lowering it)."""
    if len(found) > 1 and found.isupper() and not student.isupper():
        return staff.upper()
    # An intrinsic capital ("SLB'er", "BPV") says nothing; only a sentence start does.
    capital = sentence_start if student[:1].isupper() else found[:1].isupper()
    return _capitalise(staff) if capital else staff


def rephrase(text: str, idiom: Sequence[IdiomTerm]) -> str:
    """Replace every student wording of ``idiom`` by its staff wording, in one pass.

    Whole words only, case-insensitive, longest wording first; replaced text is never
    replaced again ("student -> medewerker" and "medewerker -> x" cannot chain).
    """
    pairs = _pairs(idiom)
    matcher = Wordings(student for student, _ in pairs.values())
    if matcher.pattern is None or not text:
        return text

    def replace(match: re.Match[str]) -> str:
        student, staff = pairs[normalise(matcher.which(match))]
        return _match_case(match.group(), student, staff, _at_sentence_start(text, match.start()))

    return matcher.pattern.sub(replace, text)


def _mirror_prompt(prompt: Prompt, idiom: Sequence[IdiomTerm]) -> Prompt:
    return prompt.model_copy(
        update={
            "text": rephrase(prompt.text, idiom),
            "guidance": rephrase(prompt.guidance, idiom),
            "mirrors": MirrorLink(key=prompt.key, fingerprint=prompt_fingerprint(prompt)),
        }
    )


def _mirror_section(section: Section, idiom: Sequence[IdiomTerm]) -> Section:
    # Locks belong to the student kader; HR decides anew which staff parts to lock.
    return section.model_copy(
        update={
            "title": rephrase(section.title, idiom),
            "intro": rephrase(section.intro, idiom),
            "locked": False,
            "prompts": [_mirror_prompt(p, idiom) for p in section.prompts],
            "mirrors": MirrorLink(key=section.key, fingerprint=section_fingerprint(section)),
        }
    )


def _check_student(student: TalkTemplate) -> None:
    if student.audience is not Audience.STUDENT:
        raise MirrorError(
            f"Only a student template can be mirrored; '{student.key}' is a "
            f"{student.audience.value} template."
        )


def _check_key(student: TalkTemplate, key: str, what: str) -> None:
    if key == student.key:
        raise MirrorError(f"The {what} template needs its own key, not '{student.key}'.")


def _validated(data: dict) -> TalkTemplate:
    try:
        # Validate again: rephrasing can lengthen a text beyond its limit, and the key is new.
        return TalkTemplate.model_validate(
            {**data, "sections": [s.model_dump() for s in data["sections"]]}
        )
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise MirrorError(f"The mirrored template is not valid: {problems}") from None


def mirror_template(
    student: TalkTemplate,
    idiom: Sequence[IdiomTerm],
    kind: TalkKind,
    key: str,
    name: str | None = None,
    description: str | None = None,
) -> TalkTemplate:
    """A staff template of ``kind`` mirroring the student template ``student``.

    Sections and prompts keep their keys, order, phases, dimensions, respondents and answer
    types; their wording goes through :func:`rephrase`.  Raises :class:`MirrorError` when the
    source is not a student template, ``kind`` is the student kind, or the result is invalid.
    """
    _check_student(student)
    if kind is TalkKind.CAREER:
        raise MirrorError(
            "The career talk is the student kind; choose a staff kind "
            "(planning, performance, development, pdp or appraisal)."
        )
    _check_key(student, key, "staff")
    return _validated(
        {
            "key": key,
            "name": name if name is not None else KIND_LABELS[kind],
            "audience": Audience.STAFF,
            "kind": kind,
            "description": (
                description if description is not None else rephrase(student.description, idiom)
            ),
            "source": MirrorLink(key=student.key, fingerprint=template_fingerprint(student)),
            "sections": [_mirror_section(s, idiom) for s in student.sections],
        }
    )


# -- trialoog -------------------------------------------------------------------------------

TRIALOGUE_NAME = "Trialoog"
# The career competencies the work field speaks to best: exploring work and building a network
# (the keys of the default career competencies).
COMPANY_DIMENSIONS = frozenset({"work_exploration", "networking"})


def trialogue_party(
    section: Section,
    prompt: Prompt,
    opening: bool = False,
    company_dimensions: frozenset[str] = COMPANY_DIMENSIONS,
) -> Party:
    """Who of student, school and company answers ``prompt`` in a trialoog.

    The student leads: the opening prompt is theirs, and so is every prompt of the student
    talk they answer, and every agreement (the student steers their own career). The work
    field speaks to work and networks: the company takes the prompts about those career
    competencies once the student has looked back on their own experience. The school takes
    the coach's other prompts and the joint ones, such as the follow-up.
    """
    if opening:
        return Party.STUDENT
    about_work = prompt.dimension in company_dimensions and section.phase is not Phase.LOOK_BACK
    if about_work and prompt.answer_type is not AnswerType.AGREEMENT:
        return Party.COMPANY
    if prompt.respondent is Respondent.COACHEE or prompt.answer_type is AnswerType.AGREEMENT:
        return Party.STUDENT
    return Party.SCHOOL


def mirror_trialogue(
    student: TalkTemplate,
    key: str,
    name: str | None = None,
    description: str | None = None,
    company_dimensions: frozenset[str] = COMPANY_DIMENSIONS,
) -> TalkTemplate:
    """A trialoog of student, school and company mirroring the student career talk.

    The student stays the subject, so the wording is the student talk's own (no rephrasing);
    sections and prompts keep their keys, order, phases, career competencies, respondents and
    answer types, with mirror links for drift. Each prompt gets the party that answers it
    (:func:`trialogue_party`); the first prompt is the student's.
    """
    _check_student(student)
    _check_key(student, key, "trialoog")
    first = next(iter(student.prompts()), (None, None))[1]

    def mirrored(section: Section) -> Section:
        prompts = [
            prompt.model_copy(
                update={
                    "party": trialogue_party(section, prompt, prompt is first, company_dimensions),
                    "mirrors": MirrorLink(key=prompt.key, fingerprint=prompt_fingerprint(prompt)),
                }
            )
            for prompt in section.prompts
        ]
        return section.model_copy(
            update={
                "locked": False,
                "prompts": prompts,
                "mirrors": MirrorLink(key=section.key, fingerprint=section_fingerprint(section)),
            }
        )

    return _validated(
        {
            "key": key,
            "name": name if name is not None else f"{TRIALOGUE_NAME} {student.name}",
            "audience": Audience.TRIALOGUE,
            "kind": TalkKind.CAREER,
            "description": description if description is not None else student.description,
            "source": MirrorLink(key=student.key, fingerprint=template_fingerprint(student)),
            "sections": [mirrored(s) for s in student.sections],
        }
    )
