"""Competency matrix, gaps, team/role summaries and talk-cycle progress from plain rows.

:func:`build_overview` is the one entry point.  It is a single pass over the rows (dicts
keyed by employee and competency, no per-row scans), so 10,000 employees × 25 competencies
take well under a second.

Definitions used throughout:

* an employee is the triple (name, team, role) of :class:`~lob_hrm.schemas.OverviewRow`;
  every employee gets a cell for *every* competency of the framework, and a competency
  without a row is simply not assessed (so exporters need not emit empty rows);
* not assessed counts as rank 0; the gap is ``max(0, target_rank - current_rank)`` and 0
  when there is no target; ``at_target`` is ``None`` when there is no target;
* the row's own target wins over the role's target for that competency;
* an employee holding several roles is aimed at the highest level any of them asks:
  :func:`highest_targets`, the one Python home of that rule (the Odoo export builds its
  combined roles with it; Odoo's SQL view ``lob.competency.overview`` is its SQL twin);
* when the same employee and competency appear twice, the last row wins;
* cells are immutable and shared: equal cells are one object, which keeps a
  10,000 × 25 matrix small and lets the workbook writer style each distinct cell once.

Unknown level, competency or role keys raise :class:`KeyError`; data checked by
:func:`lob_hrm.exchange.load_document` never has them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .schemas import (
    ActionRow,
    CompetencyFramework,
    OverviewData,
    Role,
    RoleTarget,
    TalkRow,
    TalkState,
)

EmployeeKey = tuple[str, str, str]  # (name, team, role key)

# Talks that count as completed; cancelled talks are left out of the denominator.
COMPLETED_STATES = frozenset({TalkState.SIGNED, TalkState.DONE})


@dataclass(frozen=True, slots=True)
class Cell:
    """One employee's standing on one competency."""

    competency: str
    level: str | None  # None: not assessed
    target: str | None  # None: no target
    gap: int  # ranks below target; 0 without target
    at_target: bool | None  # None: no target


@dataclass(frozen=True, slots=True)
class EmployeeRow:
    """One line of the matrix; ``cells`` follow the framework's competency order."""

    employee: str
    team: str
    role: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Gap:
    """A cell below target, with the agreed actions for that employee and competency."""

    employee: str
    team: str
    role: str
    competency: str
    level: str | None
    target: str
    gap: int
    actions: tuple[ActionRow, ...]


@dataclass(frozen=True, slots=True)
class CompetencyStats:
    """Per competency within a group; shares and averages are ``None`` without data."""

    competency: str
    at_target_share: float | None  # of the cells with a target
    average_rank: float | None  # of the assessed cells


@dataclass(frozen=True, slots=True)
class GroupSummary:
    """Summary of a team, a role (``name`` is the role key) or everybody (``name`` '')."""

    name: str
    employees: int  # distinct employee names
    assessed_share: float | None  # assessed cells / all cells
    at_target_share: float | None  # cells at target / cells with a target
    average_rank: float | None  # mean rank of the assessed cells
    open_gaps: int  # cells below target
    competencies: tuple[CompetencyStats, ...]  # framework order


@dataclass(frozen=True, slots=True)
class CycleProgress:
    """Talks of one cycle for one team (``team`` is ``None`` for the whole cycle)."""

    cycle: str
    team: str | None
    counts: Mapping[TalkState, int]  # every state, zeros included
    total: int
    completion_share: float | None  # (signed + done) / not cancelled
    first_date: dt.date | None  # earliest and latest dated talk
    last_date: dt.date | None

    def count(self, state: TalkState) -> int:
        return self.counts[state]


@dataclass(frozen=True, slots=True)
class TeamHours:
    """Professionalisation hours of a team's employees in a year, against their norm."""

    hours: float  # done
    norm: float  # employees × yearly norm

    @property
    def share(self) -> float | None:
        return _share_of(self.hours, self.norm)


@dataclass(frozen=True, slots=True)
class Overview:
    """What :func:`build_overview` returns; role and competency fields hold keys."""

    competencies: tuple[str, ...]  # framework order; the matrix columns
    matrix: tuple[EmployeeRow, ...]  # sorted by team, employee, role
    gaps: tuple[Gap, ...]  # largest first, then employee, team, role, competency order
    teams: tuple[GroupSummary, ...]  # sorted by name
    roles: tuple[GroupSummary, ...]  # in the order of the given roles, empty ones included
    total: GroupSummary
    talks: tuple[CycleProgress, ...]  # per cycle and team, sorted
    cycles: tuple[CycleProgress, ...]  # per cycle, all teams, sorted


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _share_of(part: float, whole: float) -> float | None:
    return part / whole if whole > 0 else None


