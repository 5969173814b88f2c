"""The one catalogue of the labels that the CLI, the workbook and the Odoo screens share.

English is the source language, as in Odoo.  :data:`DUTCH` holds the Dutch the workbook is
written in (it is written for Dutch users) and that ``i18n/nl.po`` gives the Odoo screens.

The Odoo layer keeps literal strings in its field definitions and ``_("...")`` calls, because
Odoo's translation export only finds literals; its test ``TestSharedLabels`` asserts that
those literals equal the English here, so a label changed in one place fails until it is
changed everywhere.
"""

from __future__ import annotations

# -- the competency overview (Odoo: lob.competency.overview, the workbook) ------------------
EMPLOYEE = "Employee"
TEAM = "Team"
ROLE = "Role"
COMPETENCY = "Competency"
AREA = "Area"
FRAMEWORK = "Framework"
CURRENT_LEVEL = "Current level"
TARGET_LEVEL = "Target level"
GAP = "Gap"
SHARE_AT_TARGET = "Share at target"
BELOW_TARGET = "Below target"
AVERAGE_LEVEL = "Average level"
EMPLOYEES = "Employees"

# -- the alignment checks (Odoo: lob.talk.template.finding._check_labels, the CLI) --------
ALIGNMENT_CHECKS: dict[str, str] = {
    "dimensions": "Career competencies covered",
    "phases": "Phases of the student talk, in order",
    "employee_led": "Employee-led opening (vraaggericht)",
    "concrete_experience": "Concrete experience (praktijkgericht)",
    "forward_look": "Forward look (toekomstgericht)",
    "agreements": "Concrete agreements (toekomstgericht)",
    "idiom": "LOB idiom",
    "mirror_integrity": "Student prompts mirrored",
    "drift": "Up to date with the student template",
}

DUTCH: dict[str, str] = {
    EMPLOYEE: "Medewerker",
    TEAM: "Team",
    ROLE: "Rol",
    COMPETENCY: "Competentie",
    AREA: "Gebied",
    FRAMEWORK: "Raamwerk",
    CURRENT_LEVEL: "Huidig niveau",
    TARGET_LEVEL: "Streefniveau",
    GAP: "Achterstand",
    SHARE_AT_TARGET: "Aandeel op doelniveau",
    BELOW_TARGET: "Onder doelniveau",
    AVERAGE_LEVEL: "Gem. niveau",
    EMPLOYEES: "Medewerkers",
    "Career competencies covered": "Loopbaancompetenties gedekt",
}


def dutch(label: str) -> str:
    """The Dutch of a catalogue label (the English itself where none is given)."""
    return DUTCH.get(label, label)
