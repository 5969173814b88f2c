"""Pydantic schemas of the LOB exchange format.

Every model is strict: unknown keys, wrong enum values, empty names and absurd sizes are
rejected.  Cross references (a prompt's dimension, a role's target competency, ...) and
duplicate keys are checked by :func:`lob_hrm.exchange.load_document`, which reports every
problem with its JSON path.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from enum import Enum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import files
from .keys import KEY_REGEX
from .policy import PolicyFrame

FORMAT_NAME = "lob-hrm-exchange"
FORMAT_VERSION = 1

# Limits that keep a shared file reasonable; far above any real college's content, and
# small enough that the largest file still imports into Odoo in seconds (bench/).
MAX_TEXT = 4000
MAX_PROMPTS = 200
MAX_SECTIONS = 40
MAX_DOCUMENT_PROMPTS = 10_000  # 40 sections of 200 prompts fit in one template
MAX_AVOID = 50
MAX_ITEMS = 1000
MAX_ROWS = 500_000
MAX_INSTRUMENTS = 200  # with files of up to 5 MB, a file's 50 MB limit comes first
MAX_POLICY_FRAMES = 20

# What str.splitlines() breaks on: a name (one line) may hold none of them.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


def _storable(value: str) -> str:
    """Text a database keeps as it is: PostgreSQL refuses NUL (pydantic itself refuses
    unpaired surrogates, which UTF-8 cannot hold)."""
    if "\x00" in value:
        raise PydanticCustomError("nul_character", "the text contains a NUL character")
    return value


def _one_line(value: str) -> str:
    _storable(value)
    if not LINE_BREAKS.isdisjoint(value):
        raise PydanticCustomError("line_break", "the text must fit on one line")
    return value


Key = Annotated[str, StringConstraints(pattern=KEY_REGEX)]
Name = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_one_line),
]
Text = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=MAX_TEXT), AfterValidator(_storable)
]
RequiredText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT),
    AfterValidator(_storable),
]
Fingerprint = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]


class StrEnum(str, Enum):
    """``enum.StrEnum`` exists from 3.11 only; keep 3.10 (Odoo 18's minimum) working."""

    def __str__(self) -> str:
        return self.value


class Audience(StrEnum):
    STUDENT = "student"
    STAFF = "staff"
    # student, school and company together: a conversation guide, mirrored from the student talk
    TRIALOGUE = "trialoog"


class TalkKind(StrEnum):
    CAREER = "career"  # loopbaangesprek (student)
    PLANNING = "planning"  # planningsgesprek
    PERFORMANCE = "performance"  # functioneringsgesprek
    DEVELOPMENT = "development"  # ontwikkelingsgesprek
    PDP = "pdp"  # POP-gesprek
    APPRAISAL = "appraisal"  # beoordelingsgesprek


class Phase(StrEnum):
    """Phases of a talk, in their canonical order (the order of this enum)."""

    OPENING = "opening"
    LOOK_BACK = "look_back"  # terugblik
    REFLECTION = "reflection"  # reflectie
    LOOK_AHEAD = "look_ahead"  # vooruitblik
    ACTION = "action"  # actie / afspraken
    CLOSING = "closing"


PHASE_ORDER = {phase: index for index, phase in enumerate(Phase)}


class Respondent(StrEnum):
    """Who answers a prompt: the person whose career it is, the one who conducts the talk."""

    COACHEE = "coachee"  # student, or employee
    COACH = "coach"  # study-career coach, or manager
    TOGETHER = "together"


class Party(StrEnum):
    """Who answers a prompt of a trialoog: the student leads, school and company join."""

    STUDENT = "student"
    SCHOOL = "school"  # the college's coach or BPV supervisor
    COMPANY = "company"  # the company supervisor (praktijkbegeleider)


class AnswerType(StrEnum):
    TEXT = "text"
    SCALE = "scale"  # 1..5
    YES_NO = "yes_no"
    AGREEMENT = "agreement"  # a concrete agreement / development action
    LEVEL = "level"  # a competency level


class RoleGroup(StrEnum):
    """The three groups of LOB professionals of the Raamwerk LOB."""

    PRIMARY = "primary"  # begeleider primair proces: mentor, SLB'er, coach, teacher
    SPECIALIST = "specialist"  # decaan, LOB coordinator, career adviser
    COORDINATOR = "coordinator"  # coördinator, beleidsmaker, leidinggevende


class TalkState(StrEnum):
    PLANNED = "planned"
    PREPARATION = "preparation"
    HELD = "held"
    SIGNED = "signed"
    DONE = "done"
    CANCELLED = "cancelled"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False)


# -- vocabulary ---------------------------------------------------------------------------


class Dimension(Strict):
    """One of the five career competencies (Kuijpers), with its guiding question."""

    key: Key
    name: Name
    question: RequiredText
    description: Text = ""


class Rephrase(Strict):
    """A student-side wording and its staff-side counterpart, used when mirroring."""

    student: Name
    staff: Name


