"""The Excel workbook of the competency overview, written in openpyxl write-only mode.

One writer, :func:`write_workbook`, used by the Odoo wizard and the command line.  Sheets
(Dutch, for Dutch users): Overzicht (heatmap), Teams (with a chart), Rollen,
Ontwikkelpunten, Gesprekkencyclus and Definities.

Write-only mode streams rows to disk, so memory stays flat whatever the number of
employees.  Its rules shape this module: column widths, frozen panes and row heights are
set before the first row; the auto-filter, once the row count is known; styles come from a
few named styles registered up front, whose style arrays are shared by every cell that
uses them (a cell is written once and dropped, so sharing is safe and saves a lookup and a
copy per cell).  Works with openpyxl 3.0.9 (Odoo 18's pin) and 3.1.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter

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

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 1000  # employees between two progress calls

DATE_FORMAT = "DD-MM-YYYY"
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

# Heatmap classes: (style suffix, legend text, fill colour, font colour).
HEAT_AT, HEAT_NEAR, HEAT_FAR, HEAT_NONE = "at", "near", "far", "none"
HEAT = {
    HEAT_AT: ("op of boven doelniveau", "C6EFCE", "006100"),
    HEAT_NEAR: ("1 niveau onder doel", "FFCC99", "7F3F00"),
    HEAT_FAR: ("2 of meer niveaus onder doel", "FFC7CE", "9C0006"),
    HEAT_NONE: ("niet beoordeeld of geen doel", "E7E6E6", "595959"),
}


def heat(cell: Cell) -> str:
    """The heatmap class of a matrix cell."""
    if cell.level is None or cell.at_target is None:
        return HEAT_NONE
    if cell.at_target:
        return HEAT_AT
    return HEAT_NEAR if cell.gap == 1 else HEAT_FAR


# -- styles -------------------------------------------------------------------------------

STYLE_PREFIX = "LOB "
_THIN = Side(style="thin", color="A6A6A6")


def _named_styles() -> list[NamedStyle]:
    top = Alignment(vertical="top", wrap_text=True)
    styles = [
        NamedStyle(
            name=STYLE_PREFIX + "kop",
            font=Font(bold=True),
            fill=PatternFill("solid", fgColor="D9E1F2"),
            border=Border(bottom=_THIN),
            alignment=Alignment(vertical="top", wrap_text=True),
        ),
        NamedStyle(name=STYLE_PREFIX + "titel", font=Font(bold=True, size=13)),
        NamedStyle(name=STYLE_PREFIX + "vet", font=Font(bold=True)),
        NamedStyle(name=STYLE_PREFIX + "tekst", alignment=top),
        NamedStyle(name=STYLE_PREFIX + "datum", number_format=DATE_FORMAT),
        NamedStyle(name=STYLE_PREFIX + "procent", number_format="0%"),
        NamedStyle(name=STYLE_PREFIX + "decimaal", number_format="0.0"),
    ]
    for suffix, (_, fill, font) in HEAT.items():
        styles.append(
            NamedStyle(
                name=f"{STYLE_PREFIX}heat {suffix}",
                fill=PatternFill("solid", fgColor=fill),
                font=Font(color=font),
                border=Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN),
                alignment=Alignment(horizontal="center", wrap_text=True),
            )
        )
    return styles


class _Styler:
    """Makes styled write-only cells from the registered named styles."""

    def __init__(self, workbook: Workbook) -> None:
        probe = workbook.create_sheet("probe")
        self._arrays: dict[str, Any] = {}
        for style in _named_styles():
            workbook.add_named_style(style)
            cell = WriteOnlyCell(probe)
            cell.style = style.name  # the public way, once per style
            # openpyxl recycles only unstyled cells for the next value (see _Sheet.shared).
            assert cell.has_style, style.name
            self._arrays[style.name[len(STYLE_PREFIX) :]] = cell._style
        workbook.remove(probe)

    def __call__(self, sheet: Any, value: Any, style: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value)
        cell._style = self._arrays[style]  # shared: see the module docstring
        return cell

    def row(self, sheet: Any, values: Iterable[Any], style: str) -> list[WriteOnlyCell]:
        return [self(sheet, value, style) for value in values]


# -- sheet plumbing -----------------------------------------------------------------------


class _Sheet:
    """A write-only sheet with a header row, counting its rows (``max_row`` would scan)."""

    def __init__(
        self,
        workbook: Workbook,
        styler: _Styler,
        title: str,
        columns: Sequence[tuple[str, float]],
        *,
        freeze_column: int = 1,
        above: Callable[[_Sheet], Sequence[Sequence[Any]]] | None = None,
        above_height: float | None = None,
        header_height: float | None = None,
    ) -> None:
        self.ws = workbook.create_sheet(title)
        self.styler = styler
        self.width = len(columns)
        self.rows = 0
        self._shared: dict[tuple[Any, str], WriteOnlyCell] = {}
        lines = above(self) if above else ()  # makes cells only; appended below
        self.header_row = len(lines) + 1
        # Write-only sheets drop widths, panes and heights set after the first append.
        for index, (_, width) in enumerate(columns, 1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        self.ws.freeze_panes = f"{get_column_letter(freeze_column + 1)}{self.header_row + 1}"
        for row in range(1, self.header_row):
            if above_height:
                self.ws.row_dimensions[row].height = above_height
        if header_height:
            self.ws.row_dimensions[self.header_row].height = header_height
        # Printed: landscape, all columns on one page width, the header on every page.
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.print_title_rows = f"{self.header_row}:{self.header_row}"
        for line in lines:
            self.append(line)
        self.append(styler.row(self.ws, (header for header, _ in columns), "kop"))

    def append(self, values: Sequence[Any]) -> None:
        self.ws.append(values)
        self.rows += 1

    def cell(self, value: Any, style: str) -> WriteOnlyCell:
        return self.styler(self.ws, value, style)

    def shared(self, value: Any, style: str) -> WriteOnlyCell:
        """One cell object for every occurrence of a (value, style) pair.

        Safe because openpyxl's write-only ``append`` writes each cell of a row (setting its
        row and column) before it looks at the next, and never reuses a styled cell for
        another value; it saves building ~250,000 cells for the heatmap.  Only for small
        value sets (levels, dates): the cells stay cached until the sheet is done.
        """
        key = (value, style)
        cell = self._shared.get(key)
        if cell is None:
            cell = self._shared[key] = self.cell(value, style)
        return cell

    def close_table(self) -> int:
        """Put the auto-filter over the header and the rows so far; return the last row."""
        last = max(self.rows, self.header_row)
        self.ws.auto_filter.ref = f"A{self.header_row}:{get_column_letter(self.width)}{last}"
        return last


def _date(sheet: _Sheet, value: dt.date | None) -> WriteOnlyCell | None:
    return None if value is None else sheet.shared(value, "datum")


def _share(sheet: _Sheet, value: float | None) -> WriteOnlyCell | None:
    return None if value is None else sheet.cell(value, "procent")


def _decimal(sheet: _Sheet, value: float | None) -> WriteOnlyCell | None:
    return None if value is None else sheet.cell(value, "decimaal")


class _Names:
    """Display names for the keys used in the overview."""

    def __init__(self, framework: CompetencyFramework, roles: Sequence[Role]) -> None:
        self.levels = {level.key: level.name for level in framework.levels}
        self.competencies = {c.key: c.name for c in framework.competencies}
        self.areas = {area.key: area.name for area in framework.areas}
        self.roles = {role.key: role.name for role in roles}
        self.groups = {role.key: ROLE_GROUPS[role.group] for role in roles}

    def level(self, key: str | None) -> str | None:
        return None if key is None else self.levels[key]

    def role(self, key: str) -> str:
        return self.roles.get(key, key)


# -- the sheets ---------------------------------------------------------------------------


def _overzicht(
    wb: Workbook,
    styler: _Styler,
    names: _Names,
    data: OverviewData,
    overview: Overview,
    progress: Progress | None,
) -> None:
    columns = [("Medewerker", 28), ("Team", 18), ("Rol", 20)]
    columns += [(names.competencies[key], 15) for key in overview.competencies]

    def above(sheet: _Sheet) -> list[list[Any]]:
        title: list[Any] = [sheet.cell(data.title, "titel"), None, None]
        if data.reference_date is not None:
            title[1:3] = ["Peildatum", sheet.cell(data.reference_date, "datum")]
        # The legend sits above the heatmap columns: visible whatever is filtered or scrolled.
        legend = [sheet.cell(text, f"heat {key}") for key, (text, _, _) in HEAT.items()]
        return [[*title, *legend]]

    sheet = _Sheet(
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
    # Matrix cells are few distinct values (build_overview shares them): map each once.
    written: dict[Cell, WriteOnlyCell] = {}

    def heat_cell(cell: Cell) -> WriteOnlyCell:
        value = None if cell.level is None else level_names[cell.level]
        made = written[cell] = sheet.shared(value, f"heat {heat(cell)}")
        return made

    total = len(overview.matrix)
    for done, row in enumerate(overview.matrix, 1):
        line: list[Any] = [row.employee, row.team, names.role(row.role)]
        line += [written.get(cell) or heat_cell(cell) for cell in row.cells]
        sheet.append(line)
        if progress is not None and done % PROGRESS_EVERY == 0 and done < total:
            progress(done, total)
    sheet.close_table()
    if not total:
        # An empty selection is an answer, not an error: say so where users look first.
        sheet.append([sheet.cell(EMPTY_SELECTION, "vet")])


def _summary_line(sheet: _Sheet, summary: GroupSummary) -> list[Any]:
    line: list[Any] = [
        summary.employees,
        _share(sheet, summary.assessed_share),
        _share(sheet, summary.at_target_share),
        _decimal(sheet, summary.average_rank),
        summary.open_gaps,
    ]
    for stats in summary.competencies:
        line += [_share(sheet, stats.at_target_share), _decimal(sheet, stats.average_rank)]
    return line


def _summary_columns(names: _Names, overview: Overview) -> list[tuple[str, float]]:
    columns = [
        ("Medewerkers", 13),
        ("Beoordeeld", 12),
        ("Op doelniveau", 12),
        ("Gem. niveau", 11),
        ("Open ontwikkelpunten", 13),
    ]
    for key in overview.competencies:
        name = names.competencies[key]
        columns += [(f"{name}: op doel", 14), (f"{name}: gem. niveau", 14)]
    return columns


def _hours_line(sheet: _Sheet, hours: TeamHours | None) -> list[Any]:
    if hours is None:
        return [None, None, None]
    return [sheet.cell(hours.hours, "decimaal"), hours.norm, _share(sheet, hours.share)]


def _with_hours(line: list[Any], extra: list[Any] | None) -> list[Any]:
    """The hours go after the five team-wide figures, before the per-competency columns."""
    return line if extra is None else [*line[:6], *extra, *line[6:]]


def _teams(
    wb: Workbook,
    styler: _Styler,
    names: _Names,
    overview: Overview,
    team_hours: Mapping[str, TeamHours] | None,
) -> None:
    columns = [("Team", 24), *_summary_columns(names, overview)]
    if team_hours is not None:
        columns = [*columns[:6], *HOURS_COLUMNS, *columns[6:]]
    sheet = _Sheet(wb, styler, "Teams", columns, header_height=60)

    def hours(team: str | None) -> list[Any] | None:
        if team_hours is None:
            return None
        if team is None:
            return _hours_line(sheet, total_hours(team_hours.values()))
        return _hours_line(sheet, team_hours.get(team))

    for summary in overview.teams:
        line = [summary.name, *_summary_line(sheet, summary)]
        sheet.append(_with_hours(line, hours(summary.name)))
    last = sheet.close_table()
    sheet.append([])
    total = [sheet.cell("Alle teams", "vet"), *_summary_line(sheet, overview.total)]
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


def _rollen(wb: Workbook, styler: _Styler, names: _Names, overview: Overview) -> None:
    columns = [("Rol", 24), ("Groep", 22), *_summary_columns(names, overview)]
    sheet = _Sheet(wb, styler, "Rollen", columns, header_height=60)
    for summary in overview.roles:
        line = [names.role(summary.name), names.groups.get(summary.name)]
        sheet.append([*line, *_summary_line(sheet, summary)])
    sheet.close_table()
    sheet.append([])
    sheet.append([sheet.cell("Alle rollen", "vet"), None, *_summary_line(sheet, overview.total)])


def _ontwikkelpunten(wb: Workbook, styler: _Styler, names: _Names, overview: Overview) -> None:
    columns = [
        ("Medewerker", 28),
        ("Team", 18),
        ("Rol", 20),
        ("Competentie", 30),
        ("Huidig niveau", 16),
        ("Doelniveau", 16),
        ("Achterstand (niveaus)", 12),
        ("Afgesproken actie", 50),
        ("Deadline", 12),
        ("Status", 12),
    ]
    sheet = _Sheet(wb, styler, "Ontwikkelpunten", columns, header_height=30)
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
                    _date(sheet, action.deadline),
                    ACTION_STATUS[action.status],
                ]
            )
    sheet.close_table()


def _progress_line(sheet: _Sheet, progress: CycleProgress, team: Any) -> list[Any]:
    return [
        progress.cycle,
        team,
        *(progress.count(state) for state in TalkState),
        progress.total,
        _share(sheet, progress.completion_share),
        _date(sheet, progress.first_date),
        _date(sheet, progress.last_date),
    ]


def _gesprekkencyclus(wb: Workbook, styler: _Styler, overview: Overview) -> None:
    columns = [
        ("Cyclus", 24),
        ("Team", 18),
        *((TALK_STATES[state], 12) for state in TalkState),
        ("Totaal", 9),
        ("Voltooid", 10),
        ("Eerste gesprek", 13),
        ("Laatste gesprek", 13),
    ]
    sheet = _Sheet(wb, styler, "Gesprekkencyclus", columns, freeze_column=2, header_height=30)
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
    styler: _Styler,
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
    sheet = _Sheet(wb, styler, "Definities", columns, freeze_column=3)
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
) -> None:
    """Write the overview workbook to a path or a binary file object.

    ``overview`` may be passed when the caller has already built it from the same data.
    ``team_hours`` (team name -> professionalisation hours and norm) adds three columns to
    the Teams sheet; the total row adds up every team given.
    ``progress(done, total)`` is called every :data:`PROGRESS_EVERY` employees while the
    heatmap is written, and once with ``(total, total)`` when the file is complete.
    """
    if overview is None:
        overview = build_overview(framework, roles, data)
    names = _Names(framework, roles)
    wb = Workbook(write_only=True)
    styler = _Styler(wb)
    _overzicht(wb, styler, names, data, overview, progress)
    _teams(wb, styler, names, overview, team_hours)
    _rollen(wb, styler, names, overview)
    _ontwikkelpunten(wb, styler, names, overview)
    _gesprekkencyclus(wb, styler, overview)
    _definities(wb, styler, names, framework, roles, dimensions, idiom)
    wb.save(target)
    if progress is not None:
        total = len(overview.matrix)
        progress(total, total)
