"""The overview workbook, written to a file and read back cell by cell with openpyxl.

Same sample college as ``test_overview.py`` (3 employees, 2 teams, 2 roles, 3 competencies,
4 levels); the expected numbers are worked out there.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile

import openpyxl
import pytest

from lob_hrm.overview import Cell, TeamHours, build_overview
from lob_hrm.schemas import (
    ActionRow,
    ActionStatus,
    Competency,
    CompetencyArea,
    CompetencyFramework,
    Dimension,
    IdiomTerm,
    Level,
    LevelDescription,
    OverviewData,
    OverviewRow,
    Rephrase,
    Role,
    RoleGroup,
    RoleTarget,
    TalkKind,
    TalkRow,
    TalkState,
)
from lob_hrm.xlsx import (
    EMPTY_SELECTION,
    HEAT_AT,
    HEAT_FAR,
    HEAT_NEAR,
    HEAT_NONE,
    heat,
    write_workbook,
)
from lob_hrm.xlsx_style import DATE_FORMAT

FRAMEWORK = CompetencyFramework(
    key="lob",
    name="Raamwerk LOB",
    levels=[
        Level(key="start", name="Startbekwaam", rank=1, description="Werkt met een format"),
        Level(key="basis", name="Basisbekwaam", rank=2),
        Level(key="vak", name="Vakbekwaam", rank=3),
        Level(key="excellent", name="Excellent", rank=4),
    ],
    areas=[
        CompetencyArea(key="begeleiden", name="Begeleiden"),
        CompetencyArea(key="organiseren", name="Organiseren"),
    ],
    competencies=[
        Competency(
            key="gesprek",
            name="Gesprekken voeren",
            area="begeleiden",
            description="Voert loopbaangesprekken",
            levels=[LevelDescription(level="start", description="Volgt het gespreksformat")],
        ),
        Competency(key="netwerk", name="Netwerken", area="begeleiden"),
        Competency(key="beleid", name="Beleid maken", area="organiseren"),
    ],
)
ROLES = [
    Role(
        key="slb",
        name="SLB'er",
        group=RoleGroup.PRIMARY,
        description="Begeleidt studenten",
        targets=[
            RoleTarget(competency="gesprek", level="vak"),
            RoleTarget(competency="netwerk", level="basis"),
        ],
    ),
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
DIMENSIONS = [
    Dimension(key="kwaliteiten", name="Kwaliteitenreflectie", question="Waar ben ik goed in?")
]
IDIOM = [
    IdiomTerm(
        key="loopbaan",
        term="Loopbaan",
        definition="Het geheel van werk en leren",
        avoid=["carrière", "route"],
        rephrase=[Rephrase(student="student", staff="medewerker")],
    )
]


def row(employee, team, role, competency, level=None, target=None):
    return OverviewRow(
        employee=employee, team=team, role=role, competency=competency, level=level, target=target
    )


def talk(employee, team, cycle, state, date=None):
    kind = TalkKind.DEVELOPMENT
    return TalkRow(employee=employee, team=team, cycle=cycle, kind=kind, state=state, date=date)


DATA = OverviewData(
    reference_date=dt.date(2025, 3, 1),
    rows=[
        row("Anna", "Zorg", "slb", "gesprek", "vak"),
        row("Anna", "Zorg", "slb", "netwerk", "start"),
        row("Anna", "Zorg", "slb", "beleid", "basis"),
        row("Bram", "Zorg", "decaan", "gesprek", "start"),
        row("Bram", "Zorg", "decaan", "netwerk"),
        row("Cato", "Techniek", "slb", "gesprek", "excellent"),
        row("Cato", "Techniek", "slb", "netwerk", "basis", "vak"),
        row("Cato", "Techniek", "slb", "beleid", "start"),
    ],
    actions=[
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
            employee="Bram",
            competency="gesprek",
            description="Intervisie",
            status=ActionStatus.DONE,
        ),
    ],
    talks=[
        talk("Anna", "Zorg", "2024-2025", TalkState.DONE, dt.date(2024, 11, 1)),
        talk("Bram", "Zorg", "2024-2025", TalkState.PLANNED, dt.date(2025, 2, 1)),
        talk("Bram", "Zorg", "2024-2025", TalkState.CANCELLED, dt.date(2024, 10, 1)),
        talk("Cato", "Techniek", "2024-2025", TalkState.SIGNED, dt.date(2024, 12, 1)),
        talk("Cato", "Techniek", "2024-2025", TalkState.HELD),
    ],
)

GREEN, ORANGE, RED, GREY = "00C6EFCE", "00FFCC99", "00FFC7CE", "00E7E6E6"
SHEETS = [
    "Overzicht",
    "Teams",
    "Rollen",
    "Rollenmatrix",
    "Cijfers",
    "Ontwikkelpunten",
    "Gesprekkencyclus",
    "Definities",
]


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    target = tmp_path_factory.mktemp("xlsx") / "overzicht.xlsx"
    write_workbook(target, FRAMEWORK, ROLES, DATA, dimensions=DIMENSIONS, idiom=IDIOM)
    return target


@pytest.fixture(scope="module")
def wb(path):
    return openpyxl.load_workbook(path)


NO_SOFFICE = "LibreOffice (soffice) is not installed: the formulas cannot be recalculated"


def recalculate(path, outdir) -> openpyxl.Workbook:
    """The workbook after LibreOffice opened, recalculated and saved it: formula values."""
    if not shutil.which("soffice"):
        pytest.skip(NO_SOFFICE)
    result = subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(outdir), str(path)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return openpyxl.load_workbook(outdir / path.name, data_only=True)


@pytest.fixture(scope="module")
def calc(path, tmp_path_factory):
    return recalculate(path, tmp_path_factory.mktemp("recalculated"))


def values(ws, row: int, width: int | None = None) -> list:
    return [cell.value for cell in ws[row]][:width]


def fill(cell) -> str | None:
    return cell.fill.fgColor.rgb if cell.fill.fill_type == "solid" else None


def test_heat_rule():
    assert heat(Cell("c", "vak", "vak", 0, True)) == HEAT_AT
    assert heat(Cell("c", "start", "basis", 1, False)) == HEAT_NEAR
    assert heat(Cell("c", "start", "vak", 2, False)) == HEAT_FAR
    assert heat(Cell("c", None, "vak", 3, False)) == HEAT_NONE  # not assessed
    assert heat(Cell("c", "vak", None, 0, None)) == HEAT_NONE  # no target


def test_sheets_in_order(wb):
    assert wb.sheetnames == SHEETS


def test_every_sheet_has_a_frozen_header_and_a_filter(wb):
    expected = {
        "Overzicht": ("D4", "A3:I6"),
        "Rollenmatrix": ("C3", "A2:E4"),
        "Cijfers": ("D3", "A2:L5"),
        "Teams": ("B2", "A1:L3"),
        "Rollen": ("B2", "A1:M3"),
        "Ontwikkelpunten": ("B2", "A1:J7"),
        "Gesprekkencyclus": ("C2", "A1:L3"),
        "Definities": ("D2", "A1:H14"),
    }
    for title, (panes, ref) in expected.items():
        ws = wb[title]
        assert (ws.freeze_panes, ws.auto_filter.ref) == (panes, ref), title
        assert ws.column_dimensions["A"].width > 10, title


def test_overzicht_heatmap(wb):
    ws = wb["Overzicht"]
    assert values(ws, 1)[:3] == ["LOB-competentieoverzicht", "Peildatum", dt.datetime(2025, 3, 1)]
    assert ws["C1"].number_format == DATE_FORMAT
    assert [fill(c) for c in ws[1][3:7]] == [GREEN, ORANGE, RED, GREY]  # the legend
    assert ws["D1"].value == "op of boven doelniveau"
    # the band of competency areas above the level columns and the target columns
    assert values(ws, 2, 9) == [None, None, None, "Begeleiden", None, "Organiseren"] * 1 + [
        "Begeleiden",
        None,
        "Organiseren",
    ]
    assert {str(r) for r in ws.merged_cells.ranges} == {"D2:E2", "G2:H2"}
    assert values(ws, 3, 9) == [
        "Medewerker",
        "Team",
        "Rol",
        "Gesprekken voeren",
        "Netwerken",
        "Beleid maken",
        "Streefniveau: Gesprekken voeren",
        "Streefniveau: Netwerken",
        "Streefniveau: Beleid maken",
    ]
    assert ws["A3"].font.b
    assert ws.column_dimensions["A"].width == 28
    assert ws.column_dimensions["D"].width == 15
    # level names, then the target ranks the colour rules compare them with
    assert values(ws, 4, 9) == [
        "Cato",
        "Techniek",
        "SLB'er",
        "Excellent",
        "Basisbekwaam",
        "Startbekwaam",
        3,
        3,
        None,
    ]
    assert values(ws, 5, 9) == [
        "Anna",
        "Zorg",
        "SLB'er",
        "Vakbekwaam",
        "Startbekwaam",
        "Basisbekwaam",
        3,
        2,
        None,
    ]
    assert values(ws, 6, 9) == ["Bram", "Zorg", "Decaan", "Startbekwaam", None, None, 3, 3, 4]
    # no fixed fills on the values: the colours are rules over the level range
    assert ws["D4"].style == "LOB niveau"
    assert fill(ws["D4"]) is None and fill(ws["A4"]) is None
    assert ws.max_row == 6


def test_heatmap_colours_are_conditional_formatting_on_the_levels(wb):
    ws = wb["Overzicht"]
    formats = list(ws.conditional_formatting)
    assert [str(cf.sqref) for cf in formats] == ["D4:F6"]
    rules = formats[0].rules
    fills = [rule.dxf.fill.bgColor.rgb for rule in rules]
    assert fills == [GREY, GREEN, ORANGE, RED]  # grey first: empty or no target
    assert all(rule.stopIfTrue for rule in rules)
    rank = "IFERROR(INDEX(LOB_Rangen,MATCH(D4,LOB_Niveaus,0)),0)"
    assert [rule.formula for rule in rules] == [
        ['OR(D4="",NOT(ISNUMBER(G4)))'],
        [f"{rank}>=G4"],
        [f"G4-{rank}=1"],
        [f"G4-{rank}>=2"],
    ]
    # the names the rules use point at the level rows of the Definities sheet
    names = {name: wb.defined_names[name].attr_text for name in ("LOB_Niveaus", "LOB_Rangen")}
    assert names == {"LOB_Niveaus": "Definities!$C$2:$C$5", "LOB_Rangen": "Definities!$D$2:$D$5"}
    definities = wb["Definities"]
    assert [definities.cell(r, 3).value for r in range(2, 6)] == [
        "Startbekwaam",
        "Basisbekwaam",
        "Vakbekwaam",
        "Excellent",
    ]


def test_level_cells_offer_a_drop_down_of_the_level_names(wb):
    validations = wb["Overzicht"].data_validations.dataValidation
    assert len(validations) == 1
    (validation,) = validations
    assert (validation.type, validation.formula1, str(validation.sqref)) == (
        "list",
        "LOB_Niveaus",
        "D4:F6",
    )
    assert validation.showErrorMessage


def test_gaps_are_coloured_by_their_value(wb):
    (cijfers,) = wb["Cijfers"].conditional_formatting
    assert str(cijfers.sqref) == "F3:F5 I3:I5 L3:L5"
    assert [(r.operator, r.formula) for r in cijfers.rules] == [
        ("equal", ["0"]),
        ("equal", ["1"]),
        ("greaterThanOrEqual", ["2"]),
    ]
    (gaps,) = wb["Ontwikkelpunten"].conditional_formatting
    assert str(gaps.sqref) == "G2:G7"


def test_cijfers_holds_levels_as_numbers_with_formula_rows(wb):
    ws = wb["Cijfers"]
    assert values(ws, 1, 7) == [None, None, None, "Gesprekken voeren", None, None, "Netwerken"]
    assert values(ws, 2, 6) == [
        "Medewerker",
        "Team",
        "Rol",
        "Huidig niveau",
        "Streefniveau",
        "Achterstand",
    ]
    # current, target, gap per competency; not assessed is empty, no target leaves both empty
    assert values(ws, 3) == ["Cato", "Techniek", "SLB'er", 4, 3, 0, 2, 3, 1, 1, None, None]
    assert values(ws, 5) == ["Bram", "Zorg", "Decaan", 1, 3, 2, None, 3, 3, None, 4, 4]
    assert values(ws, 7, 5) == [
        "Gem. niveau",
        None,
        None,
        '=IFERROR(AVERAGE(D3:D5),"")',
        '=IFERROR(AVERAGE(E3:E5),"")',
    ]
    assert values(ws, 8, 7) == [
        "Aandeel op doelniveau",
        None,
        None,
        None,
        None,
        '=IFERROR(COUNTIF(F3:F5,0)/COUNT(F3:F5),"")',
        None,
    ]


def test_bands_merge_within_their_group_only(wb):
    cijfers = {str(r) for r in wb["Cijfers"].merged_cells.ranges}
    assert cijfers == {"D1:F1", "G1:I1", "J1:L1"}  # one competency over its three numbers
    one_area = FRAMEWORK.model_copy(
        update={
            "competencies": [c.model_copy(update={"area": "org"}) for c in FRAMEWORK.competencies]
        }
    )
    buffer = io.BytesIO()
    write_workbook(buffer, one_area, ROLES, DATA)
    ws = openpyxl.load_workbook(buffer)["Overzicht"]
    # the levels and the targets each get their own band cell, even for one area
    assert {str(r) for r in ws.merged_cells.ranges} == {"D2:F2", "G2:I2"}


def test_rollenmatrix_holds_the_required_ranks(wb):
    ws = wb["Rollenmatrix"]
    assert values(ws, 1) == [None, None, "Begeleiden", None, "Organiseren"]
    assert values(ws, 2) == ["Rol", "Groep", "Gesprekken voeren", "Netwerken", "Beleid maken"]
    assert values(ws, 3) == ["SLB'er", "Begeleider primair proces", 3, 2, None]
    assert values(ws, 4) == ["Decaan", "Specialist", 3, 3, 4]
    assert all(isinstance(v, int) for v in values(ws, 4)[2:])


def test_every_sheet_prints_on_a4_at_page_width(wb):
    for ws in wb:
        setup = ws.page_setup
        assert (setup.paperSize, setup.orientation, setup.fitToWidth) == (9, "landscape", 1)
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_title_rows and ws.print_title_rows.startswith("$1:"), ws.title
    assert wb["Overzicht"].print_title_rows == "$1:$3"
    assert wb["Overzicht"].print_title_cols == "$A:$C"


def test_teams_summary_and_chart(wb, calc, path):
    ws = wb["Teams"]
    # the per-competency share at target and average level are formulas over Cijfers
    assert ws["G2"].value == (
        "=IFERROR(COUNTIFS(Cijfers!$F$3:$F$5,0,Cijfers!$B$3:$B$5,$A2)"
        '/COUNTIFS(Cijfers!$F$3:$F$5,">=0",Cijfers!$B$3:$B$5,$A2),"")'
    )
    assert ws["H2"].value == '=IFERROR(AVERAGEIFS(Cijfers!$D$3:$D$5,Cijfers!$B$3:$B$5,$A2),"")'
    assert ws["H5"].value == '=IFERROR(AVERAGE(Cijfers!$D$3:$D$5),"")'  # all teams
    formats = [ws.cell(2, col).number_format for col in (3, 4, 5, 7, 8)]
    ws = calc["Teams"]  # the values, after LibreOffice recalculated the formulas
    assert values(ws, 1)[:8] == [
        "Team",
        "Medewerkers",
        "Beoordeeld",
        "Op doelniveau",
        "Gem. niveau",
        "Open ontwikkelpunten",
        "Gesprekken voeren: op doel",
        "Gesprekken voeren: gem. niveau",
    ]
    assert values(ws, 2)[:8] == ["Techniek", 1, 1, 0.5, pytest.approx(7 / 3), 1, 1, 4]
    assert values(ws, 3)[:8] == ["Zorg", 2, pytest.approx(4 / 6), 0.2, 1.75, 4, 0.5, 2]
    assert values(ws, 2)[10:] in ([None, 1], ["", 1])  # beleid: no target in Techniek
    assert formats == [
        "0%",
        "0%",
        "0.0",
        "0%",
        "0.0",
    ]
    assert all(value is None for value in values(ws, 4))  # the total stays out of the filter
    assert values(ws, 5)[:6] == ["Alle teams", 3, pytest.approx(7 / 9), pytest.approx(2 / 7), 2, 5]
    # all teams, Gesprekken voeren: 2 of 3 targets reached, levels 4, 3 and 1
    assert values(ws, 5)[6:8] == [pytest.approx(2 / 3), pytest.approx(8 / 3)]
    assert len(wb["Teams"]._charts) == 1
    with zipfile.ZipFile(path) as archive:
        chart = archive.read("xl/charts/chart1.xml").decode()
    # The chart reads the share-at-target column of this very sheet.
    assert "'Teams'!$D$2:$D$3" in chart
    assert "'Teams'!$A$2:$A$3" in chart
    assert "'Teams'!D1" in chart  # the series title: the column header


def test_rollen(wb, calc):
    assert wb["Rollen"]["H2"].value.startswith("=IFERROR(COUNTIFS(")
    ws = calc["Rollen"]
    assert values(ws, 1)[:3] == ["Rol", "Groep", "Medewerkers"]
    assert values(ws, 2)[:8] == [
        "SLB'er",
        "Begeleider primair proces",
        2,
        1,
        0.5,
        pytest.approx(13 / 6),
        2,
        1,
    ]
    assert values(ws, 3)[:7] == ["Decaan", "Specialist", 1, pytest.approx(1 / 3), 0, 1, 3]
    assert wb["Rollen"]["E2"].number_format == "0%"
    assert values(ws, 5)[:3] == ["Alle rollen", None, 3]


def test_ontwikkelpunten_with_agreed_actions(wb):
    ws = wb["Ontwikkelpunten"]
    assert values(ws, 1) == [
        "Medewerker",
        "Team",
        "Rol",
        "Competentie",
        "Huidig niveau",
        "Streefniveau",
        "Achterstand (niveaus)",
        "Afgesproken actie",
        "Deadline",
        "Status",
    ]
    gap = ["Bram", "Zorg", "Decaan"]
    assert values(ws, 2) == [
        *gap,
        "Beleid maken",
        "(niet beoordeeld)",
        "Excellent",
        4,
        None,
        None,
        None,
    ]
    assert values(ws, 3) == [
        *gap,
        "Netwerken",
        "(niet beoordeeld)",
        "Vakbekwaam",
        3,
        None,
        None,
        None,
    ]
    assert values(ws, 4) == [
        *gap,
        "Gesprekken voeren",
        "Startbekwaam",
        "Vakbekwaam",
        2,
        "Training gespreksvoering",
        dt.datetime(2025, 5, 1),
        "Bezig",
    ]
    assert values(ws, 5)[6:] == [2, "Intervisie", None, "Afgerond"]
    assert values(ws, 6) == [
        "Anna",
        "Zorg",
        "SLB'er",
        "Netwerken",
        "Startbekwaam",
        "Basisbekwaam",
        1,
        "Netwerkbijeenkomst bezoeken",
        dt.datetime(2025, 6, 1),
        "Open",
    ]
    assert ws["I4"].number_format == DATE_FORMAT
    assert ws["I6"].number_format == DATE_FORMAT
    assert values(ws, 7)[:7] == [
        "Cato",
        "Techniek",
        "SLB'er",
        "Netwerken",
        "Basisbekwaam",
        "Vakbekwaam",
        1,
    ]


def test_gesprekkencyclus(wb):
    ws = wb["Gesprekkencyclus"]
    assert values(ws, 1) == [
        "Cyclus",
        "Team",
        "Gepland",
        "Voorbereiding",
        "Gehouden",
        "Ondertekend",
        "Afgerond",
        "Geannuleerd",
        "Totaal",
        "Voltooid",
        "Eerste gesprek",
        "Laatste gesprek",
    ]
    assert values(ws, 2) == [
        "2024-2025",
        "Techniek",
        0,
        0,
        1,
        1,
        0,
        0,
        2,
        0.5,
        dt.datetime(2024, 12, 1),
        dt.datetime(2024, 12, 1),
    ]
    assert values(ws, 3) == [
        "2024-2025",
        "Zorg",
        1,
        0,
        0,
        0,
        1,
        1,
        3,
        0.5,
        dt.datetime(2024, 10, 1),
        dt.datetime(2025, 2, 1),
    ]
    assert ws["J2"].number_format == "0%"
    assert ws["K3"].number_format == DATE_FORMAT
    assert values(ws, 5)[:2] == ["2024-2025", "Alle teams"]
    assert values(ws, 5)[8:10] == [5, 0.5]


def test_definities(wb):
    ws = wb["Definities"]
    rows = [values(ws, r) for r in range(1, ws.max_row + 1)]
    assert rows[0][:4] == ["Soort", "Sleutel", "Naam", "Rang"]
    assert rows[1] == [
        "Niveau",
        "start",
        "Startbekwaam",
        1,
        None,
        "Werkt met een format",
        None,
        None,
    ]
    assert [r[2] for r in rows[1:5]] == ["Startbekwaam", "Basisbekwaam", "Vakbekwaam", "Excellent"]
    assert [r[3] for r in rows[1:5]] == [1, 2, 3, 4]
    assert rows[5][:3] == ["Gebied", "begeleiden", "Begeleiden"]
    assert rows[7][:7] == [
        "Competentie",
        "gesprek",
        "Gesprekken voeren",
        None,
        "Begeleiden",
        "Voert loopbaangesprekken",
        "Startbekwaam: Volgt het gespreksformat",
    ]
    assert rows[9][4] == "Organiseren"
    assert rows[10][:3] == ["Rol", "slb", "SLB'er"]
    assert rows[10][5:7] == [
        "Begeleidt studenten",
        "Gesprekken voeren: Vakbekwaam\nNetwerken: Basisbekwaam",
    ]
    assert rows[12][:7] == [
        "Dimensie",
        "kwaliteiten",
        "Kwaliteitenreflectie",
        None,
        None,
        None,
        "Waar ben ik goed in?",
    ]
    assert rows[13] == [
        "Term",
        "loopbaan",
        "Loopbaan",
        None,
        None,
        "Het geheel van werk en leren",
        "student → medewerker",
        "carrière, route",
    ]
    assert ws["F2"].alignment.wrap_text


def test_bytesio_and_prebuilt_overview():
    buffer = io.BytesIO()
    overview = build_overview(FRAMEWORK, ROLES, DATA)
    write_workbook(buffer, FRAMEWORK, ROLES, DATA, overview=overview)
    buffer.seek(0)
    wb = openpyxl.load_workbook(buffer)
    assert wb.sheetnames == SHEETS
    assert wb["Overzicht"]["A4"].value == "Cato"
    assert wb["Definities"].max_row == 12  # 4 levels, 2 areas, 3 competencies, 2 roles


def test_empty_overview_still_opens(tmp_path):
    target = tmp_path / "leeg.xlsx"
    write_workbook(str(target), FRAMEWORK, ROLES, OverviewData())
    wb = openpyxl.load_workbook(target)
    assert wb["Overzicht"].auto_filter.ref == "A3:I3"
    assert wb["Teams"]._charts == []
    assert values(wb["Rollen"], 2)[:3] == ["SLB'er", "Begeleider primair proces", 0]


def test_empty_selection_says_so_below_the_header(tmp_path):
    target = tmp_path / "leeg.xlsx"
    write_workbook(target, FRAMEWORK, ROLES, OverviewData())
    ws = openpyxl.load_workbook(target)["Overzicht"]
    assert ws["A4"].value == EMPTY_SELECTION
    assert ws["A4"].font.b
    assert ws.auto_filter.ref == "A3:I3"  # the message stays out of the filter
    full = openpyxl.load_workbook(io.BytesIO(_written(DATA)))["Overzicht"]
    assert EMPTY_SELECTION not in [cell.value for cell in full["A"]]


def _written(data, **kwargs) -> bytes:
    buffer = io.BytesIO()
    write_workbook(buffer, FRAMEWORK, ROLES, data, **kwargs)
    return buffer.getvalue()


def test_team_hours_columns_after_the_team_figures():
    hours = {"Zorg": TeamHours(59.0, 118.0), "Techniek": TeamHours(80.0, 59.0)}
    ws = openpyxl.load_workbook(io.BytesIO(_written(DATA, team_hours=hours)))["Teams"]
    assert values(ws, 1)[5:10] == [
        "Open ontwikkelpunten",
        "Professionaliseringsuren",
        "Norm (uren)",
        "Uren t.o.v. norm",
        "Gesprekken voeren: op doel",
    ]
    assert values(ws, 2)[:8] == ["Techniek", 1, 1, 0.5, pytest.approx(7 / 3), 1, 80, 59]
    assert values(ws, 2)[8] == pytest.approx(80 / 59)
    assert values(ws, 3)[6:9] == [59, 118, 0.5]
    assert ws.cell(3, 10).value.startswith("=IFERROR(COUNTIFS(")  # Zorg, Gesprekken voeren
    assert values(ws, 5)[6:9] == [139, 177, pytest.approx(139 / 177)]  # all teams
    assert [ws.cell(2, col).number_format for col in (7, 9)] == ["0.0", "0%"]
    # The chart still reads the share at target.
    chart = ws._charts[0]
    assert chart.series[0].val.numRef.f == "'Teams'!$D$2:$D$3"


def test_team_hours_without_norm_or_team():
    assert TeamHours(10.0, 0.0).share is None
    hours = {"Zorg": TeamHours(0.0, 0.0)}  # Techniek unknown: its hours stay empty
    ws = openpyxl.load_workbook(io.BytesIO(_written(DATA, team_hours=hours)))["Teams"]
    assert values(ws, 2)[6:9] == [None, None, None]
    assert values(ws, 3)[6:9] == [0, 0, None]


def test_progress_every_thousand_employees():
    rows = [row(f"Medewerker {i:04d}", "Zorg", "slb", "gesprek", "vak") for i in range(2500)]
    calls = []
    write_workbook(
        io.BytesIO(), FRAMEWORK, ROLES, OverviewData(rows=rows), progress=lambda *a: calls.append(a)
    )
    assert calls == [(1000, 2500), (2000, 2500), (2500, 2500)]


def test_repeated_cells_in_a_row_keep_their_own_place(tmp_path):
    """Heatmap cells are shared objects; each occurrence must still land in its column."""
    rows = [row("Eva", "Zorg", "decaan", key, "start") for key in ("gesprek", "netwerk", "beleid")]
    target = tmp_path / "eva.xlsx"
    write_workbook(target, FRAMEWORK, ROLES, OverviewData(rows=rows))
    ws = openpyxl.load_workbook(target)["Overzicht"]
    assert values(ws, 4, 9) == ["Eva", "Zorg", "Decaan", *["Startbekwaam"] * 3, 3, 3, 4]
    with zipfile.ZipFile(target) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert all(f'r="{col}4"' in sheet for col in "ABCDEFGHI")


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_converts_every_sheet(path, tmp_path):
    # Converting to PDF renders all sheets; a damaged file fails or yields no PDF.
    result = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "overzicht.pdf"
    assert pdf.exists() and pdf.stat().st_size > 10_000


def test_libreoffice_recalculates_the_average_and_share_rows(calc):
    """The formula rows of the Cijfers sheet give what the core computes."""
    ws = calc["Cijfers"]
    overview = build_overview(FRAMEWORK, ROLES, DATA)
    average = values(ws, 7)
    share = values(ws, 8)
    for index, stats in enumerate(overview.total.competencies):
        current, gap = 3 + 3 * index, 5 + 3 * index
        expected_average = stats.average_rank
        expected_share = stats.at_target_share
        got_average = None if average[current] == "" else average[current]
        got_share = None if share[gap] == "" else share[gap]
        assert got_average == pytest.approx(expected_average), stats.competency
        assert got_share == pytest.approx(expected_share), stats.competency
    # targets and gaps average too: Gesprekken voeren targets 3, 3, 3; gaps 0, 0, 2
    assert average[4:6] == [3, pytest.approx(2 / 3)]
    # per team, recalculated on the Teams sheet: Zorg on Netwerken has 0 of 2 at target
    teams = calc["Teams"]
    assert values(teams, 3)[8:10] == [0, 1]
