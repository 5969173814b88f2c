# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The policy sheet (Beleid) in the competency workbook, on the known college: by default
when an adopted policy covers the school year of the export, built from the monitor on the
policy's reference date, with last year's snapshot as the trend, and limited to the teams
the exporting user sees in the monitor (HR: every team; a team leader: their own)."""

import base64
import datetime as dt
import io

import openpyxl

from odoo.exceptions import AccessError
from odoo.tests import tagged

from ..lob_hrm import labels
from ..models.lob_policy_goal import STATUS_SELECTION
from .test_policy_common import NOW, YEAR, LobPolicyCommon

GREEN, ORANGE, RED, GREY = "00C6EFCE", "00FFCC99", "00FFC7CE", "00E7E6E6"
# the end of the school year before: only c1 had signed a talk then (2025-06-01)
LAST_YEAR_END = dt.date(2025, 7, 31)


@tagged("post_install", "-at_install")
class TestCompetencyExportPolicy(LobPolicyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["lob.policy.snapshot"]._lob_take(cls.policy, YEAR - 1, LAST_YEAR_END)
        cls.vision = cls.pillars["vision_policy"].name
        cls.quality = cls.pillars["quality_monitoring"].name

    def _wizard(self, user, **values):
        return (
            self.env["lob.competency.export.wizard"]
            .with_user(user)
            .create(
                {
                    "skill_type_id": self.framework.id,
                    "reference_date": NOW,
                    "company_ids": [(6, 0, self.college.ids)],
                    **values,
                }
            )
        )

    def _workbook(self, user, **values):
        wizard = self._wizard(user, **values)
        wizard.action_export()
        return openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.data))), wizard

    @staticmethod
    def _lines(ws, first=1):
        return [list(row) for row in ws.iter_rows(min_row=first, values_only=True)]

    def _talks(self, team, value, status, change, last_year):
        talks = [self.vision, "Talks at all levels", "Medewerkers met een getekend gesprek"]
        return [*talks, team, value, 80, status, change, last_year]

    def _agreements(self, team, value, status):
        # no agreement was due at the end of last school year: no trend to compare with
        agreements = [self.quality, "Agreements kept", "Afspraken over de termijn"]
        return [*agreements, team, value, 10, status, None, None]

    def test_hr_gets_every_team_with_status_and_trend(self):
        wizard = self._wizard(self.officer_user)
        # on by default: the known policy is adopted for 2025-2026, the year of NOW
        self.assertTrue(wizard.include_policy)
        self.assertEqual(wizard.policy_id, self.policy)
        wb, wizard = self._workbook(self.officer_user)
        self.assertEqual(wb.sheetnames[-2:], ["Beleid", "Definities"])
        self.assertIn("Overzicht", wb.sheetnames)
        ws = wb["Beleid"]
        lines = self._lines(ws)
        self.assertEqual(lines[0][:3], ["Known LOB policy", "Peildatum", dt.datetime(2026, 3, 1)])
        self.assertEqual(
            lines[1],
            [
                "Pijler",
                "Doel",
                "Indicator",
                "Team",
                "Waarde 2025-2026",
                "Streefwaarde",
                "Status",
                "T.o.v. vorige meting",
                "Trend 2024-2025",
            ],
        )
        # talks (target 80 from a baseline of 20): the monitor's values on NOW; last year
        # only c1 (team C, three people) had signed: 1 of the 12 staff
        # agreements overdue (target 10 from 60, lower is better)
        self.assertEqual(
            lines[2:],
            [
                self._talks("College", 33.33, "Uit koers", "Beter", 8.33),
                self._talks("Team A", 50, "Risico", "Beter", 0),  # halfway: at risk
                self._talks("Team B", 25, "Uit koers", "Beter", 0),
                self._talks("Team C", 0, "Uit koers", "Slechter", 33.33),
                self._agreements("College", 50, "Uit koers"),
                self._agreements("Team A", 33.33, "Risico"),
                self._agreements("Team B", 100, "Uit koers"),
                self._agreements("Team C", None, "Geen gegevens"),  # nothing due
            ],
        )
        # the status colours: conditional formatting in the heatmap's palette
        rules = {str(item.sqref): item.rules for item in ws.conditional_formatting}
        self.assertEqual(
            {rule.formula[0]: rule.dxf.fill.bgColor.rgb for rule in rules["G3:G10"]},
            {'"Op koers"': GREEN, '"Risico"': ORANGE, '"Uit koers"': RED, '"Geen gegevens"': GREY},
        )
        self.assertEqual(ws["A2"].style, wb["Teams"]["A1"].style)

    def test_team_leader_gets_the_college_and_their_own_team(self):
        wb, _wizard = self._workbook(self.leader_a_user)
        lines = self._lines(wb["Beleid"], 3)
        self.assertEqual(
            lines,
            [
                self._talks("College", 33.33, "Uit koers", "Beter", 8.33),
                self._talks("Team A", 50, "Risico", "Beter", 0),
                self._agreements("College", 50, "Uit koers"),
                self._agreements("Team A", 33.33, "Risico"),
            ],
        )
        cells = {cell for row in lines for cell in row}
        self.assertFalse(cells & {"Team B", "Team C", 25, 100})

    def test_employee_gets_the_college_and_their_own_team(self):
        # a1 (team A) sees what the monitor shows them: the college and team A
        wb, _wizard = self._workbook(self.employee_user)
        teams = {row[3] for row in self._lines(wb["Beleid"], 3)}
        self.assertEqual(teams, {"College", "Team A"})

    def test_rows_take_the_same_queries_for_more_teams(self):
        """The policy rows are read in a constant number of queries: 3 or 6 teams."""
        Sheet = self.env["lob.policy.export.wizard"].with_user(self.officer_user)

        def count():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            sheet = Sheet._lob_policy_sheet(self.policy.with_user(self.officer_user))
            return self.cr.sql_log_count - before, sheet

        count()  # warm the caches of rules and translations
        three, sheet = count()
        self.assertEqual(len(sheet.rows), 8)  # two goals × (college + 3 teams)
        for name in ("Team D", "Team E", "Team F"):
            team = self.env["hr.department"].create({"name": name, "company_id": self.college.id})
            self.env["hr.employee"].create(
                {"name": f"{name} member", "company_id": self.college.id, "department_id": team.id}
            )
        six, sheet = count()
        self.assertEqual(len(sheet.rows), 14)
        self.assertEqual(six, three)

    def test_the_policy_download_shows_the_same_teams(self):
        wizard = (
            self.env["lob.policy.export.wizard"]
            .with_user(self.leader_a_user)
            .create({"policy_id": self.policy.id})
        )
        wizard.action_export()
        alone = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.data)))
        self.assertEqual(alone.sheetnames, ["Beleid"])
        in_workbook, _wizard = self._workbook(self.leader_a_user)
        self.assertEqual(self._lines(alone["Beleid"]), self._lines(in_workbook["Beleid"]))

    def test_no_policy_sheet_without_an_adopted_policy_or_when_left_out(self):
        # 2023-2024 has no policy: off by default, and the workbook has no policy sheet
        wizard = self._wizard(self.officer_user, reference_date=dt.date(2024, 3, 1))
        self.assertFalse(wizard.include_policy)
        self.assertFalse(wizard.policy_id)
        wb, _wizard = self._workbook(self.officer_user, reference_date=dt.date(2024, 3, 1))
        self.assertNotIn("Beleid", wb.sheetnames)
        wb, _wizard = self._workbook(self.officer_user, include_policy=False)
        self.assertNotIn("Beleid", wb.sheetnames)
        self.assertIn("Definities", wb.sheetnames)

    def test_status_labels_read_alike_on_screen_and_in_the_sheet(self):
        self.assertEqual(dict(STATUS_SELECTION), labels.POLICY_STATUS)

    def test_hr_of_another_company_cannot_pull_the_policy(self):
        wizard = self.env["lob.competency.export.wizard"].with_user(self.other_officer_user)
        wizard = wizard.create({"skill_type_id": self.framework.id, "reference_date": NOW})
        self.assertFalse(wizard.policy_id)
        wizard.write({"include_policy": True, "policy_id": self.policy.id})
        with self.assertRaises(AccessError):
            wizard.action_export()