def total_hours(hours: Iterable[TeamHours]) -> TeamHours:
    """The hours and norms of several teams added up."""
    done = norm = 0.0
    for team in hours:
        done += team.hours
        norm += team.norm
    return TeamHours(done, norm)


class _Tally:
    """How often each (shared) cell occurs in a group: a team, a role or everybody.

    Counting object ids runs in C (``Counter.update``); the statistics are derived from the
    few hundred distinct cells at the end.
    """

    __slots__ = ("counts",)

    def __init__(self) -> None:
        self.counts: Counter[int] = Counter()

    def add(self, cells: Iterable[Cell]) -> None:
        self.counts.update(map(id, cells))

    def summary(
        self,
        name: str,
        employees: int,
        columns: Mapping[str, int],
        cells: Mapping[int, Cell],
        ranks: Mapping[str, int],
    ) -> GroupSummary:
        # per column: assessed, rank sum, targeted, at target
        per = [[0, 0, 0, 0] for _ in columns]
        for cell_id, count in self.counts.items():
            cell = cells[cell_id]
            line = per[columns[cell.competency]]
            if cell.level is not None:
                line[0] += count
                line[1] += count * ranks[cell.level]
            if cell.at_target is not None:
                line[2] += count
                line[3] += count if cell.at_target else 0
        assessed, rank_sum, targeted, hit = (sum(values) for values in zip(*per, strict=True))
        return GroupSummary(
            name=name,
            employees=employees,
            assessed_share=_share(assessed, sum(self.counts.values())),
            at_target_share=_share(hit, targeted),
            average_rank=_share(rank_sum, assessed),
            open_gaps=targeted - hit,
            competencies=tuple(
                CompetencyStats(key, _share(c_hit, c_targeted), _share(c_sum, c_assessed))
                for key, (c_assessed, c_sum, c_targeted, c_hit) in zip(columns, per, strict=True)
            ),
        )


class _Cells:
    """Makes cells, sharing equal ones: at most competencies × (levels + 1)² exist, so a
    10,000-employee matrix holds a few hundred cells instead of 250,000."""

    def __init__(self, ranks: Mapping[str, int]) -> None:
        self.ranks = ranks
        self.made: dict[tuple[str, str | None, str | None], Cell] = {}
        self.by_id: dict[int, Cell] = {}

    def __call__(self, competency: str, level: str | None, target: str | None) -> Cell:
        key = (competency, level, target)
        cell = self.made.get(key)
        if cell is None:
            cell = self.made[key] = self._make(competency, level, target)
            self.by_id[id(cell)] = cell
        return cell

    def _make(self, competency: str, level: str | None, target: str | None) -> Cell:
        if level is not None and level not in self.ranks:
            raise KeyError(level)
        if target is None:
            return Cell(competency, level, None, 0, None)
        current = self.ranks[level] if level is not None else 0
        gap = max(0, self.ranks[target] - current)
        return Cell(competency, level, target, gap, gap == 0)


def highest_targets(roles: Iterable[Role], ranks: Mapping[str, int]) -> list[RoleTarget]:
    """The target rule: per competency, the highest level that any of ``roles`` asks.

    ``ranks`` maps level keys to ranks; on a tie the first role's level stays.  Competencies
    keep the order in which the roles first name them.
    """
    highest: dict[str, str] = {}
    for role in roles:
        for target in role.targets:
            known = highest.get(target.competency)
            if known is None or ranks[target.level] > ranks[known]:
                highest[target.competency] = target.level
    return [RoleTarget(competency=key, level=level) for key, level in highest.items()]


def _role_targets(roles: Iterable[Role], columns: Mapping[str, int]) -> dict[str, list]:
    """Role key -> target level per column (None where the role sets none)."""
    targets: dict[str, list] = {}
    for role in roles:
        line: list[str | None] = [None] * len(columns)
        for target in role.targets:
            line[columns[target.competency]] = target.level
        targets[role.key] = line
    return targets


