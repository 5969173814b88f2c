"""The fictional demo college: seeded, realistic and valid exchange data."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

import pytest

from lob_hrm.content import load_default_content
from lob_hrm.demo import TEAMS, build_demo_college, school_year
from lob_hrm.exchange import dump_document, load_document
from lob_hrm.schemas import TalkKind, TalkState

TEAM_NAMES = [name for name, _ in TEAMS]


@pytest.fixture(scope="module")
def demo():
    return build_demo_college()


def employees(doc) -> dict[str, tuple[str, str]]:
    """Employee -> (team, role), checking that both are the same on every row."""
    found: dict[str, tuple[str, str]] = {}
    for row in doc.overview.rows:
        assert found.setdefault(row.employee, (row.team, row.role)) == (row.team, row.role)
    return found


def test_same_seed_same_college():
    assert dump_document(build_demo_college(seed=7)) == dump_document(build_demo_college(seed=7))


def test_other_seed_other_college(demo):
    assert dump_document(build_demo_college(seed=2027)) != dump_document(demo)


@pytest.mark.parametrize("count", [1, 5, 6, 37, 120, 300])
def test_requested_number_of_employees(count):
    doc = build_demo_college(employees=count)
    staff = employees(doc)
    assert len(staff) == count
    assert set(staff) == {talk.employee for talk in doc.overview.talks}
    teams = Counter(team for team, _ in staff.values())
    assert list(teams) == TEAM_NAMES[: min(count, len(TEAM_NAMES))]  # every team has staff


def test_no_employees_is_an_empty_college():
    doc = build_demo_college(employees=0)
    assert doc.overview.rows == [] and doc.overview.talks == []
    with pytest.raises(ValueError):
        build_demo_college(employees=-1)


def test_round_trips_through_the_exchange_format(demo):
    assert load_document(json.loads(dump_document(demo))) == demo


def test_carries_the_default_content(demo):
    content = load_default_content()
    assert demo.dimensions == content.dimensions
    assert demo.idiom == content.idiom
    assert demo.templates == content.templates
    assert demo.framework == content.framework
    assert demo.roles == content.roles
    assert "ROC De Waterlinie" in demo.overview.title


def test_every_employee_has_a_role_and_each_team_a_leader(demo):
    staff = employees(demo)
    roles = Counter(role for _, role in staff.values())
    assert set(roles) == {role.key for role in demo.roles}
    assert roles["slb"] > roles["decaan"]
    leaders = {team for team, role in staff.values() if role == "teamleider"}
    assert leaders == set(TEAM_NAMES)


def test_a_level_for_each_target_competency(demo):
    targets = {role.key: [t.competency for t in role.targets] for role in demo.roles}
    per_employee: dict[str, list[str]] = {}
    for row in demo.overview.rows:
        per_employee.setdefault(row.employee, []).append(row.competency)
    staff = employees(demo)
    for name, competencies in per_employee.items():
        assert competencies == targets[staff[name][1]]


def test_levels_are_realistically_skewed(demo):
    rows = demo.overview.rows
    levels = Counter(row.level for row in rows)
    middle = levels["basisbekwaam"] + levels["vakbekwaam"]
    assert middle > 0.6 * len(rows)
    assert 0 < levels[None] < 0.2 * len(rows)
    assert 0 < levels["excellent"] < 0.15 * len(rows)
    for row in rows:
        assert (row.level is None) == (row.assessed_on is None)
        if row.assessed_on:
            assert row.assessed_on <= demo.overview.reference_date


def test_talk_cycle_has_varied_states_and_kinds(demo):
    talks = demo.overview.talks
    assert {talk.cycle for talk in talks} == {"2026-2027"}
    assert {talk.state for talk in talks} == set(TalkState)
    assert {talk.kind for talk in talks} == {TalkKind.PERFORMANCE, TalkKind.DEVELOPMENT}
    reference = demo.overview.reference_date
    for talk in talks:
        if talk.state in (TalkState.HELD, TalkState.SIGNED, TalkState.DONE):
            assert talk.date is not None and talk.date <= reference


def test_actions_address_gaps(demo):
    rank = {level.key: level.rank for level in demo.framework.levels}
    targets = {(r.key, t.competency): t.level for r in demo.roles for t in r.targets}
    rows = {(row.employee, row.competency): row for row in demo.overview.rows}
    actions = demo.overview.actions
    assert actions
    for action in actions:
        row = rows[(action.employee, action.competency)]
        target = row.target or targets[(row.role, row.competency)]
        assert rank[row.level] < rank[target]
        assert action.description and action.deadline


def test_reference_date_sets_the_cycle():
    doc = build_demo_college(employees=10, reference_date=dt.date(2028, 3, 1))
    assert {talk.cycle for talk in doc.overview.talks} == {"2027-2028"}
    assert doc.overview.reference_date == dt.date(2028, 3, 1)
    assert school_year(dt.date(2026, 8, 1)) == "2026-2027"
    assert school_year(dt.date(2026, 7, 31)) == "2025-2026"
