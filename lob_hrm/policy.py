"""The college's LOB policy: pillars, indicators, goals and team work plans (Odoo-free).

A policy states *why* (vision, bigger story), *what* (goals under the four pillars of the
Ambitieagenda LOB mbo, each with a measurable indicator, a target and a baseline) and *how*
(strategy actions).  Team work plans colour within its lines: a team may set a stricter
target than the college, never a looser one.

The indicators are computed by the Odoo add-on from its own records; this module only
defines them (unit, range, which direction is better) and validates what refers to them.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(max_length=4000)]

# The Dutch school year starts on 1 August.
SCHOOL_YEAR_START_MONTH = 8


class Pillar(str, Enum):
    """The four pillars of the Ambitieagenda LOB mbo (the defaults of the editable list)."""

    VISION_POLICY = "vision_policy"
    ACTIVITIES_GUIDANCE = "activities_guidance"
    QUALITY_MONITORING = "quality_monitoring"
    PROFESSIONALISATION = "professionalisation"


class Unit(str, Enum):
    PERCENT = "percent"
    HOURS = "hours"
    SCORE = "score"


class Status(str, Enum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"


class IndicatorDef(BaseModel):
    """What an indicator measures: its unit, its range and whether higher is better."""

    model_config = ConfigDict(frozen=True)

    code: Key
    name: str
    unit: Unit
    minimum: float = 0.0
    maximum: float | None = 100.0
    higher_is_better: bool = True

    def in_range(self, value: float) -> bool:
        return value >= self.minimum and (self.maximum is None or value <= self.maximum)


def _indicator(code, name, unit=Unit.PERCENT, maximum=100.0, higher=True):
    return IndicatorDef(code=code, name=name, unit=unit, maximum=maximum, higher_is_better=higher)


# The seven indicators of the monitor, some with more than one figure.  Codes are stable:
# goals, snapshots and exchange files refer to them.
INDICATORS: dict[str, IndicatorDef] = {
    d.code: d
    for d in (
        # 1. reflective talks at all levels
        _indicator("talks_staff", "Staff with a signed talk"),
        _indicator("talks_coach", "Coaches with a signed talk"),
        _indicator("talks_leader", "Team leaders with a signed talk"),
        _indicator("talks_director", "Directors with a signed talk"),
        # 2. competencies
        _indicator("competency_at_target", "LOB competencies at target level"),
        _indicator("competency_unassessed", "Role holders not assessed for a year", higher=False),
        # 3. professionalisation
        _indicator("prof_at_norm", "Staff at the professionalisation norm"),
        _indicator("prof_median_hours", "Median professionalisation hours", Unit.HOURS, None),
        # 4. template alignment
        _indicator("template_alignment", "Template alignment score", Unit.SCORE),
        _indicator("template_drift", "Templates with open drift", higher=False),
        # 5. roles and facilities consistent across teams
        _indicator("role_hours_consistent", "Role hours in line with the college"),
        # 6. team work plans
        _indicator("plan_adopted", "Team work plans adopted"),
        _indicator("plan_discussed", "Team work plans discussed in the team"),
        # 7. agreements
        _indicator("agreement_overdue", "Agreements overdue", higher=False),
    )
}


def school_year_label(start_year: int) -> str:
    """``2026`` → ``"2026-2027"``."""
    return f"{start_year}-{start_year + 1}"


def school_year_bounds(start_year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of the school year that starts in ``start_year``."""
    return (
        dt.date(start_year, SCHOOL_YEAR_START_MONTH, 1),
        dt.date(start_year + 1, SCHOOL_YEAR_START_MONTH, 1) - dt.timedelta(days=1),
    )


def school_year_of(day: dt.date) -> int:
    """The start year of the school year ``day`` falls in."""
    return day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1