class _Talks:
    """Running counts and date range of the talks of one cycle (and team)."""

    __slots__ = ("counts", "first", "last")

    def __init__(self) -> None:
        self.counts = dict.fromkeys(TalkState, 0)
        self.first: dt.date | None = None
        self.last: dt.date | None = None

    def add(self, talk: TalkRow) -> None:
        self.counts[talk.state] += 1
        if talk.date is not None:
            self.first = talk.date if self.first is None else min(self.first, talk.date)
            self.last = talk.date if self.last is None else max(self.last, talk.date)

    def progress(self, cycle: str, team: str | None) -> CycleProgress:
        total = sum(self.counts.values())
        done = sum(self.counts[state] for state in COMPLETED_STATES)
        open_ = total - self.counts[TalkState.CANCELLED]
        return CycleProgress(
            cycle, team, self.counts, total, _share(done, open_), self.first, self.last
        )


def talk_progress(
    talks: Iterable[TalkRow],
) -> tuple[tuple[CycleProgress, ...], tuple[CycleProgress, ...]]:
    """Progress per (cycle, team) and per cycle, both sorted by name."""
    per_team: dict[tuple[str, str], _Talks] = defaultdict(_Talks)
    per_cycle: dict[str, _Talks] = defaultdict(_Talks)
    for talk in talks:
        per_team[talk.cycle, talk.team].add(talk)
        per_cycle[talk.cycle].add(talk)
    return (
        tuple(tally.progress(c, t) for (c, t), tally in sorted(per_team.items())),
        tuple(tally.progress(c, None) for c, tally in sorted(per_cycle.items())),
    )


def build_overview(
    framework: CompetencyFramework, roles: Sequence[Role], data: OverviewData
) -> Overview:
    """Everything the overview screens and the workbook show, in one pass over the rows."""
    competencies = tuple(c.key for c in framework.competencies)
    columns = {key: index for index, key in enumerate(competencies)}
    ranks = {level.key: level.rank for level in framework.levels}
    role_targets = _role_targets(roles, columns)
    make_cell = _Cells(ranks)
    width = len(competencies)

    # employee -> (levels, own targets), one entry per column; the last row wins.
    lines: dict[EmployeeKey, tuple[list[str | None], list[str | None]]] = {}
    for row in data.rows:
        key = (row.employee, row.team, row.role)
        line = lines.get(key)
        if line is None:
            if row.role not in role_targets:
                raise KeyError(row.role)
            line = lines[key] = ([None] * width, [None] * width)
        column = columns[row.competency]
        line[0][column] = row.level
        line[1][column] = row.target

    actions: dict[tuple[str, str], list[ActionRow]] = defaultdict(list)
    for action in data.actions:
        if action.competency is not None:
            actions[action.employee, action.competency].append(action)

    teams: dict[str, _Tally] = defaultdict(_Tally)
    by_role: dict[str, _Tally] = {role.key: _Tally() for role in roles}
    total = _Tally()
    team_names: dict[str, set[str]] = defaultdict(set)
    role_names: dict[str, set[str]] = defaultdict(set)
    matrix: list[EmployeeRow] = []
    gaps: list[Gap] = []
    for key in sorted(lines, key=lambda k: (k[1], k[0], k[2])):  # team, employee, role
        name, team, role = key
        levels, own_targets = lines[key]
        cells = tuple(
            make_cell(competency, level, own if own is not None else default)
            for competency, level, own, default in zip(
                competencies, levels, own_targets, role_targets[role], strict=True
            )
        )
        matrix.append(EmployeeRow(name, team, role, cells))
        team_names[team].add(name)
        role_names[role].add(name)
        for tally in (teams[team], by_role[role], total):
            tally.add(cells)
        gaps.extend(
            Gap(
                name,
                team,
                role,
                cell.competency,
                cell.level,
                cell.target,  # type: ignore[arg-type]  # a gap implies a target
                cell.gap,
                tuple(actions.get((name, cell.competency), ())),
            )
            for cell in cells
            if cell.gap
        )
    gaps.sort(key=lambda g: (-g.gap, g.employee, g.team, g.role, columns[g.competency]))

    def summary(tally: _Tally, name: str, employees: int) -> GroupSummary:
        return tally.summary(name, employees, columns, make_cell.by_id, ranks)

    everybody = set().union(*team_names.values())
    per_team, per_cycle = talk_progress(data.talks)
    return Overview(
        competencies=competencies,
        matrix=tuple(matrix),
        gaps=tuple(gaps),
        teams=tuple(summary(teams[t], t, len(team_names[t])) for t in sorted(teams)),
        roles=tuple(summary(by_role[r.key], r.key, len(role_names[r.key])) for r in roles),
        total=summary(total, "", len(everybody)),
        talks=per_team,
        cycles=per_cycle,
    )
