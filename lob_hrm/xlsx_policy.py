"""The policy sheet (Beleid) of the competency workbook: each goal's indicator for the
college and per team, its target, the goal's status, the change since the last review and
the trend over school years, written from plain rows (:class:`lob_hrm.policy.PolicyRow`;
the Odoo monitor builds them, and so can anyone else).

:func:`lob_hrm.xlsx.write_workbook` adds it to the competency workbook in the same run;
:func:`write_policy_workbook` writes it alone.  It is made with the same named styles and
sheet plumbing as the other sheets (:mod:`lob_hrm.xlsx_style`): header, frozen panes,
auto-filter, A4 landscape at the page width.  The status colours are conditional
formatting rules on the status text in the heatmap's palette (on track green, at risk
orange, off track red, no data grey), so that a sorted, filtered or edited sheet keeps
them right.  Labels come from :mod:`lob_hrm.labels`, in the workbook's Dutch.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.utils import get_column_letter

from . import labels
from .policy import (
    INDICATORS,
    Direction,
    PolicyRow,
    PolicySheet,
    Status,
    school_year_label,
)
from .xlsx_style import (
    HEAT_AT,
    HEAT_FAR,
    HEAT_NEAR,
    HEAT_NONE,
    Sheet,
    Styler,
    add_rules,
    decimal_cell,
    differential,
)

# The rows alone, or with the policy's name, school year and reference date.
PolicyInput = PolicySheet | Sequence[PolicyRow]

_nl = labels.dutch
SHEET_TITLE = _nl(labels.POLICY)
COLLEGE = _nl(labels.COLLEGE)
STATUS_LABELS = {status: _nl(labels.POLICY_STATUS[status.value]) for status in Status}
STATUS_HEAT = {
    Status.ON_TRACK: HEAT_AT,
    Status.AT_RISK: HEAT_NEAR,
    Status.OFF_TRACK: HEAT_FAR,
    Status.NO_DATA: HEAT_NONE,
}
DIRECTION_LABELS = {item: _nl(labels.DIRECTIONS[item.value]) for item in Direction}
# "the same" keeps the plain look: only a change draws the eye
DIRECTION_HEAT = {Direction.BETTER: HEAT_AT, Direction.WORSE: HEAT_FAR}
# columns before the trend: pillar, goal, indicator, team, value, target, status, direction
STATUS_COLUMN, DIRECTION_COLUMN, FIRST_TREND_COLUMN = 7, 8, 9


def indicator_label(code: str) -> str:
    """The Dutch name of an indicator (the code itself for one the core does not know)."""
    definition = INDICATORS.get(code)
    return code if definition is None else _nl(definition.name)


def as_sheet(policy: PolicyInput) -> PolicySheet:
    return policy if isinstance(policy, PolicySheet) else PolicySheet(rows=list(policy))


def _text_rules(labels_heat: dict[str, str]) -> list[Any]:
    """Cells colour by their text: one rule per (label, heat class)."""
    return [
        CellIsRule(operator="equal", formula=[f'"{label}"'], **differential(heat))
        for label, heat in labels_heat.items()
    ]


def status_rules() -> list[Any]:
    return _text_rules({STATUS_LABELS[status]: heat for status, heat in STATUS_HEAT.items()})


def direction_rules() -> list[Any]:
    return _text_rules({DIRECTION_LABELS[item]: heat for item, heat in DIRECTION_HEAT.items()})


def policy_sheet(workbook: Workbook, styler: Styler, policy: PolicyInput) -> Sheet:
    """Add the policy sheet to the write-only ``workbook``; returns it."""
    policy = as_sheet(policy)
    rows = policy.rows
    years = sorted({year for row in rows for year in row.trend})
    value = _nl(labels.VALUE)
    if policy.school_year is not None:
        value = f"{value} {school_year_label(policy.school_year)}"
    trend = _nl(labels.TREND)
    columns: list[tuple[str, float]] = [
        (_nl(labels.PILLAR), 22),
        (_nl(labels.GOAL), 36),
        (_nl(labels.INDICATOR), 34),
        (_nl(labels.TEAM), 22),
        (value, 11),
        (_nl(labels.TARGET), 12),
        (_nl(labels.STATUS), 14),
        (_nl(labels.VERSUS_LAST_REVIEW), 14),
        *((f"{trend} {school_year_label(year)}", 12) for year in years),
    ]

    def above(sheet: Sheet) -> list[list[Any]]:
        if not policy.title and policy.reference_date is None:
            return []
        line: list[Any] = [sheet.cell(policy.title or None, "titel")]
        if policy.reference_date is not None:
            line += [_nl(labels.REFERENCE_DATE), sheet.cell(policy.reference_date, "datum")]
        return [line]

    sheet = Sheet(
        workbook, styler, SHEET_TITLE, columns, freeze_column=2, above=above, header_height=30
    )
    for row in rows:
        direction = row.direction()
        sheet.append(
            [
                row.pillar,
                sheet.cell(row.goal, "tekst"),
                indicator_label(row.indicator),
                row.team or COLLEGE,
                decimal_cell(sheet, row.value),
                decimal_cell(sheet, row.target),
                # bordered and centred without a fill of its own: the rules colour it
                sheet.shared(STATUS_LABELS[row.status], "niveau"),
                None if direction is None else sheet.shared(DIRECTION_LABELS[direction], "niveau"),
                *(decimal_cell(sheet, row.trend.get(year)) for year in years),
            ]
        )
    last = sheet.close_table()
    if not rows:
        # an empty selection is an answer, not an error: say so below the header
        sheet.append([sheet.cell(_nl(labels.NO_POLICY_GOALS), "vet")])
        return sheet
    first = sheet.header_row + 1
    status = get_column_letter(STATUS_COLUMN)
    add_rules(sheet.ws, f"{status}{first}:{status}{last}", status_rules())
    change = get_column_letter(DIRECTION_COLUMN)
    add_rules(sheet.ws, f"{change}{first}:{change}{last}", direction_rules())
    return sheet


def write_policy_workbook(target: str | os.PathLike | BinaryIO, policy: PolicyInput) -> None:
    """A workbook with the policy sheet alone (the policy's own download)."""
    workbook = Workbook(write_only=True)
    policy_sheet(workbook, Styler(workbook), policy)
    workbook.save(target)
