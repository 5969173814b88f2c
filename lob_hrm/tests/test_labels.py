"""The label catalogue and the one target rule, as the CLI and the workbook use them."""

from __future__ import annotations

from lob_hrm import labels
from lob_hrm.alignment import CHECKS
from lob_hrm.cli import main
from lob_hrm.overview import highest_targets
from lob_hrm.schemas import Role, RoleGroup, RoleTarget

RANKS = {"start": 1, "basis": 2, "vak": 3, "excellent": 4}


def role(key, **targets):
    return Role(
        key=key,
        name=key,
        group=RoleGroup.PRIMARY,
        targets=[RoleTarget(competency=c, level=level) for c, level in targets.items()],
    )


def test_alignment_checks_use_the_catalogue():
    assert {code: label for code, (label, _) in CHECKS.items()} == labels.ALIGNMENT_CHECKS
    assert CHECKS["dimensions"][0] == "Career competencies covered"


def test_the_cli_says_career_competencies(tmp_path, capsys):
    report = tmp_path / "alignment.json"
    workbook = tmp_path / "demo.xlsx"
    assert (
        main(["demo", "-q", "--employees", "5", "-o", str(workbook), "--report", str(report)]) == 0
    )
    text = report.read_text(encoding="utf-8")
    assert "Career competencies covered" in text
    assert "Career dimensions" not in text + capsys.readouterr().out


def test_every_label_has_dutch():
    shared = [
        value for name, value in vars(labels).items() if name.isupper() and isinstance(value, str)
    ]
    shared += [*labels.POLICY_STATUS.values(), *labels.DIRECTIONS.values()]
    # every label is in the Dutch catalogue (some words are the same: Team, Status, Indicator)
    assert [label for label in shared if label not in labels.DUTCH] == []
    assert labels.dutch(labels.TARGET_LEVEL) == "Streefniveau"  # as the screens say it in Dutch


def test_highest_target_of_several_roles():
    slb = role("slb", gesprek="vak", netwerk="basis")
    decaan = role("decaan", gesprek="basis", netwerk="vak", beleid="excellent")
    assert highest_targets([slb, decaan], RANKS) == [
        RoleTarget(competency="gesprek", level="vak"),
        RoleTarget(competency="netwerk", level="vak"),
        RoleTarget(competency="beleid", level="excellent"),
    ]
    assert highest_targets([slb], RANKS) == slb.targets
    assert highest_targets([], RANKS) == []