class IdiomTerm(Strict):
    """A term of the shared LOB vocabulary."""

    key: Key
    term: Name
    definition: Text = ""
    avoid: list[Name] = Field(default_factory=list, max_length=MAX_AVOID)
    rephrase: list[Rephrase] = Field(default_factory=list, max_length=50)


# -- talk templates -----------------------------------------------------------------------


class MirrorLink(Strict):
    """Where a staff part came from, and the fingerprint of that source when mirrored."""

    key: Key
    fingerprint: Fingerprint


class Prompt(Strict):
    key: Key
    text: RequiredText
    dimension: Key | None = None
    respondent: Respondent = Respondent.COACHEE
    answer_type: AnswerType = AnswerType.TEXT
    guidance: Text = ""
    required: bool = False
    mirrors: MirrorLink | None = None
    party: Party | None = None  # trialoog templates only


class Section(Strict):
    key: Key
    title: Name
    phase: Phase
    intro: Text = ""
    locked: bool = False
    prompts: list[Prompt] = Field(default_factory=list, max_length=MAX_PROMPTS)
    mirrors: MirrorLink | None = None


class TalkTemplate(Strict):
    key: Key
    name: Name
    audience: Audience
    kind: TalkKind
    description: Text = ""
    central: bool = False
    parent: Key | None = None  # the central template a team variant derives from
    source: MirrorLink | None = None  # the student template it mirrors
    sections: list[Section] = Field(min_length=1, max_length=MAX_SECTIONS)

    def prompts(self) -> list[tuple[Section, Prompt]]:
        return [(section, prompt) for section in self.sections for prompt in section.prompts]

    @model_validator(mode="after")
    def _check_parties(self):
        """Every prompt of a trialoog names its party; other templates have no parties."""
        trialogue = self.audience is Audience.TRIALOGUE
        for section, prompt in self.prompts():
            if trialogue and prompt.party is None:
                raise PydanticCustomError(
                    "party_missing",
                    "the trialoog prompt '{prompt}' of section '{section}' names no party "
                    "(student, school or company)",
                    {"prompt": prompt.key, "section": section.key},
                )
            if not trialogue and prompt.party is not None:
                raise PydanticCustomError(
                    "party_not_trialogue",
                    "the prompt '{prompt}' of section '{section}' names a party, but only "
                    "trialoog prompts have one",
                    {"prompt": prompt.key, "section": section.key},
                )
        return self


# -- competency framework -----------------------------------------------------------------


class Level(Strict):
    key: Key
    name: Name
    rank: int = Field(ge=1, le=10)
    description: Text = ""


class CompetencyArea(Strict):
    key: Key
    name: Name
    description: Text = ""


class LevelDescription(Strict):
    level: Key
    description: RequiredText


class Competency(Strict):
    key: Key
    name: Name
    area: Key
    description: Text = ""
    groups: list[RoleGroup] = Field(default_factory=list, max_length=3)
    levels: list[LevelDescription] = Field(default_factory=list, max_length=10)


class CompetencyFramework(Strict):
    key: Key
    name: Name
    description: Text = ""
    levels: list[Level] = Field(min_length=2, max_length=10)
    areas: list[CompetencyArea] = Field(min_length=1, max_length=50)
    competencies: list[Competency] = Field(min_length=1, max_length=MAX_ITEMS)

    def level_rank(self, key: str | None) -> int:
        """Rank of a level key; 0 for no level (not assessed)."""
        if key is None:
            return 0
        for level in self.levels:
            if level.key == key:
                return level.rank
        raise KeyError(key)


class RoleTarget(Strict):
    competency: Key
    level: Key


class Role(Strict):
    key: Key
    name: Name
    group: RoleGroup
    description: Text = ""  # the task description
    targets: list[RoleTarget] = Field(default_factory=list, max_length=MAX_ITEMS)


# -- instruments --------------------------------------------------------------------------


class InstrumentKind(StrEnum):
    REFLECTION_TOOL = "reflection_tool"
    EXERCISE = "exercise"
    WORKSHEET = "worksheet"
    CONVERSATION_GUIDE = "conversation_guide"
    OTHER = "other"


class InstrumentAudience(StrEnum):
    STUDENTS = "students"
    STAFF = "staff"
    BOTH = "both"


class InstrumentPhase(StrEnum):
    """The phase of the career talk an instrument serves (the four of the student talk)."""

    LOOK_BACK = "look_back"
    REFLECTION = "reflection"
    LOOK_AHEAD = "look_ahead"
    ACTION = "action"


def _link(value: str) -> str:
    _one_line(value)
    if not value.startswith(("http://", "https://")) or any(c.isspace() for c in value):
        raise PydanticCustomError("invalid_link", "a link starts with http:// or https://")
    return value


def _language(value: str) -> str:
    # a locale such as nl_NL or sr@latin, as Odoo names its languages
    if not value or len(value) > 16 or not value[:2].isalpha() or not value.isascii():
        raise PydanticCustomError(
            "invalid_language", "'{input}' is not a language code such as nl_NL", {"input": value}
        )
    return value