class PolicyError(ValueError):
    """A policy or plan that breaks a rule; ``path`` says where, ``code`` which rule."""

    def __init__(self, code: str, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.code = code
        self.path = path


def check_target(indicator: str, target: float | None, baseline: float | None = None) -> None:
    """A goal needs a known indicator, and its target and baseline inside its range."""
    definition = INDICATORS.get(indicator)
    if definition is None:
        raise PolicyError("unknown_indicator", indicator, "unknown indicator")
    for label, value in (("target", target), ("baseline", baseline)):
        if value is not None and not definition.in_range(value):
            raise PolicyError("out_of_range", indicator, f"{label} {value:g} is out of range")


def is_looser(indicator: str, team_target: float, college_target: float) -> bool:
    """Whether a team's target asks less than the college's (never allowed)."""
    if INDICATORS[indicator].higher_is_better:
        return team_target < college_target
    return team_target > college_target


class GoalSchema(BaseModel):
    """A policy goal: under a pillar, measured by an indicator, from a baseline to a target.

    Refusals are pydantic errors on the field itself (``indicator``, ``target``,
    ``baseline``), so that a shared file's problem names its JSON path."""

    model_config = ConfigDict(extra="forbid")

    key: Key
    name: Name
    pillar: Key
    indicator: Key
    target: float
    baseline: float | None = None
    description: Text = ""

    @field_validator("indicator")
    @classmethod
    def _known_indicator(cls, value: str) -> str:
        if value not in INDICATORS:
            raise PydanticCustomError(
                "unknown_indicator", "unknown indicator '{indicator}'", {"indicator": value}
            )
        return value

    @field_validator("target", "baseline")
    @classmethod
    def _in_range(cls, value: float | None, info: ValidationInfo) -> float | None:
        definition = INDICATORS.get(info.data.get("indicator") or "")
        if value is None or definition is None or definition.in_range(value):
            return value
        upper = "" if definition.maximum is None else f"-{definition.maximum:g}"
        raise PydanticCustomError(
            "out_of_range",
            "{field} {value} is out of range ({range})",
            {
                "field": info.field_name,
                "value": f"{value:g}",
                "range": f"{definition.minimum:g}{upper}",
                "indicator": definition.code,
            },
        )


class PillarSchema(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: Key
    name: Name
    sequence: int = 10


class BiggerStoryLinkSchema(BaseModel):
    """How LOB contributes to an education development the college already runs."""

    model_config = ConfigDict(extra="forbid")

    story: Key
    # the story's name, so that a college that lacks the story can create it
    name: Name | None = None
    contribution: Text = ""


class PolicyFrame(BaseModel):
    """A policy frame that a college group shares with its colleges: pillars, goals with
    their indicators, and bigger-story links.  Goal keys are unique and refer to a pillar
    of the frame."""

    model_config = ConfigDict(extra="forbid")

    key: Key
    name: Name
    vision: Text = ""
    # the school years a shared frame proposes (start years: 2026 for 2026-2027)
    school_year_from: int | None = Field(default=None, ge=2000, le=2200)
    school_year_to: int | None = Field(default=None, ge=2000, le=2200)
    pillars: list[PillarSchema] = Field(default_factory=list, max_length=50)
    goals: list[GoalSchema] = Field(default_factory=list, max_length=500)
    bigger_story: list[BiggerStoryLinkSchema] = Field(default_factory=list, max_length=50)

    @model_validator(mode="after")
    def _references(self):
        if (
            self.school_year_from is not None
            and self.school_year_to is not None
            and self.school_year_to < self.school_year_from
        ):
            raise PydanticCustomError("period_reversed", "the period cannot end before it starts")
        pillars = set()
        for pillar in self.pillars:
            if pillar.key in pillars:
                raise PydanticCustomError("duplicate_key", "key {key} repeats", {"key": pillar.key})
            pillars.add(pillar.key)
        seen = set()
        for goal in self.goals:
            if goal.key in seen:
                raise PydanticCustomError("duplicate_key", "key {key} repeats", {"key": goal.key})
            seen.add(goal.key)
            if goal.pillar not in pillars:
                raise PydanticCustomError(
                    "unknown_reference",
                    "unknown {what} '{key}' (goal {goal})",
                    {"what": "pillar", "key": goal.pillar, "goal": goal.key},
                )
        stories = set()
        for link in self.bigger_story:
            if link.story in stories:
                raise PydanticCustomError("duplicate_key", "key {key} repeats", {"key": link.story})
            stories.add(link.story)
        return self


class TeamGoalSchema(BaseModel):
    """A team's target for a college goal (``college_target`` set) or its own goal."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    indicator: Key
    target: float
    college_target: float | None = None

    @model_validator(mode="after")
    def _within_lines(self):
        check_target(self.indicator, self.target)
        if self.college_target is not None and is_looser(
            self.indicator, self.target, self.college_target
        ):
            raise PolicyError(
                "looser_target",
                self.name,
                f"the team target {self.target:g} is looser than the college's "
                f"{self.college_target:g}",
            )
        return self


class TeamPlanSchema(BaseModel):
    model_config = ConfigDict(extra="forbid")

    team: Name
    school_year: int = Field(ge=2000, le=2200)
    goals: list[TeamGoalSchema] = Field(default_factory=list, max_length=500)


class IndicatorValue(BaseModel):
    """One figure of the monitor: an indicator for a team (``None``: the college)."""

    model_config = ConfigDict(frozen=True)

    indicator: Key
    team: int | None = None
    value: float | None = None
    numerator: float = 0
    denominator: float = 0


# -- the policy sheet of the workbook (lob_hrm.xlsx_policy) ---------------------------------

Number = Annotated[float, Field(allow_inf_nan=False)]


class Direction(str, Enum):
    """A figure against the one of the last review: better, worse or the same."""

    BETTER = "better"
    WORSE = "worse"
    SAME = "same"


def direction(indicator: str, value: float | None, previous: float | None) -> Direction | None:
    """Which way ``value`` went since ``previous``, given which way is better for the
    indicator; ``None`` without both values or for an indicator the core does not know.
    Values equal to two decimals (as the monitor rounds shares) are the same."""
    definition = INDICATORS.get(indicator)
    if definition is None or value is None or previous is None:
        return None
    if round(value, 2) == round(previous, 2):
        return Direction.SAME
    higher = value > previous
    return Direction.BETTER if higher == definition.higher_is_better else Direction.WORSE


class PolicyRow(BaseModel):
    """One line of the policy sheet: a goal's indicator for a team (``team`` empty: the
    college), its value and target, the goal's status, and the values the yearly reviews
    stored for earlier school years (the trend, by the school year's start year)."""

    model_config = ConfigDict(extra="forbid")

    pillar: str
    goal: str
    indicator: Key
    team: str | None = None
    value: Number | None = None
    target: Number
    status: Status = Status.NO_DATA
    trend: dict[Annotated[int, Field(ge=2000, le=2200)], Number | None] = Field(
        default_factory=dict, max_length=100
    )

    def direction(self) -> Direction | None:
        """The value against the latest school year of the trend."""
        if not self.trend:
            return None
        return direction(self.indicator, self.value, self.trend[max(self.trend)])


class PolicySheet(BaseModel):
    """What the policy sheet shows: its rows, and (optional) which policy, school year and
    reference date they are of."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field("", max_length=200)
    school_year: int | None = Field(None, ge=2000, le=2200)
    reference_date: dt.date | None = None
    rows: list[PolicyRow] = Field(default_factory=list, max_length=100_000)
