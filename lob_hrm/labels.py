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

# -- the policy monitor (Odoo: lob.policy.goal, lob.policy.figure; the workbook's policy sheet)
POLICY = "Policy"
PILLAR = "Pillar"
GOAL = "Goal"
INDICATOR = "Indicator"
VALUE = "Value"
TARGET = "Target"
STATUS = "Status"
COLLEGE = "College"
TREND = "Trend"
REFERENCE_DATE = "Reference date"
VERSUS_LAST_REVIEW = "Versus last review"
NO_POLICY_GOALS = "No policy goals with an indicator in this selection."
# a goal's status (lob_hrm.policy.Status; Odoo: STATUS_SELECTION)
POLICY_STATUS: dict[str, str] = {
    "on_track": "On track",
    "at_risk": "At risk",
    "off_track": "Off track",
    "no_data": "No data",
}
# a figure against the last review's (lob_hrm.policy.Direction)
DIRECTIONS: dict[str, str] = {"better": "Better", "worse": "Worse", "same": "Same"}

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
    POLICY: "Beleid",
    PILLAR: "Pijler",
    GOAL: "Doel",
    INDICATOR: "Indicator",
    VALUE: "Waarde",
    TARGET: "Streefwaarde",
    STATUS: "Status",
    COLLEGE: "College",
    TREND: "Trend",
    REFERENCE_DATE: "Peildatum",
    VERSUS_LAST_REVIEW: "T.o.v. vorige meting",
    NO_POLICY_GOALS: "Geen beleidsdoelen met een indicator in deze selectie.",
    "On track": "Op koers",
    "At risk": "Risico",
    "Off track": "Uit koers",
    "No data": "Geen gegevens",
    "Better": "Beter",
    "Worse": "Slechter",
    "Same": "Gelijk",
    # the indicators (lob_hrm.policy.INDICATORS), as the Odoo screens say them in Dutch
    "Staff with a signed talk": "Medewerkers met een getekend gesprek",
    "Coaches with a signed talk": "Coaches met een getekend gesprek",
    "Team leaders with a signed talk": "Teamleiders met een getekend gesprek",
    "Directors with a signed talk": "Directeuren met een getekend gesprek",
    "LOB competencies at target level": "LOB-competenties op doelniveau",
    "Role holders not assessed for a year": "Rolhouders een jaar niet beoordeeld",
    "Staff at the professionalisation norm": "Medewerkers op de professionaliseringsnorm",
    "Median professionalisation hours": "Mediaan professionaliseringsuren",
    "Template alignment score": "Afstemmingsscore gespreksformat",
    "Templates with open drift": "Gespreksformats met open afwijking",
    "Role hours in line with the college": "Rol-uren in lijn met het college",
    "Team work plans adopted": "Teamwerkplannen vastgesteld",
    "Team work plans discussed in the team": "Teamwerkplannen besproken in het team",
    "Agreements overdue": "Afspraken over de termijn",
}


def dutch(label: str) -> str:
    """The Dutch of a catalogue label (the English itself where none is given)."""
    return DUTCH.get(label, label)
