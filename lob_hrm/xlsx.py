"""The Excel workbook of the competency overview, written in openpyxl write-only mode.

One writer, :func:`write_workbook`, used by the Odoo wizard and the command line.  Sheets
(Dutch, for Dutch users; shared labels come from :mod:`lob_hrm.labels`): Overzicht
(heatmap), Teams (with a chart), Rollen, Rollenmatrix (required level per role, as
numbers), Cijfers (current, target and gap as numbers, with average and share-at-target
formulas), Ontwikkelpunten, Gesprekkencyclus, Beleid (the policy monitor, when policy rows
are given: :mod:`lob_hrm.xlsx_policy`) and Definities.

Built for people who sort, filter and edit it: the heatmap colours are conditional
formatting rules that compare a level with the target in the same row (so sorting,
filtering and editing a level keep them right), level cells offer a drop-down of the level
names, the per-competency averages and shares of the teams and roles are formulas over the
Cijfers sheet, and every sheet prints on A4 at the page width with its header repeated.

Write-only mode streams rows to disk, so memory stays flat whatever the number of
employees; its rules, the named styles and the sheet plumbing every sheet shares live in
:mod:`lob_hrm.xlsx_style`.  Works with openpyxl 3.0.9 (Odoo 18's pin) and 3.1.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule, FormulaRule
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from . import labels
from .overview import (
    Cell,
    CycleProgress,
    GroupSummary,
    Overview,
    TeamHours,
    build_overview,
    total_hours,
)
from .schemas import (
    ActionStatus,
    CompetencyFramework,
    Dimension,
    IdiomTerm,
    OverviewData,
    Role,
    RoleGroup,
    TalkState,
)
from .xlsx_policy import PolicyInput, policy_sheet
from .xlsx_style import (
    HEAT,
    HEAT_AT,
    HEAT_FAR,
    HEAT_NEAR,
    HEAT_NONE,
    Sheet,
    Styler,
    add_rules,
    date_cell,
    decimal_cell,
    differential,
    share_cell,
)

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 1000  # employees between two progress calls

NOT_ASSESSED = "(niet beoordeeld)"
EMPTY_SELECTION = "Geen medewerkers met een LOB-rol in deze selectie."
HOURS_COLUMNS = [("Professionaliseringsuren", 14), ("Norm (uren)", 11), ("Uren t.o.v. norm", 11)]

ROLE_GROUPS = {
    RoleGroup.PRIMARY: "Begeleider primair proces",
    RoleGroup.SPECIALIST: "Specialist",
    RoleGroup.COORDINATOR: "Coördinator",
}
ACTION_STATUS = {
    ActionStatus.OPEN: "Open",
    ActionStatus.IN_PROGRESS: "Bezig",
    ActionStatus.DONE: "Afgerond",
    ActionStatus.CANCELLED: "Geannuleerd",
}
TALK_STATES = {
    TalkState.PLANNED: "Gepland",
    TalkState.PREPARATION: "Voorbereiding",
    TalkState.HELD: "Gehouden",
    TalkState.SIGNED: "Ondertekend",
    TalkState.DONE: "Afgerond",
    TalkState.CANCELLED: "Geannuleerd",
}

# Shared labels, in the workbook's Dutch.
_nl = labels.dutch
EMPLOYEE, TEAM, ROLE = _nl(labels.EMPLOYEE), _nl(labels.TEAM), _nl(labels.ROLE)
COMPETENCY, AREA = _nl(labels.COMPETENCY), _nl(labels.AREA)
CURRENT, TARGET, GAP = _nl(labels.CURRENT_LEVEL), _nl(labels.TARGET_LEVEL), _nl(labels.GAP)
SHARE_AT_TARGET, AVERAGE = _nl(labels.SHARE_AT_TARGET), _nl(labels.AVERAGE_LEVEL)

# Sheets that formulas and defined names refer to.
NUMBERS_SHEET = "Cijfers"
DEFINITIONS_SHEET = "Definities"
# Defined names over the level rows of the Definities sheet (names and ranks, by rank):
# the drop-down lists and the colour rules read the levels from there.
LEVEL_NAMES, LEVEL_RANKS = "LOB_Niveaus", "LOB_Rangen"


def heat(cell: Cell) -> str:
    """The heatmap class of a matrix cell (what the conditional formatting shows)."""
    if cell.level is None or cell.at_target is None:
        return HEAT_NONE
    if cell.at_target:
        return HEAT_AT
    return HEAT_NEAR if cell.gap == 1 else HEAT_FAR


def _heat_rules(level: str, target: str) -> list[tuple[str, Any]]:
    """The heatmap as conditional formatting: (class, rule) for the level cell ``level``
    (top-left of the range, relative) against the target rank in cell ``target``.

    A level's rank is looked up by name in the Definities sheet, so a level typed or picked
    in the cell recolours it at once; an empty cell or target is grey, as :func:`heat`.
    """
    rank = f"IFERROR(INDEX({LEVEL_RANKS},MATCH({level},{LEVEL_NAMES},0)),0)"
    formulas = {
        HEAT_NONE: f'OR({level}="",NOT(ISNUMBER({target})))',
        HEAT_AT: f"{rank}>={target}",
        HEAT_NEAR: f"{target}-{rank}=1",
        HEAT_FAR: f"{target}-{rank}>=2",
    }
    return [
        (key, FormulaRule(formula=[formula], stopIfTrue=True, **differential(key)))
        for key, formula in formulas.items()
    ]


def _gap_rules() -> list[Any]:
    """Gap cells (levels below target) coloured by their value."""
    return [
        CellIsRule(operator="equal", formula=["0"], **differential(HEAT_AT)),
        CellIsRule(operator="equal", formula=["1"], **differential(HEAT_NEAR)),
        CellIsRule(operator="greaterThanOrEqual", formula=["2"], **differential(HEAT_FAR)),
    ]


def _level_validation(ref: str) -> DataValidation:
    """A drop-down of the level names on ``ref``; other text is refused."""
    validation = DataValidation(
        type="list",
        formula1=LEVEL_NAMES,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Onbekend niveau",
        error="Kies een niveau uit de lijst (zie het blad Definities).",
    )
    validation.add(ref)
    return validation


def _define_name(workbook: Workbook, name: str, ref: str) -> None:
    """A workbook-wide defined name (openpyxl 3.0 keeps a list, 3.1 a dict)."""
    defined = DefinedName(name, attr_text=ref)
    names = workbook.defined_names
    if hasattr(names, "append"):
        names.append(defined)
    else:  # openpyxl 3.1
        names[name] = defined


class _Names:
    """Display names for the keys used in the overview."""

    def __init__(self, framework: CompetencyFramework, roles: Sequence[Role]) -> None:
        self.levels = {level.key: level.name for level in framework.levels}
        self.ranks = {level.key: level.rank for level in framework.levels}
        self.level_count = len(framework.levels)
        self.area_of = {c.key: c.area for c in framework.competencies}
        self.competencies = {c.key: c.name for c in framework.competencies}
        self.areas = {area.key: area.name for area in framework.areas}
        self.roles = {role.key: role.name for role in roles}
        self.groups = {role.key: ROLE_GROUPS[role.group] for role in roles}

    def level(self, key: str | None) -> str | None:
        return None if key is None else self.levels[key]

    def role(self, key: str) -> str:
        return self.roles.get(key, key)

    def rank(self, key: str | None) -> int | None:
        return None if key is None else self.ranks[key]

    def area_band(self, competencies: Iterable[str]) -> list[str]:
        return [self.areas.get(self.area_of[key], self.area_of[key]) for key in competencies]


# -- the sheets ---------------------------------------------------------------------------


def _overzicht(
    wb: Workbook,
    styler: Styler,
    names: _Names,
    data: OverviewData,
    overview: Overview,
    progress: Progress | None,
) -> None:
    """The heatmap: level names, then the target ranks the colour rules compare them with."""
    keys = overview.competencies
    width = len(keys)
    columns = [(EMPLOYEE, 28), (TEAM, 18), (ROLE, 20)]
    columns += [(names.competencies[key], 15) for key in keys]
    columns += [(f"{TARGET}: {names.competencies[key]}", 9) for key in keys]
    band = names.area_band(keys)

    def above(sheet: Sheet) -> list[list[Any]]:
        title: list[Any] = [sheet.cell(data.title, "titel"), None, None]
        if data.reference_date is not None:
            title[1:3] = ["Peildatum", sheet.cell(data.reference_date, "datum")]
        # The legend sits above the heatmap columns: visible whatever is filtered or scrolled.
        legend = [sheet.cell(text, f"heat {key}") for key, (text, _, _) in HEAT.items()]
        return [[*title, *legend], sheet.band(2, 4, band, band)]

    sheet = Sheet(
        wb,
        styler,
        "Overzicht",
        columns,
        freeze_column=3,
        above=above,
        above_height=30,
        header_height=45,
    )
    level_names = names.levels
    # Matrix cells are few distinct objects (build_overview shares them): map each once.
    levels: dict[int, WriteOnlyCell] = {}
    targets: dict[int, int | None] = {}
    total = len(overview.matrix)
    for done, row in enumerate(overview.matrix, 1):
        line: list[Any] = [row.employee, row.team, names.role(row.role)]
        cells = row.cells
        ids = list(map(id, cells))
        if not all(map(levels.__contains__, ids)):
            for cell in cells:
                value = None if cell.level is None else level_names[cell.level]
                levels[id(cell)] = sheet.shared(value, "niveau")
                targets[id(cell)] = names.rank(cell.target)
        line += map(levels.__getitem__, ids)
        line += map(targets.__getitem__, ids)
        sheet.append(line)
        if progress is not None and done % PROGRESS_EVERY == 0 and done < total:
            progress(done, total)
    last = sheet.close_table()
    # Outline the target columns: they serve the colours, users may fold them away.
    first_target = get_column_letter(4 + width)
    sheet.ws.column_dimensions.group(
        first_target, get_column_letter(3 + 2 * width), outline_level=1
    )
    if total:
        first = sheet.header_row + 1
        levels_ref = f"D{first}:{get_column_letter(3 + width)}{last}"
        rules = [rule for _, rule in _heat_rules(f"D{first}", f"{first_target}{first}")]
        add_rules(sheet.ws, levels_ref, rules)
        sheet.ws.data_validations.append(_level_validation(levels_ref))
    else:
        # An empty selection is an answer, not an error: say so where users look first.
        sheet.append([sheet.cell(EMPTY_SELECTION, "vet")])


def _cijfers(wb: Workbook, styler: Styler, names: _Names, overview: Overview) -> None:
    """Current level, target and gap as numbers (ranks) per employee and competency, and
    below them an average and a share-at-target row: formulas, for people who calculate."""
    keys = overview.competencies
    columns = [(EMPLOYEE, 28), (TEAM, 18), (ROLE, 20)]
    for _ in keys:
        columns += [(CURRENT, 9), (TARGET, 9), (GAP, 11)]
    competency_band = [[names.competencies[key]] * 3 for key in keys]

    def above(sheet: Sheet) -> list[list[Any]]:
        return [sheet.band(1, 4, *competency_band)]

    sheet = Sheet(wb, styler, NUMBERS_SHEET, columns, freeze_column=3, above=above, above_height=45)
    numbers: dict[int, tuple[int | None, int | None, int | None]] = {}
    for row in overview.matrix:
        line: list[Any] = [row.employee, row.team, names.role(row.role)]
        for cell in row.cells:
            made = numbers.get(id(cell))
            if made is None:
                target = names.rank(cell.target)
                gap = None if target is None else cell.gap
                made = numbers[id(cell)] = (names.rank(cell.level), target, gap)
            line += made
        sheet.append(line)
    last = sheet.close_table()
    first = sheet.header_row + 1
    if not overview.matrix:
        return
    gap_columns = [get_column_letter(6 + 3 * index) for index in range(len(keys))]
    # one set of rules over every gap column (a space-separated range list)
    add_rules(sheet.ws, " ".join(f"{c}{first}:{c}{last}" for c in gap_columns), _gap_rules())
    sheet.append([])
    average = [sheet.cell(AVERAGE, "vet"), None, None]
    share = [sheet.cell(SHARE_AT_TARGET, "vet"), None, None]
    for index in range(3 * len(keys)):
        column = get_column_letter(4 + index)
        cells = f"{column}{first}:{column}{last}"
        average.append(sheet.cell(f'=IFERROR(AVERAGE({cells}),"")', "decimaal"))
        if index % 3 == 2:  # under the gap: targets reached (gap 0) of the targets set
            share.append(sheet.cell(f'=IFERROR(COUNTIF({cells},0)/COUNT({cells}),"")', "procent"))
        else:
            share.append(None)
    sheet.append(average)
    sheet.append(share)


def _rollenmatrix(
    wb: Workbook, styler: Styler, names: _Names, roles: Sequence[Role], overview: Overview
) -> None:
    """The level each role requires per competency, as its rank (1 = the lowest level)."""
    keys = overview.competencies
    columns = [(ROLE, 24), ("Groep", 22)]
    columns += [(names.competencies[key], 12) for key in keys]

    def above(sheet: Sheet) -> list[list[Any]]:
        return [sheet.band(1, 3, names.area_band(keys))]

    sheet = Sheet(
        wb, styler, "Rollenmatrix", columns, freeze_column=2, above=above, above_height=30
    )
    column_of = {key: index for index, key in enumerate(keys)}
    for role in roles:
        line: list[Any] = [None] * len(keys)
        for target in role.targets:
            if target.competency in column_of:
                line[column_of[target.competency]] = names.rank(target.level)
        sheet.append([role.name, names.groups.get(role.key), *line])
    sheet.close_table()


class _Numbers:
    """Formulas over the Cijfers sheet: the average level and the share at target of one
    competency, for everybody or for the rows whose team (or role) column holds a value."""

    def __init__(self, employees: int) -> None:
        self.first = 3  # below the competency band and the header
        self.last = max(self.first, 2 + employees)

    def _range(self, column: str) -> str:
        return f"{NUMBERS_SHEET}!${column}${self.first}:${column}${self.last}"

    def average(self, index: int, where: tuple[str, str] | None) -> str:
        current = self._range(get_column_letter(4 + 3 * index))
        if where is None:
            return f'=IFERROR(AVERAGE({current}),"")'
        column, value = where
        return f'=IFERROR(AVERAGEIFS({current},{self._range(column)},{value}),"")'

    def share(self, index: int, where: tuple[str, str] | None) -> str:
        gap = self._range(get_column_letter(6 + 3 * index))
        if where is None:
            return f'=IFERROR(COUNTIF({gap},0)/COUNT({gap}),"")'
        column, value = where
        group = f"{self._range(column)},{value}"
        return f'=IFERROR(COUNTIFS({gap},0,{group})/COUNTIFS({gap},">=0",{group}),"")'


def _summary_line(
    sheet: Sheet,
    summary: GroupSummary,
    numbers: _Numbers,
    where: str | None = None,
) -> list[Any]:
    """The figures of a group; per competency its share at target and average level are
    formulas over the Cijfers sheet (``where``: the Cijfers column holding the group's name,
    matched with column A of the row being written; ``None``: everybody)."""
    line: list[Any] = [
        summary.employees,
        share_cell(sheet, summary.assessed_share),
        share_cell(sheet, summary.at_target_share),
        decimal_cell(sheet, summary.average_rank),
        summary.open_gaps,
    ]
    match = None if where is None else (where, f"$A{sheet.rows + 1}")
    for index in range(len(summary.competencies)):
        line += [
            sheet.cell(numbers.share(index, match), "procent"),
            sheet.cell(numbers.average(index, match), "decimaal"),
        ]
    return line


def _summary_columns(names: _Names, overview: Overview) -> list[tuple[str, float]]:
    columns = [
        (_nl(labels.EMPLOYEES), 13),
        ("Beoordeeld", 12),
        ("Op doelniveau", 12),
        (AVERAGE, 11),
        ("Open ontwikkelpunten", 13),
    ]
    for key in overview.competencies:
        name = names.competencies[key]
        columns += [(f"{name}: op doel", 14), (f"{name}: gem. niveau", 14)]
    return columns


def _hours_line(sheet: Sheet, hours: TeamHours | None) -> list[Any]:
    if hours is None:
        return [None, None, None]
    return [sheet.cell(hours.hours, "decimaal"), hours.norm, share_cell(sheet, hours.share)]


def _with_hours(line: list[Any], extra: list[Any] | None) -> list[Any]:
    """The hours go after the five team-wide figures, before the per-competency columns."""
    return line if extra is None else [*line[:6], *extra, *line[6:]]


def _teams(
    wb: Workbook,
    styler: Styler,
    names: _Names,
    overview: Overview,
    team_hours: Mapping[str, TeamHours] | None,
    numbers: _Numbers,
) -> None:
    columns = [(TEAM, 24), *_summary_columns(names, overview)]
    if team_hours is not None:
        columns = [*columns[:6], *HOURS_COLUMNS, *columns[6:]]
    sheet = Sheet(wb, styler, "Teams", columns, header_height=60)

    def hours(team: str | None) -> list[Any] | None:
        if team_hours is None:
            return None
        if team is None:
            return _hours_line(sheet, total_hours(team_hours.values()))
        return _hours_line(sheet, team_hours.get(team))

    for summary in overview.teams:
        line = [summary.name, *_summary_line(sheet, summary, numbers, "B")]
        sheet.append(_with_hours(line, hours(summary.name)))
    last = sheet.close_table()
    sheet.append([])
    total = [sheet.cell("Alle teams", "vet"), *_summary_line(sheet, overview.total, numbers)]
    sheet.append(_with_hours(total, hours(None)))
    count = len(overview.teams)
    if not count:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.title = "Aandeel op doelniveau per team"
    chart.legend = None
    # Refer to this sheet's own cells: the chart follows when users edit the table.
    chart.add_data(
        Reference(sheet.ws, min_col=4, min_row=sheet.header_row, max_row=last),
        titles_from_data=True,
    )
    chart.set_categories(Reference(sheet.ws, min_col=1, min_row=sheet.header_row + 1, max_row=last))
    chart.x_axis.scaling.orientation = "maxMin"  # first team on top, as in the table
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.y_axis.number_format = "0%"
    chart.y_axis.majorGridlines = None
    # openpyxl 3.1 hides axes unless told otherwise; 3.0.9 shows them.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width = 18
    chart.height = max(7.5, 0.6 * count + 3)
    sheet.ws.add_chart(chart, f"A{sheet.rows + 3}")


def _rollen(
    wb: Workbook, styler: Styler, names: _Names, overview: Overview, numbers: _Numbers
) -> None:
    columns = [(ROLE, 24), ("Groep", 22), *_summary_columns(names, overview)]
    sheet = Sheet(wb, styler, "Rollen", columns, header_height=60)
    for summary in overview.roles:
        line = [names.role(summary.name), names.groups.get(summary.name)]
        sheet.append([*line, *_summary_line(sheet, summary, numbers, "C")])
    sheet.close_table()
    sheet.append([])
    total = _summary_line(sheet, overview.total, numbers)
    sheet.append([sheet.cell("Alle rollen", "vet"), None, *total])


def _ontwikkelpunten(wb: Workbook, styler: Styler, names: _Names, overview: Overview) -> None:
    columns = [
        (EMPLOYEE, 28),
        (TEAM, 18),
        (ROLE, 20),
        (COMPETENCY, 30),
        (CURRENT, 16),
        (TARGET, 16),
        (f"{GAP} (niveaus)", 12),
        ("Afgesproken actie", 50),
        ("Deadline", 12),
        ("Status", 12),
    ]
    sheet = Sheet(wb, styler, "Ontwikkelpunten", columns, header_height=30)
    for gap in overview.gaps:
        line = [
            gap.employee,
            gap.team,
            names.role(gap.role),
            names.competencies[gap.competency],
            NOT_ASSESSED if gap.level is None else names.levels[gap.level],
            names.levels[gap.target],
            gap.gap,
        ]
        if not gap.actions:
            sheet.append(line)
        # One row per action keeps every column filterable (status, deadline).
        for action in gap.actions:
            sheet.append(
                [
                    *line,
                    sheet.cell(action.description, "tekst"),
                    date_cell(sheet, action.deadline),
                    ACTION_STATUS[action.status],
                ]
            )
    last = sheet.close_table()
    if overview.gaps:
        add_rules(sheet.ws, f"G{sheet.header_row + 1}:G{last}", _gap_rules())


def _progress_line(sheet: Sheet, progress: CycleProgress, team: Any) -> list[Any]:
    return [
        progress.cycle,
        team,
        *(progress.count(state) for state in TalkState),
        progress.total,
        share_cell(sheet, progress.completion_share),
        date_cell(sheet, progress.first_date),
        date_cell(sheet, progress.last_date),
    ]


def _gesprekkencyclus(wb: Workbook, styler: Styler, overview: Overview) -> None:
    columns = [
        ("Cyclus", 24),
        ("Team", 18),
        *((TALK_STATES[state], 12) for state in TalkState),
        ("Totaal", 9),
        ("Voltooid", 10),
        ("Eerste gesprek", 13),
        ("Laatste gesprek", 13),
    ]
    sheet = Sheet(wb, styler, "Gesprekkencyclus", columns, freeze_column=2, header_height=30)
    for progress in overview.talks:
        sheet.append(_progress_line(sheet, progress, progress.team))
    sheet.close_table()
    if overview.cycles:
        sheet.append([])
    for progress in overview.cycles:
        sheet.append(_progress_line(sheet, progress, sheet.cell("Alle teams", "vet")))


def _definitions(
    framework: CompetencyFramework,
    roles: Sequence[Role],
    dimensions: Iterable[Dimension],
    idiom: Iterable[IdiomTerm],
    names: _Names,
) -> Iterator[tuple[str, str, str, int | None, str | None, str, str, str]]:
    """(kind, key, name, rank, area, description, notes, avoid) per defined thing."""
    for level in sorted(framework.levels, key=lambda level: level.rank):
        yield "Niveau", level.key, level.name, level.rank, None, level.description, "", ""
    for area in framework.areas:
        yield "Gebied", area.key, area.name, None, None, area.description, "", ""
    for comp in framework.competencies:
        notes = "\n".join(f"{names.levels[d.level]}: {d.description}" for d in comp.levels)
        area = names.areas.get(comp.area, comp.area)
        yield "Competentie", comp.key, comp.name, None, area, comp.description, notes, ""
    for role in roles:
        notes = "\n".join(
            f"{names.competencies.get(t.competency, t.competency)}: {names.level(t.level)}"
            for t in role.targets
        )
        yield "Rol", role.key, role.name, None, None, role.description, notes, ""
    for dim in dimensions:
        yield "Dimensie", dim.key, dim.name, None, None, dim.description, dim.question, ""
    for term in idiom:
        notes = "\n".join(f"{r.student} → {r.staff}" for r in term.rephrase)
        avoid = ", ".join(term.avoid)
        yield "Term", term.key, term.term, None, None, term.definition, notes, avoid


def _definities(
    wb: Workbook,
    styler: Styler,
    names: _Names,
    framework: CompetencyFramework,
    roles: Sequence[Role],
    dimensions: Iterable[Dimension],
    idiom: Iterable[IdiomTerm],
) -> None:
    columns = [
        ("Soort", 13),
        ("Sleutel", 20),
        ("Naam", 30),
        ("Rang", 7),
        ("Gebied", 24),
        ("Omschrijving", 60),
        ("Toelichting (niveaus, doelen, richtvraag, herformulering)", 60),
        ("Vermijden", 30),
    ]
    sheet = Sheet(wb, styler, DEFINITIONS_SHEET, columns, freeze_column=3)
    # The level rows come first, by rank: name them for the drop-downs and colour rules.
    first, last = 2, 1 + len(framework.levels)
    _define_name(wb, LEVEL_NAMES, f"{DEFINITIONS_SHEET}!$C${first}:$C${last}")
    _define_name(wb, LEVEL_RANKS, f"{DEFINITIONS_SHEET}!$D${first}:$D${last}")
    for kind, key, name, rank, area, description, notes, avoid in _definitions(
        framework, roles, dimensions, idiom, names
    ):
        sheet.append(
            [
                kind,
                key,
                name,
                rank,
                area,
                sheet.cell(description or None, "tekst"),
                sheet.cell(notes or None, "tekst"),
                avoid or None,
            ]
        )
    sheet.close_table()


# -- entry point --------------------------------------------------------------------------


def write_workbook(
    target: str | os.PathLike | BinaryIO,
    framework: CompetencyFramework,
    roles: Sequence[Role],
    data: OverviewData,
    *,
    dimensions: Iterable[Dimension] = (),
    idiom: Iterable[IdiomTerm] = (),
    overview: Overview | None = None,
    progress: Progress | None = None,
    team_hours: Mapping[str, TeamHours] | None = None,
    policy: PolicyInput | None = None,
) -> None:
    """Write the overview workbook to a path or a binary file object.

    ``overview`` may be passed when the caller has already built it from the same data.
    ``team_hours`` (team name -> professionalisation hours and norm) adds three columns to
    the Teams sheet; the total row adds up every team given.
    ``policy`` (plain :class:`lob_hrm.policy.PolicyRow` rows, or a
    :class:`lob_hrm.policy.PolicySheet` with the policy's name and reference date) adds the
    policy sheet (Beleid) before Definities, in the same run.
    ``progress(done, total)`` is called every :data:`PROGRESS_EVERY` employees while the
    heatmap is written, and once with ``(total, total)`` when the file is complete.
    """
    if overview is None:
        overview = build_overview(framework, roles, data)
    names = _Names(framework, roles)
    wb = Workbook(write_only=True)
    styler = Styler(wb)
    numbers = _Numbers(len(overview.matrix))
    _overzicht(wb, styler, names, data, overview, progress)
    _teams(wb, styler, names, overview, team_hours, numbers)
    _rollen(wb, styler, names, overview, numbers)
    _rollenmatrix(wb, styler, names, roles, overview)
    _cijfers(wb, styler, names, overview)
    _ontwikkelpunten(wb, styler, names, overview)
    _gesprekkencyclus(wb, styler, overview)
    if policy is not None:
        policy_sheet(wb, styler, policy)
    _definities(wb, styler, names, framework, roles, dimensions, idiom)
    wb.save(target)
    if progress is not None:
        total = len(overview.matrix)
        progress(total, total)
