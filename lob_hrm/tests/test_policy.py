"""Policy schemas, the goal status rule and the consistency of role hours across teams."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from lob_hrm import monitor
from lob_hrm.monitor import consistency, goal_status, median_or_none, role_hours_flags, share
from lob_hrm.policy import (
    INDICATORS,
    Direction,
    GoalSchema,
    IndicatorDef,
    PolicyError,
    PolicyFrame,
    Status,
    TeamGoalSchema,
    Unit,
    check_target,
    direction,
    is_looser,
    school_year_bounds,
    school_year_label,
    school_year_of,
)


def test_school_year_runs_from_august_to_july():
    assert school_year_label(2026) == "2026-2027"
    assert school_year_bounds(2026) == (dt.date(2026, 8, 1), dt.date(2027, 7, 31))
    assert school_year_of(dt.date(2027, 7, 31)) == 2026
    assert school_year_of(dt.date(2027, 8, 1)) == 2027


def test_share_never_divides_by_zero():
    assert share(3, 4) == 75.0
    assert share(0, 0) is None
    assert share(1, 3) == 33.33


def test_median():
    assert median_or_none([]) is None
    assert median_or_none([10, 59, 30]) == 30.0
    assert median_or_none([10, 20]) == 15.0


@pytest.mark.parametrize(
    ("indicator", "value", "target", "baseline", "status"),
    [
        # higher is better: 80 % of staff with a signed talk, from 40 %
        ("talks_staff", 85, 80, 40, Status.ON_TRACK),
        ("talks_staff", 80, 80, 40, Status.ON_TRACK),
        ("talks_staff", 60, 80, 40, Status.AT_RISK),  # halfway: (60-40)/(80-40) = 0.5
        ("talks_staff", 59, 80, 40, Status.OFF_TRACK),
        ("talks_staff", 30, 80, 40, Status.OFF_TRACK),  # worse than the baseline
        # no baseline: the way starts at 0
        ("talks_staff", 40, 80, None, Status.AT_RISK),
        ("talks_staff", 39, 80, None, Status.OFF_TRACK),
        # lower is better: at most 10 % overdue agreements, from 30 %
        ("agreement_overdue", 10, 10, 30, Status.ON_TRACK),
        ("agreement_overdue", 20, 10, 30, Status.AT_RISK),
        ("agreement_overdue", 25, 10, 30, Status.OFF_TRACK),
        # no baseline, lower is better: the way starts at the range's maximum (100)
        ("agreement_overdue", 55, 10, None, Status.AT_RISK),
        # open range (hours), lower is better does not exist; higher is better from 0
        ("prof_median_hours", 30, 59, None, Status.AT_RISK),
        # target equal to the baseline: no way to go, missed is off track (no ZeroDivision)
        ("talks_staff", 50, 80, 80, Status.OFF_TRACK),
        # baseline already past the target
        ("talks_staff", 50, 80, 90, Status.OFF_TRACK),
        ("talks_staff", None, 80, 40, Status.NO_DATA),
    ],
)
def test_goal_status(indicator, value, target, baseline, status):
    assert goal_status(indicator, value, target, baseline) == status


def test_goal_status_lower_is_better_open_range_uses_twice_the_target(monkeypatch):
    monkeypatch.setitem(
        monitor.INDICATORS,
        "x_hours",
        IndicatorDef(
            code="x_hours", name="x", unit=Unit.HOURS, maximum=None, higher_is_better=False
        ),
    )
    # the way runs from 2 × 10 = 20 down to 10: 15 is halfway
    assert goal_status("x_hours", 15, 10) == Status.AT_RISK
    assert goal_status("x_hours", 16, 10) == Status.OFF_TRACK


def test_role_hours_flags_against_the_college_median():
    # SLB (role 1): team 10 gives 80, 80; team 20 gives 40, 40; team 30 gives 80.
    # The college median of the five holders is 80: team 20 is 50 % off, beyond 25 %.
    # Decaan (role 2): only team 10, 200 hours: its own median, in line.
    holders = [
        (10, 1, 80),
        (10, 1, 80),
        (20, 1, 40),
        (20, 1, 40),
        (30, 1, 80),
        (10, 2, 200),
    ]
    flags = role_hours_flags(holders, spread=0.25)
    assert flags == {(10, 1): False, (20, 1): True, (30, 1): False, (10, 2): False}
    teams, college = consistency(flags)
    assert teams == {10: 100.0, 20: 0.0, 30: 100.0}
    assert college == 75.0  # 3 of 4 pairs in line
    # a wider spread accepts team 20
    assert not role_hours_flags(holders, spread=0.5)[20, 1]


def test_role_hours_flags_count_missing_hours_as_none():
    # an assignment whose hours were never filled in (NULL in the database) gives no hours
    flags = role_hours_flags([(1, 1, None), (2, 1, None), (3, 1, 40.0)])
    assert flags == {(1, 1): False, (2, 1): False, (3, 1): True}


def test_role_hours_flags_zero_median_and_no_roles():
    flags = role_hours_flags([(1, 1, 0), (2, 1, 0), (3, 1, 5)])
    assert flags == {(1, 1): False, (2, 1): False, (3, 1): True}
    assert consistency({}) == ({}, None)


def test_goal_needs_a_known_indicator_and_a_target_in_range():
    goal = GoalSchema(
        key="talks",
        name="Talks",
        pillar="vision_policy",
        indicator="talks_staff",
        target=80,
        baseline=40,
    )
    assert goal.target == 80
    with pytest.raises(ValidationError, match="unknown indicator"):
        GoalSchema(key="x", name="X", pillar="p", indicator="nope", target=1)
    with pytest.raises(ValidationError, match="target 120 is out of range"):
        GoalSchema(key="x", name="X", pillar="p", indicator="talks_staff", target=120)
    with pytest.raises(ValidationError, match="baseline -1 is out of range"):
        GoalSchema(key="x", name="X", pillar="p", indicator="talks_staff", target=10, baseline=-1)
    # hours have no upper bound
    check_target("prof_median_hours", 500)
    with pytest.raises(PolicyError) as error:
        check_target("prof_median_hours", -5)
    assert error.value.code == "out_of_range"


def test_team_targets_may_be_stricter_never_looser():
    assert is_looser("talks_staff", 70, 80)
    assert not is_looser("talks_staff", 90, 80)
    assert is_looser("agreement_overdue", 20, 10)
    assert not is_looser("agreement_overdue", 5, 10)
    TeamGoalSchema(name="Talks", indicator="talks_staff", target=90, college_target=80)
    with pytest.raises(ValidationError, match=r"Talks.*looser than the college's 80"):
        TeamGoalSchema(name="Talks", indicator="talks_staff", target=70, college_target=80)


def test_policy_frame_checks_its_references():
    frame = PolicyFrame(
        key="roc",
        name="ROC frame",
        pillars=[{"key": "vision_policy", "name": "Vision & policy"}],
        goals=[
            {
                "key": "g1",
                "name": "Talks",
                "pillar": "vision_policy",
                "indicator": "talks_staff",
                "target": 80,
            }
        ],
        bigger_story=[{"story": "passend_onderwijs", "contribution": "LOB for every student"}],
    )
    assert frame.goals[0].pillar == "vision_policy"
    with pytest.raises(ValidationError, match="unknown pillar"):
        PolicyFrame(
            key="roc",
            name="R",
            goals=[
                {"key": "g", "name": "G", "pillar": "p", "indicator": "talks_staff", "target": 1}
            ],
        )
    with pytest.raises(ValidationError, match="key g repeats"):
        PolicyFrame(
            key="roc",
            name="R",
            pillars=[{"key": "p", "name": "P"}],
            goals=[
                {"key": "g", "name": "G", "pillar": "p", "indicator": "talks_staff", "target": 1}
            ]
            * 2,
        )


def test_every_indicator_has_a_sane_range():
    for definition in INDICATORS.values():
        assert definition.in_range(definition.minimum)
        assert not definition.in_range(definition.minimum - 1)


def test_direction_since_the_last_review_knows_which_way_is_better():
    assert direction("talks_staff", 60, 50) == Direction.BETTER
    assert direction("talks_staff", 40, 50) == Direction.WORSE
    # fewer overdue agreements is better
    assert direction("agreement_overdue", 10, 25) == Direction.BETTER
    assert direction("agreement_overdue", 30, 25) == Direction.WORSE
    # rounded as the monitor rounds its shares
    assert direction("talks_staff", 33.333, 33.331) == Direction.SAME
    # without both values, or for an indicator the core does not know: nothing to say
    assert direction("talks_staff", None, 50) is None
    assert direction("talks_staff", 50, None) is None
    assert direction("made_up", 50, 40) is None
