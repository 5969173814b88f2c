"""The policy sheet: goals, indicators per team, status in the heat colours and the trend."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from lob_hrm.policy import INDICATORS, Status
from lob_hrm.xlsx import HEAT, HEAT_AT, HEAT_FAR
from lob_hrm.xlsx_policy import INDICATOR_LABELS, PolicyRow, write_policy_workbook


def _rows():
    return [
        PolicyRow(
            pillar="Visie & beleid",
            goal="Reflectiegesprekken op alle niveaus",
            indicator="talks_staff",
            value=33.33,
            target=80,
            status=Status.OFF_TRACK,
            trend={2024: 20.0, 2025: 28.5},
        ),
        PolicyRow(
            pillar="Visie & beleid",
            goal="Reflectiegesprekken op alle niveaus",
            indicator="talks_staff",
            team="Team A",
            value=85,
            target=80,
            status=Status.ON_TRACK,
            trend={2025: 50.0},
        ),
        PolicyRow(
            pillar="Professionalisering",
            goal="Norm gehaald",
            indicator="prof_at_norm",
            team="Team C",
            target=60,
        ),
    ]


def test_policy_sheet_reads_back():
    buffer = io.BytesIO()
    write_policy_workbook(buffer, _rows())
    ws = load_workbook(io.BytesIO(buffer.getvalue()))["Beleid"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == (
        "Pijler",
        "Doel",
        "Indicator",
        "Team",
        "Waarde",
        "Streefwaarde",
        "Status",
        "Trend 2024-2025",
        "Trend 2025-2026",
    )
    assert rows[1] == (
        "Visie & beleid",
        "Reflectiegesprekken op alle niveaus",
        "Medewerkers met een getekend gesprek",
        "College",
        33.33,
        80,
        "uit koers",
        20.0,
        28.5,
    )
    # no value and no trend: "geen gegevens", empty cells, never a zero
    assert rows[3][4] is None and rows[3][6] == "geen gegevens" and rows[3][7:] == (None, None)
    assert ws["G2"].fill.fgColor.rgb.endswith(HEAT[HEAT_FAR][1])
    assert ws["G3"].fill.fgColor.rgb.endswith(HEAT[HEAT_AT][1])
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == "A1:I4"


def test_every_indicator_has_a_dutch_label():
    assert set(INDICATOR_LABELS) == set(INDICATORS)
