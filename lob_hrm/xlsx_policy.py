"""The policy sheet of the competency workbook: goals, their indicators per team, status
and trend, written from plain rows (the Odoo monitor builds them; so can anyone else).

It looks like the workbook's other sheets: the same header, the same heat colours (from
:mod:`lob_hrm.xlsx`), frozen header, auto-filter, printed landscape one page wide.  Dutch
labels, as the rest of the workbook.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from pydantic import BaseModel, ConfigDict, Field

from .policy import Status, school_year_label
from .xlsx import HEAT, HEAT_AT, HEAT_FAR, HEAT_NEAR, HEAT_NONE

SHEET_TITLE = "Beleid"
NUMBER = "0.0"
COLLEGE = "College"
STATUS_LABELS = {
    Status.ON_TRACK: ("op koers", HEAT_AT),
    Status.AT_RISK: ("risico", HEAT_NEAR),
    Status.OFF_TRACK: ("uit koers", HEAT_FAR),
    Status.NO_DATA: ("geen gegevens", HEAT_NONE),
}
INDICATOR_LABELS = {
    "talks_staff": "Medewerkers met een getekend gesprek",
    "talks_coach": "Coaches met een getekend gesprek",
    "talks_leader": "Teamleiders met een getekend gesprek",
    "talks_director": "Directeuren met een getekend gesprek",
    "competency_at_target": "LOB-competenties op doelniveau",
    "competency_unassessed": "Rolhouders een jaar niet beoordeeld",
    "prof_at_norm": "Medewerkers op de professionaliseringsnorm",
    "prof_median_hours": "Mediaan professionaliseringsuren",
    "template_alignment": "Afstemmingsscore gespreksformat",
    "template_drift": "Gespreksformats met open afwijking",
    "role_hours_consistent": "Rol-uren in lijn met het college",
    "plan_adopted": "Teamwerkplannen vastgesteld",
    "plan_discussed": "Teamwerkplannen besproken in het team",
    "agreement_overdue": "Afspraken over de termijn",
}
_THIN = Side(style="thin", color="A6A6A6")
_HEADER = {
    "font": Font(bold=True),
    "fill": PatternFill("solid", fgColor="D9E1F2"),
    "border": Border(bottom=_THIN),
    "alignment": Alignment(vertical="top", wrap_text=True),
}


class PolicyRow(BaseModel):
    """One line of the sheet: a goal's indicator for a team (``team`` empty: the college),
    with the values of earlier school years for the trend."""

    model_config = ConfigDict(extra="forbid")

    pillar: str
    goal: str
    indicator: str
    team: str | None = None
    value: float | None = None
    target: float
    status: Status = Status.NO_DATA
    trend: dict[int, float | None] = Field(default_factory=dict)


def _cell(ws, value, **style) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value)
    for name, item in style.items():
        setattr(cell, name, item)
    return cell


def add_policy_sheet(workbook: Workbook, rows: Iterable[PolicyRow], title: str = SHEET_TITLE):
    """Add the policy sheet to a write-only ``workbook``; returns the sheet."""
    rows = list(rows)
    years = sorted({year for row in rows for year in row.trend})
    columns: Sequence[tuple[str, float]] = [
        ("Pijler", 22),
        ("Doel", 36),
        ("Indicator", 34),
        ("Team", 22),
        ("Waarde", 10),
        ("Streefwaarde", 12),
        ("Status", 14),
        *((f"Trend {school_year_label(year)}", 12) for year in years),
    ]
    ws = workbook.create_sheet(title)
    for index, (_, width) in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "C2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.append([_cell(ws, header, **_HEADER) for header, _ in columns])
    heat_styles = {
        key: {
            "fill": PatternFill("solid", fgColor=fill),
            "font": Font(color=font),
            "border": Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN),
            "alignment": Alignment(horizontal="center"),
        }
        for key, (_, fill, font) in HEAT.items()
    }
    for row in rows:
        label, heat = STATUS_LABELS[row.status]
        ws.append(
            [
                row.pillar,
                row.goal,
                INDICATOR_LABELS.get(row.indicator, row.indicator),
                row.team or COLLEGE,
                _cell(ws, row.value, number_format=NUMBER),
                _cell(ws, row.target, number_format=NUMBER),
                _cell(ws, label, **heat_styles[heat]),
                *(_cell(ws, row.trend.get(year), number_format=NUMBER) for year in years),
            ]
        )
    last = len(rows) + 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{last}"
    return ws


def write_policy_workbook(target: str | os.PathLike | BinaryIO, rows: Iterable[PolicyRow]):
    """A workbook with the policy sheet alone."""
    workbook = Workbook(write_only=True)
    add_policy_sheet(workbook, rows)
    workbook.save(target)
