"""The overview: matrix, gaps, team and role summaries, talk-cycle progress.

The sample college has 3 employees in 2 teams with 2 roles, 3 competencies and 4 levels;
every expected number below is worked out by hand in the comments.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lob_hrm.overview import Cell, build_overview, talk_progress
from lob_hrm.schemas import (
    ActionRow,
    ActionStatus,
    Competency,
    CompetencyArea,
    CompetencyFramework,
    Level,
    OverviewData,
    OverviewRow,
    Role,
    RoleGroup,
    RoleTarget,
    TalkKind,
    TalkRow,
    TalkState,
)

FRAMEWORK = CompetencyFramework(
    key="lob",
    name="Raamwerk LOB",
    levels=[
        Level(key="start", name="Startbekwaam", rank=1),
        Level(key="basis", name="Basisbekwaam", rank=2),
        Level(key="vak", name="Vakbekwaam", rank=3),
        Level(key="excellent", name="Excellent", rank=4),
    ],
    areas=[CompetencyArea(key="begeleiden", name="Begeleiden")],
    competencies=[
        Competency(key="gesprek", name="Gesprekken voeren", area="begeleiden"),
        Competency(key="netwerk", name="Netwerken", area="begeleiden"),
        Competency(key="beleid", name="Beleid maken", area="begeleiden"),
    ],
)
ROLES = [
    # SLB'er: gesprek -> vak (3), netwerk -> basis (2), no target for beleid.
    Role(
        key="slb",
        name="SLB'er",
        group=RoleGroup.PRIMARY,
        targets=[
            RoleTarget(competency="gesprek", level="vak"),
            RoleTarget(competency="netwerk", level="basis"),
        ],
    ),
    # Decaan: gesprek -> vak (3), netwerk -> vak (3), beleid -> excellent (4).
    Role(
        key="decaan",
        name="Decaan",
        group=RoleGroup.SPECIALIST,
        targets=[
            RoleTarget(competency="gesprek", level="vak"),
            RoleTarget(competency="netwerk", level="vak"),
            RoleTarget(competency="beleid", level="excellent"),
        ],
    ),
]


def row(employee: str, team: str, role: str, competency: str, level=None, target=None):
    return OverviewRow(
        employee=employee,
        team=team,
        role=role,
        competency=competency,
        level=level,
        target=target,
    )


ROWS = [
    row("Anna", "Zorg", "slb", "gesprek", "vak"),  # 3 vs 3: at target
    row("Anna", "Zorg", "slb", "netwerk", "start"),  # 1 vs 2: gap 1
    row("Anna", "Zorg", "slb", "beleid", "basis"),  # no target
    row("Bram", "Zorg", "decaan", "gesprek", "start"),  # 1 vs 3: gap 2
    row("Bram", "Zorg", "decaan", "netwerk"),  # not assessed vs 3: gap 3
    # Bram has no beleid row: not assessed vs excellent (4): gap 4
    row("Cato", "Techniek", "slb", "gesprek", "excellent"),  # 4 vs 3: above target
    row("Cato", "Techniek", "slb", "netwerk", "basis", "vak"),  # own target 3: gap 1
    row("Cato", "Techniek", "slb", "beleid", "start"),  # no target
]
ACTIONS = [
    ActionRow(
        employee="Anna",
        competency="netwerk",
        description="Netwerkbijeenkomst bezoeken",
        deadline=dt.date(2025, 6, 1),
    ),
    ActionRow(
        employee="Bram",
        competency="gesprek",
        description="Training gespreksvoering",
        deadline=dt.date(2025, 5, 1),
        status=ActionStatus.IN_PROGRESS,
    ),
    ActionRow(
        employee="Bram", competency="gesprek", description="Intervisie", status=ActionStatus.DONE
    ),
    ActionRow(employee="Anna", description="Algemeen"),  # no competency: beside no gap
    ActionRow(employee="Cato", competency="gesprek", description="Coachen"),  # no gap there
]


def talk(employee, team, cycle, state, date=None):
    kind = TalkKind.DEVELOPMENT
    return TalkRow(employee=employee, team=team, cycle=cycle, kind=kind, state=state, date=date)


TALKS = [
    talk("Anna", "Zorg", "2024-2025", TalkState.DONE, dt.date(2024, 11, 1)),
    talk("Bram", "Zorg", "2024-2025", TalkState.PLANNED, dt.date(2025, 2, 1)),
    talk("Bram", "Zorg", "2024-2025", TalkState.CANCELLED, dt.date(2024, 10, 1)),
    talk("Cato", "Techniek", "2024-2025", TalkState.SIGNED, dt.date(2024, 12, 1)),
    talk("Cato", "Techniek", "2024-2025", TalkState.HELD),
    talk("Cato", "Techniek", "2025-2026", TalkState.PLANNED),
]
DATA = OverviewData(rows=ROWS, actions=ACTIONS, talks=TALKS)


@pytest.fixture(scope="module")
def overview():
    return build_overview(FRAMEWORK, ROLES, DATA)


def test_matrix_sorted_by_team_then_employee(overview):
    assert [(r.team, r.employee, r.role) for r in overview.matrix] == [
        ("Techniek", "Cato", "slb"),
        ("Zorg", "Anna", "slb"),
        ("Zorg", "Bram", "decaan"),
    ]
    assert overview.competencies == ("gesprek", "netwerk", "beleid")


def test_matrix_cells(overview):
    cato, anna, bram = overview.matrix
    assert anna.cells == (
        Cell("gesprek", "vak", "vak", 0, True),
        Cell("netwerk", "start", "basis", 1, False),
        Cell("beleid", "basis", None, 0, None),
    )
    # Not assessed counts as rank 0; a competency without a row is not assessed.
    assert bram.cells == (
        Cell("gesprek", "start", "vak", 2, False),
        Cell("netwerk", None, "vak", 3, False),
        Cell("beleid", None, "excellent", 4, False),
    )
    # Above target is at target; the row's own target wins over the role's.
    assert cato.cells == (
        Cell("gesprek", "excellent", "vak", 0, True),
        Cell("netwerk", "basis", "vak", 1, False),
        Cell("beleid", "start", None, 0, None),
    )


def test_gaps_largest_first_with_their_actions(overview):
    assert [(g.employee, g.competency, g.level, g.target, g.gap) for g in overview.gaps] == [
        ("Bram", "beleid", None, "excellent", 4),
        ("Bram", "netwerk", None, "vak", 3),
        ("Bram", "gesprek", "start", "vak", 2),
        ("Anna", "netwerk", "start", "basis", 1),  # ties: by employee name
        ("Cato", "netwerk", "basis", "vak", 1),
    ]
    actions = {(g.employee, g.competency): g.actions for g in overview.gaps}
    assert [a.description for a in actions["Bram", "gesprek"]] == [
        "Training gespreksvoering",
        "Intervisie",
    ]
    assert [a.deadline for a in actions["Anna", "netwerk"]] == [dt.date(2025, 6, 1)]
    assert actions["Bram", "beleid"] == ()
    assert overview.gaps[0].team == "Zorg" and overview.gaps[0].role == "decaan"


def test_team_summaries(overview):
    techniek, zorg = overview.teams
    # Zorg: Anna assessed 3 of 3 (ranks 3, 1, 2), Bram 1 of 3 (rank 1): 4/6, mean 7/4.
    # Cells with a target: Anna 2 + Bram 3 = 5, of which at target: Anna gesprek = 1.
    assert zorg.name == "Zorg"
    assert zorg.employees == 2
    assert zorg.assessed_share == pytest.approx(4 / 6)
    assert zorg.at_target_share == pytest.approx(1 / 5)
    assert zorg.average_rank == pytest.approx(7 / 4)
    assert zorg.open_gaps == 4
    gesprek, netwerk, beleid = zorg.competencies
    assert (gesprek.at_target_share, gesprek.average_rank) == (1 / 2, 2.0)  # (3 + 1) / 2
    assert (netwerk.at_target_share, netwerk.average_rank) == (0.0, 1.0)
    assert (beleid.at_target_share, beleid.average_rank) == (0.0, 2.0)  # Bram targeted
    # Techniek: Cato, ranks 4, 2, 1; 2 targeted cells, 1 at target.
    assert (techniek.name, techniek.employees, techniek.open_gaps) == ("Techniek", 1, 1)
    assert techniek.assessed_share == 1.0
    assert techniek.at_target_share == 0.5
    assert techniek.average_rank == pytest.approx(7 / 3)
    assert techniek.competencies[2].at_target_share is None  # no target for beleid
    assert techniek.competencies[2].average_rank == 1.0


def test_role_summaries_and_total(overview):
    slb, decaan = overview.roles
    # SLB'er: Anna + Cato, 6 of 6 assessed, ranks 3+1+2+4+2+1 = 13, 4 targeted, 2 at target.
    assert (slb.name, slb.employees, slb.open_gaps) == ("slb", 2, 2)
    assert slb.assessed_share == 1.0
    assert slb.at_target_share == 0.5
    assert slb.average_rank == pytest.approx(13 / 6)
    assert (decaan.name, decaan.employees, decaan.open_gaps) == ("decaan", 1, 3)
    assert decaan.assessed_share == pytest.approx(1 / 3)
    assert decaan.at_target_share == 0.0
    total = overview.total
    assert (total.employees, total.open_gaps) == (3, 5)
    assert total.assessed_share == pytest.approx(7 / 9)
    assert total.at_target_share == pytest.approx(2 / 7)
    assert total.average_rank == 2.0  # 14 / 7


def test_talk_progress(overview):
    progress = {(p.cycle, p.team): p for p in overview.talks}
    assert list(progress) == [
        ("2024-2025", "Techniek"),
        ("2024-2025", "Zorg"),
        ("2025-2026", "Techniek"),
    ]
    zorg = progress["2024-2025", "Zorg"]
    assert zorg.count(TalkState.DONE) == 1
    assert zorg.count(TalkState.SIGNED) == 0
    assert zorg.total == 3
    assert zorg.completion_share == 0.5  # 1 done of 2 not cancelled
    assert (zorg.first_date, zorg.last_date) == (dt.date(2024, 10, 1), dt.date(2025, 2, 1))
    assert progress["2024-2025", "Techniek"].completion_share == 0.5  # signed of signed+held
    assert progress["2025-2026", "Techniek"].completion_share == 0.0
    assert progress["2025-2026", "Techniek"].first_date is None
    cycle = overview.cycles[0]
    assert (cycle.cycle, cycle.team, cycle.total, cycle.completion_share) == (
        "2024-2025",
        None,
        5,
        0.5,
    )


def test_cycle_with_only_cancelled_talks_has_no_completion_share():
    (progress,), _ = talk_progress([talk("Anna", "Zorg", "c", TalkState.CANCELLED)])
    assert progress.total == 1
    assert progress.completion_share is None


def test_last_row_wins_and_empty_rows_change_nothing(overview):
    explicit_empty = [*ROWS, row("Bram", "Zorg", "decaan", "beleid")]
    assert build_overview(FRAMEWORK, ROLES, DATA.model_copy(update={"rows": explicit_empty})) == (
        overview
    )
    corrected = [*ROWS, row("Anna", "Zorg", "slb", "netwerk", "basis")]
    again = build_overview(FRAMEWORK, ROLES, DATA.model_copy(update={"rows": corrected}))
    assert again.matrix[1].cells[1] == Cell("netwerk", "basis", "basis", 0, True)
    assert again.total.open_gaps == 4


def test_empty_data():
    empty = build_overview(FRAMEWORK, ROLES, OverviewData())
    assert (empty.matrix, empty.gaps, empty.teams, empty.talks) == ((), (), (), ())
    assert empty.total.employees == 0
    assert empty.total.assessed_share is None
    assert [r.employees for r in empty.roles] == [0, 0]


@pytest.mark.parametrize(
    "bad",
    [
        row("Anna", "Zorg", "slb", "gesprek", "meester"),
        row("Anna", "Zorg", "slb", "gesprek", target="meester"),
        row("Anna", "Zorg", "slb", "zingen", "vak"),
        row("Anna", "Zorg", "concierge", "gesprek", "vak"),
    ],
)
def test_unknown_keys_raise(bad):
    with pytest.raises(KeyError):
        build_overview(FRAMEWORK, ROLES, OverviewData(rows=[bad]))


LEVEL_KEYS = [None, "start", "basis", "vak", "excellent"]
RANK = {None: 0, "start": 1, "basis": 2, "vak": 3, "excellent": 4}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Anna", "Bram", "Cato", "Dirk"]),
            st.sampled_from(["Zorg", "Techniek"]),
            st.sampled_from(["slb", "decaan"]),
            st.sampled_from(["gesprek", "netwerk", "beleid"]),
            st.sampled_from(LEVEL_KEYS),
            st.sampled_from(LEVEL_KEYS),
        ),
        max_size=40,
    )
)
def test_counts_agree_with_a_naive_reading(raw):
    rows = [row(*values) for values in raw]
    overview = build_overview(FRAMEWORK, ROLES, OverviewData(rows=rows))
    role_target = {(r.key, t.competency): t.level for r in ROLES for t in r.targets}
    latest = {(e, t, r, c): (level, target) for e, t, r, c, level, target in raw}
    expected_gaps = 0
    for employee in {(e, t, r) for e, t, r, *_ in raw}:
        for competency in overview.competencies:
            level, own = latest.get((*employee, competency), (None, None))
            target = own or role_target.get((employee[2], competency))
            if target is not None and RANK[target] > RANK[level]:
                expected_gaps += 1
    assert len(overview.gaps) == overview.total.open_gaps == expected_gaps
    assert sum(t.open_gaps for t in overview.teams) == expected_gaps
    assert sum(r.open_gaps for r in overview.roles) == expected_gaps
    assert all(g.gap == RANK[g.target] - RANK[g.level] > 0 for g in overview.gaps)
    assert [g.gap for g in overview.gaps] == sorted((g.gap for g in overview.gaps), reverse=True)
