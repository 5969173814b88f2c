"""The look every sheet of the workbook shares: named styles, the heat palette, and a
write-only sheet with its header, frozen panes, filter and print setup.

The competency sheets (:mod:`lob_hrm.xlsx`) and the policy sheet (:mod:`lob_hrm.xlsx_policy`)
are written with these, so that they look alike and a change of style is made once.

Write-only mode shapes this module: column widths, frozen panes and row heights are set before
the first row; the auto-filter, once the row count is known; styles come from a few named
styles registered up front, whose style arrays are shared by every cell that uses them (a cell
is written once and dropped, so sharing is safe and saves a lookup and a copy per cell).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

DATE_FORMAT = "DD-MM-YYYY"

# Heatmap classes: (style suffix, legend text, fill colour, font colour).
HEAT_AT, HEAT_NEAR, HEAT_FAR, HEAT_NONE = "at", "near", "far", "none"
HEAT = {
    HEAT_AT: ("op of boven doelniveau", "C6EFCE", "006100"),
    HEAT_NEAR: ("1 niveau onder doel", "FFCC99", "7F3F00"),
    HEAT_FAR: ("2 of meer niveaus onder doel", "FFC7CE", "9C0006"),
    HEAT_NONE: ("niet beoordeeld of geen doel", "E7E6E6", "595959"),
}


def differential(key: str) -> dict[str, Any]:
    """The fill and font of heat class ``key``, for a conditional formatting rule."""
    _, fill, font = HEAT[key]
    return {
        "fill": PatternFill(fill_type="solid", fgColor=fill, bgColor=fill),
        "font": Font(color=font),
    }


def add_rules(ws: Any, ref: str, rules: Iterable[Any]) -> None:
    """Put conditional formatting ``rules`` on the range ``ref`` of ``ws``."""
    for rule in rules:
        ws.conditional_formatting.add(ref, rule)


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
        NamedStyle(
            name=STYLE_PREFIX + "gebied",
            font=Font(bold=True),
            fill=PatternFill("solid", fgColor="B4C6E7"),
            border=Border(left=_THIN, right=_THIN),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        ),
        # Level cells: no fill of their own, the colour rules give it.
        NamedStyle(
            name=STYLE_PREFIX + "niveau",
            border=Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN),
            alignment=Alignment(horizontal="center", wrap_text=True),
        ),
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


class Styler:
    """Makes styled write-only cells from the registered named styles."""

    def __init__(self, workbook: Workbook) -> None:
        probe = workbook.create_sheet("probe")
        self._arrays: dict[str, Any] = {}
        for style in _named_styles():
            workbook.add_named_style(style)
            cell = WriteOnlyCell(probe)
            cell.style = style.name  # the public way, once per style
            # openpyxl recycles only unstyled cells for the next value (see Sheet.shared).
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


class Sheet:
    """A write-only sheet with a header row, counting its rows (``max_row`` would scan)."""

    def __init__(
        self,
        workbook: Workbook,
        styler: Styler,
        title: str,
        columns: Sequence[tuple[str, float]],
        *,
        freeze_column: int = 1,
        above: Callable[[Sheet], Sequence[Sequence[Any]]] | None = None,
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
        # Printed: A4 landscape, all columns on one page width, the rows above the table and
        # its header (and the frozen name columns) on every page.
        self.ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.print_title_rows = f"1:{self.header_row}"
        self.ws.print_title_cols = f"A:{get_column_letter(freeze_column)}"
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

    def band(
        self, row: int, first_column: int, *groups: Sequence[str], style: str = "gebied"
    ) -> list[Any]:
        """Cells putting the names of ``groups`` above the columns from ``first_column``
        (1-based) on, each run of equal names within a group merged into one cell: line
        ``row`` of ``above``."""
        line: list[Any] = [None] * (first_column - 1)
        column = first_column
        for names in groups:
            start = 0
            for index, name in enumerate(names):
                if index and name == names[start]:
                    line.append(None)
                    continue
                self._merge(row, column + start, column + index - 1)
                start = index
                line.append(self.cell(name, style))
            if names:
                self._merge(row, column + start, column + len(names) - 1)
            column += len(names)
        return line

    def _merge(self, row: int, first: int, last: int) -> None:
        if last > first:
            self.ws.merged_cells.add(
                f"{get_column_letter(first)}{row}:{get_column_letter(last)}{row}"
            )

    def close_table(self) -> int:
        """Put the auto-filter over the header and the rows so far; return the last row."""
        last = max(self.rows, self.header_row)
        self.ws.auto_filter.ref = f"A{self.header_row}:{get_column_letter(self.width)}{last}"
        return last


def date_cell(sheet: Sheet, value: dt.date | None) -> WriteOnlyCell | None:
    return None if value is None else sheet.shared(value, "datum")


def share_cell(sheet: Sheet, value: float | None) -> WriteOnlyCell | None:
    return None if value is None else sheet.cell(value, "procent")


def decimal_cell(sheet: Sheet, value: float | None) -> WriteOnlyCell | None:
    return None if value is None else sheet.cell(value, "decimaal")