Link = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=2000), AfterValidator(_link)
]
Language = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_language)]


class InstrumentFile(Strict):
    """An instrument's file, base64-encoded: a document or an image of at most 5 MB
    (:mod:`lob_hrm.files`, the limit the Odoo model enforces)."""

    name: Name
    mimetype: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
    data: str

    @field_validator("mimetype")
    @classmethod
    def _allowed_type(cls, value: str) -> str:
        if not files.is_allowed_mimetype(value):
            raise PydanticCustomError(
                "file_type",
                "the file is not a document or an image ({mimetype})",
                {"mimetype": value[:80]},
            )
        return value

    @field_validator("data")
    @classmethod
    def _size_and_encoding(cls, value: str) -> str:
        # refuse a huge text before decoding it
        if len(value) > files.max_base64_length():
            raise PydanticCustomError(
                "file_too_large",
                "the file is {size} MB; an instrument file may be at most {limit} MB",
                {
                    "size": f"{len(value) * 3 / 4 / 1024 / 1024:.1f}",
                    "limit": str(files.MAX_FILE_MB),
                },
            )
        try:
            content = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise PydanticCustomError(
                "file_base64", "the file's data is not valid base64"
            ) from None
        if len(content) > files.MAX_FILE_BYTES:
            raise PydanticCustomError(
                "file_too_large",
                "the file is {size} MB; an instrument file may be at most {limit} MB",
                {"size": f"{len(content) / 1024 / 1024:.1f}", "limit": str(files.MAX_FILE_MB)},
            )
        return value

    @model_validator(mode="after")
    def _content_matches_type(self):
        if not files.content_matches(self.mimetype, self.content()):
            raise PydanticCustomError(
                "file_content",
                "the content of the file '{name}' is not of its type ({mimetype})",
                {"name": self.name, "mimetype": self.mimetype},
            )
        return self

    def content(self) -> bytes:
        return base64.b64decode(self.data)


class Instrument(Strict):
    """A LOB instrument (reflection tool, exercise, worksheet, conversation guide) with its
    file or link. ``dimensions`` are keys of the document's career competencies."""

    key: Key
    title: Name
    description: Text = ""
    kind: InstrumentKind
    audience: InstrumentAudience
    phase: InstrumentPhase | None = None
    dimensions: list[Key] = Field(default_factory=list, max_length=20)
    language: Language | None = None
    author: Name | None = None
    link: Link | None = None
    file: InstrumentFile | None = None


# -- overview rows ------------------------------------------------------------------------


class OverviewRow(Strict):
    """One employee's level on one competency, against the target of their role."""

    employee: Name
    team: Name
    role: Key
    competency: Key
    level: Key | None = None  # None: not assessed yet
    target: Key | None = None  # None: the role's target applies (or there is none)
    assessed_on: dt.date | None = None


class TalkRow(Strict):
    """One talk of a talk cycle."""

    employee: Name
    team: Name
    cycle: Name
    kind: TalkKind
    state: TalkState
    date: dt.date | None = None


class ActionRow(Strict):
    """An agreed development action, shown beside the gap it addresses."""

    employee: Name
    competency: Key | None = None
    description: RequiredText
    deadline: dt.date | None = None
    status: ActionStatus = ActionStatus.OPEN


class OverviewData(Strict):
    title: Name = "LOB-competentieoverzicht"
    reference_date: dt.date | None = None
    rows: list[OverviewRow] = Field(default_factory=list, max_length=MAX_ROWS)
    talks: list[TalkRow] = Field(default_factory=list, max_length=MAX_ROWS)
    actions: list[ActionRow] = Field(default_factory=list, max_length=MAX_ROWS)


# -- the envelope -------------------------------------------------------------------------


class Document(Strict):
    """The versioned exchange envelope: everything a college may share, all optional."""

    format: Literal["lob-hrm-exchange"] = FORMAT_NAME
    version: Literal[1] = FORMAT_VERSION
    dimensions: list[Dimension] = Field(default_factory=list, max_length=MAX_ITEMS)
    idiom: list[IdiomTerm] = Field(default_factory=list, max_length=MAX_ITEMS)
    templates: list[TalkTemplate] = Field(default_factory=list, max_length=MAX_ITEMS)
    framework: CompetencyFramework | None = None
    roles: list[Role] = Field(default_factory=list, max_length=MAX_ITEMS)
    overview: OverviewData | None = None
    instruments: list[Instrument] = Field(default_factory=list, max_length=MAX_INSTRUMENTS)
    policy_frames: list[PolicyFrame] = Field(default_factory=list, max_length=MAX_POLICY_FRAMES)

    @model_validator(mode="after")
    def _limit_prompts(self):
        if sum(len(s.prompts) for t in self.templates for s in t.sections) > MAX_DOCUMENT_PROMPTS:
            raise PydanticCustomError(
                "too_many_prompts",
                "a file holds at most {max_length} prompts",
                {"max_length": MAX_DOCUMENT_PROMPTS},
            )
        return self
