"""The command line: exit codes, errors on stderr, outputs that are whole or absent."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from lob_hrm.cli import build_parser, main
from lob_hrm.content import DEFAULT_CONTENT_PATH
from lob_hrm.exchange import dump_document, load_document

COMMANDS = ["validate", "mirror", "align", "overview", "schema", "demo"]


@pytest.fixture
def bad_file(tmp_path):
    data = json.loads(DEFAULT_CONTENT_PATH.read_text(encoding="utf-8"))
    data["templates"][0]["sections"][1]["prompts"][0]["dimension"] = "netwerk"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_validate_default_content(capsys):
    assert main(["validate", str(DEFAULT_CONTENT_PATH)]) == 0
    out = capsys.readouterr().out
    assert "valid" in out and "5 dimensions" in out and "3 templates" in out


def test_bad_input_exits_2_with_the_json_path_on_stderr(bad_file, capsys):
    assert main(["validate", str(bad_file)]) == 2
    err = capsys.readouterr().err
    assert "$.templates[0].sections[1].prompts[0].dimension: unknown dimension 'netwerk'" in err


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_every_command_has_help(capsys):
    for command in COMMANDS:
        with pytest.raises(SystemExit) as info:
            build_parser().parse_args([command, "--help"])
        assert info.value.code == 0
        assert "usage:" in capsys.readouterr().out


def test_mirror_adds_a_staff_template_that_aligns(tmp_path):
    out = tmp_path / "with-pdp.json"
    args = ["mirror", str(DEFAULT_CONTENT_PATH), "--template", "student_career_talk"]
    assert main([*args, "--kind", "pdp", "--key", "staff_pdp", "-o", str(out)]) == 0
    doc = load_document(out.read_bytes())
    staff = {t.key: t for t in doc.templates}["staff_pdp"]
    assert staff.name == "POP-gesprek"
    assert staff.source.key == "student_career_talk"
    report = tmp_path / "report.json"
    assert (
        main(["align", str(out), "--template", "staff_pdp", "--format", "json", "-o", str(report)])
        == 0
    )
    assert json.loads(report.read_text())[0]["score"] >= 90


def test_mirror_refuses_an_existing_key(capsys):
    args = ["mirror", str(DEFAULT_CONTENT_PATH), "--template", "student_career_talk"]
    assert main([*args, "--kind", "pdp", "--key", "staff_performance_talk"]) == 2
    assert "exists already" in capsys.readouterr().err


def test_align_text_report_and_min_score(tmp_path, capsys):
    assert main(["align", str(DEFAULT_CONTENT_PATH)]) == 0
    out = capsys.readouterr().out
    assert "staff_performance_talk): score 100/100" in out
    # a copy without any networking prompt scores lower and says why
    doc = load_document(DEFAULT_CONTENT_PATH.read_bytes())
    staff = {t.key: t for t in doc.templates}["staff_performance_talk"]
    sections = [
        s.model_copy(update={"prompts": [p for p in s.prompts if p.dimension != "networking"]})
        for s in staff.sections
    ]
    templates = [
        t.model_copy(update={"sections": sections}) if t.key == staff.key else t
        for t in doc.templates
    ]
    path = tmp_path / "weak.json"
    path.write_text(dump_document(doc.model_copy(update={"templates": templates})))
    assert main(["align", str(path), "--template", staff.key, "--min-score", "100"]) == 1
    out = capsys.readouterr().out
    assert "dimension_missing" in out and "Netwerken" in out


def test_output_files_get_ordinary_permissions(tmp_path):
    out = tmp_path / "schema.json"
    previous = os.umask(0o022)
    try:
        assert main(["schema", "-o", str(out)]) == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_failed_run_leaves_no_output_file(bad_file, tmp_path):
    out = tmp_path / "never.xlsx"
    assert main(["overview", str(bad_file), "-o", str(out), "-q"]) == 2
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad_file]


def test_overview_needs_a_framework_and_rows(tmp_path, capsys):
    out = tmp_path / "x.xlsx"
    assert main(["overview", str(DEFAULT_CONTENT_PATH), "-o", str(out)]) == 2
    assert "overview" in capsys.readouterr().err
    assert not out.exists()


def test_demo_writes_workbook_and_report(tmp_path, capsys):
    workbook, report = tmp_path / "demo.xlsx", tmp_path / "alignment.json"
    document = tmp_path / "college.json"
    args = ["demo", "--employees", "40", "-o", str(workbook), "--report", str(report)]
    assert main([*args, "--document", str(document)]) == 0
    captured = capsys.readouterr()
    assert "writing workbook" in captured.err  # progress
    sheets = openpyxl.load_workbook(workbook, read_only=True).sheetnames
    assert "Overzicht" in sheets
    reports = json.loads(report.read_text())
    assert {r["template"] for r in reports} == {"staff_performance_talk", "staff_development_talk"}
    assert all(r["score"] >= 90 for r in reports)
    # the college document feeds the overview command to the same workbook sheets
    again = tmp_path / "again.xlsx"
    assert main(["overview", str(document), "-o", str(again), "-q"]) == 0
    assert openpyxl.load_workbook(again, read_only=True).sheetnames == sheets


POLICY_ROW = {
    "pillar": "Visie & beleid",
    "goal": "Reflectiegesprekken",
    "indicator": "talks_staff",
    "value": 40,
    "target": 80,
    "status": "off_track",
    "trend": {"2025": 30},
}


def _college(tmp_path):
    document = tmp_path / "college.json"
    args = ["demo", "-q", "--employees", "10", "-o", str(tmp_path / "demo.xlsx")]
    assert main([*args, "--report", str(tmp_path / "a.json"), "--document", str(document)]) == 0
    return document


def test_overview_writes_the_policy_sheet_from_json(tmp_path, capsys):
    document = _college(tmp_path)
    policy = tmp_path / "policy.json"
    sheet = {"title": "LOB-beleid", "school_year": 2026, "reference_date": "2027-03-01"}
    policy.write_text(json.dumps({**sheet, "rows": [POLICY_ROW]}), encoding="utf-8")
    out = tmp_path / "with-policy.xlsx"
    assert main(["overview", str(document), "-o", str(out), "-q", "--policy", str(policy)]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[-2:] == ["Beleid", "Definities"]
    ws = wb["Beleid"]
    assert ws["A1"].value == "LOB-beleid"
    assert [cell.value for cell in ws[3]] == [
        "Visie & beleid",
        "Reflectiegesprekken",
        "Medewerkers met een getekend gesprek",
        "College",
        40,
        80,
        "Uit koers",
        "Beter",
        30,
    ]
    # a plain list of rows works too
    policy.write_text(json.dumps([POLICY_ROW, {**POLICY_ROW, "team": "Zorg"}]), encoding="utf-8")
    assert main(["overview", str(document), "-o", str(out), "-q", "--policy", str(policy)]) == 0
    assert openpyxl.load_workbook(out)["Beleid"]["D3"].value == "Zorg"


def test_bad_policy_rows_exit_2_with_their_paths_and_write_nothing(tmp_path, capsys):
    document = _college(tmp_path)
    capsys.readouterr()
    policy = tmp_path / "policy.json"
    bad = [{**POLICY_ROW, "status": "fine"}, {**POLICY_ROW, "target": "high"}]
    policy.write_text(json.dumps(bad), encoding="utf-8")
    out = tmp_path / "never.xlsx"
    assert main(["overview", str(document), "-o", str(out), "-q", "--policy", str(policy)]) == 2
    err = capsys.readouterr().err
    assert f"{policy} $[0].status:" in err
    assert f"{policy} $[1].target:" in err
    assert not out.exists()
    policy.write_text("{not json", encoding="utf-8")
    assert main(["overview", str(document), "-o", str(out), "-q", "--policy", str(policy)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
    missing = str(tmp_path / "nope.json")
    assert main(["overview", str(document), "-o", str(out), "-q", "--policy", missing]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert not out.exists()


def test_schema_command_matches_the_published_schema(capsys):
    assert main(["schema"]) == 0
    published = Path(__file__).resolve().parents[2] / "schema" / "lob-hrm-exchange.schema.json"
    assert json.loads(capsys.readouterr().out) == json.loads(published.read_text())


def test_python_m_entry_point(bad_file):
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-m", "lob_hrm", "validate", str(bad_file)],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "unknown dimension 'netwerk'" in result.stderr


@pytest.mark.parametrize(
    "raw",
    [
        '{"format": "lob-hrm-exchange", "version": 1, "dimensions": [' + "7" * 5000 + "]}",
        '{"format": "lob-hrm-exchange", "version": ' + "1" * 5000 + "}",
        '{"format": "lob-hrm-exchange", "version": 1, "idiom": [{"key": "a", "term": "\\u0000"}]}',
        '{"format": "lob-hrm-exchange", "version": 1, "idiom": [{"key": "a", "term": "\\ud800"}]}',
    ],
)
def test_validate_never_tracebacks_on_bad_input(raw, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(raw, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "lob_hrm", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: $")
