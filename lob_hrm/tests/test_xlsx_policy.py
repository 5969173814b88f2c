"""The policy sheet (Beleid) in the competency workbook, written in the same run as the other
sheets and read back with openpyxl: goals, indicators per team and college, target, status
coloured by conditional formatting in the heatmap's palette, and the trend."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from pydantic import ValidationError

from lob_hrm import labels
from lob_hrm.policy import INDICATORS, PolicyRow, PolicySheet, Status
from lob_hrm.tests.test_xlsx import DATA, FRAMEWORK, ROLES, SHEETS
from lob_hrm.xlsx import write_workbook
from lob_hrm.xlsx_policy import write_policy_workbook

GREEN, ORANGE, RED, GREY = "00C6EFCE", "00FFCC99", "00FFC7CE", "00E7E6E6"
HEADER = [
    "Pijler",
    "Doel",
    "Indicator",
    "Team",
    "Waarde 2026-2027",
    "Streefwaarde",
    "Status",
    "T.o.v. vorige meting",
    "Trend 2024-2025",
    "Trend 2025-2026",
]


def rows():
    talks = {"pillar": "Visie & beleid", "goal": "Reflectiegesprekken", "target": 80}
    return [
        PolicyRow(
            **talks,
            indicator="talks_staff",
            value=33.33,
            status=Status.OFF_TRACK,
            trend={2024: 20.0, 2025: 28.5},
        ),
        PolicyRow(
            **talks,
            indicator="talks_staff",
            team="Zorg",
            value=65,
            status=Status.AT_RISK,
            trend={2025: 70.0},
        ),
        PolicyRow(
            **talks,
            indicator="talks_staff",
            team="Techniek",
            value=85,
            status=Status.ON_TRACK,
            trend={2025: 85.0},
        ),
        # lower is better: fewer overdue agreements than last year is an improvement
        PolicyRow(
            pillar="Kwaliteitszorg",
            goal="Afspraken nakomen",
            indicator="agreement_overdue",
            team="Zorg",
            value=10,
            target=15,
            status=Status.ON_TRACK,
            trend={2024: 30.0, 2025: 25.0},
        ),
        PolicyRow(
            pillar="Professionalisering",
            goal="Norm gehaald",
            indicator="prof_at_norm",
            team="Techniek",
            target=60,
        ),
    ]


POLICY = PolicySheet(
    title="LOB-beleid 2026-2027",
    school_year=2026,
    reference_date=dt.date(2027, 3, 1),
    rows=rows(),
)


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    target = tmp_path_factory.mktemp("policy") / "met-beleid.xlsx"
    write_workbook(target, FRAMEWORK, ROLES, DATA, policy=POLICY)
    return target


@pytest.fixture(scope="module")
def wb(path):
    return openpyxl.load_workbook(path)


def lines(ws, first=1):
    return [list(row) for row in ws.iter_rows(min_row=first, values_only=True)]


def test_the_policy_sheet_comes_before_the_definitions(wb):
    assert wb.sheetnames == [*SHEETS[:-1], "Beleid", "Definities"]
    # the other sheets are as without a policy
    buffer = io.BytesIO()
    write_workbook(buffer, FRAMEWORK, ROLES, DATA)
    without = openpyxl.load_workbook(buffer)
    assert without.sheetnames == SHEETS
    for title in SHEETS:
        assert lines(wb[title]) == lines(without[title]), title


def test_title_header_and_rows(wb):
    ws = wb["Beleid"]
    assert lines(ws)[0][:3] == ["LOB-beleid 2026-2027", "Peildatum", dt.datetime(2027, 3, 1)]
    assert ws["C1"].number_format == "DD-MM-YYYY"
    assert lines(ws)[1] == HEADER
    assert lines(ws, 3) == [
        [
            "Visie & beleid",
            "Reflectiegesprekken",
            "Medewerkers met een getekend gesprek",
            "College",
            33.33,
            80,
            "Uit koers",
            "Beter",  # 33.33 against 28.5
            20.0,
            28.5,
        ],
        [
            "Visie & beleid",
            "Reflectiegesprekken",
            "Medewerkers met een getekend gesprek",
            "Zorg",
            65,
            80,
            "Risico",
            "Slechter",  # 65 against 70
            None,  # no snapshot of 2024: empty, never a zero
            70.0,
        ],
        [
            "Visie & beleid",
            "Reflectiegesprekken",
            "Medewerkers met een getekend gesprek",
            "Techniek",
            85,
            80,
            "Op koers",
            "Gelijk",
            None,
            85.0,
        ],
        [
            "Kwaliteitszorg",
            "Afspraken nakomen",
            "Afspraken over de termijn",
            "Zorg",
            10,
            15,
            "Op koers",
            "Beter",  # 10 % overdue against 25 %: lower is better
            30.0,
            25.0,
        ],
        [
            "Professionalisering",
            "Norm gehaald",
            "Medewerkers op de professionaliseringsnorm",
            "Techniek",
            None,
            60,
            "Geen gegevens",
            None,
            None,
            None,
        ],
    ]
    assert {ws.cell(3, column).number_format for column in (5, 6, 9, 10)} == {"0.0"}


def test_status_colours_are_conditional_formatting_on_the_status_range(wb):
    ws = wb["Beleid"]
    rules = {str(item.sqref): item.rules for item in ws.conditional_formatting}
    assert set(rules) == {"G3:G7", "H3:H7"}
    status = {rule.formula[0]: rule.dxf.fill.bgColor.rgb for rule in rules["G3:G7"]}
    assert status == {
        '"Op koers"': GREEN,
        '"Risico"': ORANGE,
        '"Uit koers"': RED,
        '"Geen gegevens"': GREY,
    }
    assert {rule.operator for rule in rules["G3:G7"]} == {"equal"}
    change = {rule.formula[0]: rule.dxf.fill.bgColor.rgb for rule in rules["H3:H7"]}
    assert change == {'"Beter"': GREEN, '"Slechter"': RED}
    # the cells have no fill of their own: sorting or editing the status keeps it right
    assert ws["G3"].fill.fill_type is None
    assert ws["G3"].alignment.horizontal == "center"


def test_same_look_as_the_other_sheets(wb):
    ws, teams = wb["Beleid"], wb["Teams"]
    assert ws["A2"].style == teams["A1"].style == "LOB kop"
    assert ws["A2"].fill.fgColor.rgb == teams["A1"].fill.fgColor.rgb
    assert ws["A1"].style == wb["Overzicht"]["A1"].style == "LOB titel"
    assert (ws.freeze_panes, ws.auto_filter.ref) == ("C3", "A2:J7")
    assert ws.print_title_rows == "$1:$2"
    setup = ws.page_setup
    assert (int(setup.paperSize), setup.orientation, setup.fitToWidth, setup.fitToHeight) == (
        int(ws.PAPERSIZE_A4),
        "landscape",
        1,
        0,
    )
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.column_dimensions["B"].width == 36


def test_plain_rows_alone_write_the_sheet_without_a_title(tmp_path):
    target = tmp_path / "rijen.xlsx"
    write_workbook(target, FRAMEWORK, ROLES, DATA, policy=rows()[:2])
    ws = openpyxl.load_workbook(target)["Beleid"]
    assert lines(ws)[0][:5] == ["Pijler", "Doel", "Indicator", "Team", "Waarde"]
    assert [line[3] for line in lines(ws, 2)] == ["College", "Zorg"]
    assert (ws.freeze_panes, ws.auto_filter.ref) == ("C2", "A1:J3")
    assert {str(item.sqref) for item in ws.conditional_formatting} == {"G2:G3", "H2:H3"}


def test_no_rows_say_so_below_the_header():
    buffer = io.BytesIO()
    write_workbook(buffer, FRAMEWORK, ROLES, DATA, policy=PolicySheet(title="Leeg"))
    ws = openpyxl.load_workbook(buffer)["Beleid"]
    assert ws["A3"].value == "Geen beleidsdoelen met een indicator in deze selectie."
    assert ws["A2"].value == "Pijler"
    assert not list(ws.conditional_formatting)


def test_the_policy_download_is_the_same_sheet_alone():
    buffer = io.BytesIO()
    write_policy_workbook(buffer, POLICY)
    alone = openpyxl.load_workbook(buffer)
    assert alone.sheetnames == ["Beleid"]
    buffer = io.BytesIO()
    write_workbook(buffer, FRAMEWORK, ROLES, DATA, policy=POLICY)
    assert lines(alone["Beleid"]) == lines(openpyxl.load_workbook(buffer)["Beleid"])


def test_rows_are_checked():
    row = {"pillar": "P", "goal": "G", "indicator": "talks_staff", "target": 80}
    with pytest.raises(ValidationError, match="finite"):
        PolicyRow(**row, value=float("nan"))
    with pytest.raises(ValidationError, match="extra"):
        PolicyRow(**row, colour="red")
    with pytest.raises(ValidationError):
        PolicyRow(**row, trend={1899: 1.0})
    # JSON gives the trend's school years as text
    assert PolicyRow.model_validate({**row, "trend": {"2025": 5}}).trend == {2025: 5.0}


def test_every_indicator_and_status_has_a_dutch_label():
    assert all(definition.name in labels.DUTCH for definition in INDICATORS.values())
    assert set(labels.POLICY_STATUS) == {status.value for status in Status}
    assert all(label in labels.DUTCH for label in labels.POLICY_STATUS.values())


def test_the_catalogue_says_it_as_the_odoo_screens_do():
    """Where the Odoo translation has a policy label, the workbook uses the same Dutch."""
    po = (Path(__file__).resolve().parents[2] / "i18n" / "nl.po").read_text(encoding="utf-8")
    screens = dict(re.findall(r'^msgid "(.+)"\nmsgstr "(.+)"$', po, re.MULTILINE))
    shared = [
        labels.POLICY,
        labels.PILLAR,
        labels.GOAL,
        labels.VALUE,
        labels.TARGET,
        labels.REFERENCE_DATE,
        *labels.POLICY_STATUS.values(),
        *(definition.name for definition in INDICATORS.values()),
    ]
    assert {label: labels.dutch(label) for label in shared if label in screens} == {
        label: screens[label] for label in shared if label in screens
    }
    assert len([label for label in shared if label in screens]) >= 20


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_reads_the_policy_sheet(tmp_path):
    target = tmp_path / "beleid.xlsx"
    write_policy_workbook(target, POLICY)
    result = subprocess.run(
        ["soffice", "--headless", "--convert-to", "csv", "--outdir", str(tmp_path), str(target)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "beleid.csv").read_text(encoding="utf-8", errors="replace")
    assert "Uit koers" in text and "Afspraken over de termijn" in text
