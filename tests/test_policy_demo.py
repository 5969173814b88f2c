# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo policy shows something worth acting on: Techniek gives its SLB'ers half the
college's hours, one plan was never discussed, one is a draft, and the trend has two
points."""

import base64
import io

from openpyxl import load_workbook

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestPolicyDemo(TransactionCase):
    def test_demo_policy(self):
        policy = self.env.ref("lob_hrm.lob_policy_2026_demo")
        last_year = self.env.ref("lob_hrm.lob_policy_2025_demo")
        self.assertEqual(policy.state, "adopted")
        self.assertEqual(len(policy.goal_ids.pillar_id), 4)
        self.assertEqual(last_year.state, "evaluated")
        self.assertEqual(policy.previous_policy_id, last_year)
        self.assertIn("Techniek reviews its SLB hours", policy.decisions)

        plans = {
            plan.department_id.name: (plan.state, plan.is_discussed)
            for plan in policy.team_plan_ids
        }
        self.assertEqual(
            plans,
            {
                "Zorg & Welzijn": ("adopted", True),
                "Techniek": ("adopted", False),
                "Verpleging & Verzorging": ("draft", False),
            },
        )
        figures = self.env["lob.policy.figure"]._lob_refresh(policy)
        consistent = {
            f.department_id.name: f.value
            for f in figures
            if f.indicator == "role_hours_consistent" and f.department_id and f.has_value
        }
        # Techniek's SLB'ers get 40 hours against the college median of 80: one of its
        # four roles (SLB, career coach, BPV supervisor, team leader) is out of line
        self.assertEqual(consistent["Techniek"], 75.0)
        self.assertEqual(consistent["Zorg & Welzijn"], 100.0)
        discussed = figures.filtered(
            lambda f: f.indicator == "plan_discussed" and f.department_id.name == "Techniek"
        )
        self.assertEqual(discussed.value, 0.0)

        snapshot = self.env.ref("lob_hrm.lob_policy_review_2025_demo").snapshot_id
        self.assertEqual(snapshot.school_year, 2025)
        self.assertTrue(snapshot.figure_ids)
        talks = policy.goal_ids.filtered(lambda g: g.key == "talks")
        self.assertTrue(talks.trend.startswith("2025-2026: "))

    def test_policy_sheet_of_the_demo(self):
        policy = self.env.ref("lob_hrm.lob_policy_2026_demo")
        action = policy.action_export_sheet()
        wizard = self.env["lob.policy.export.wizard"].search([("policy_id", "=", policy.id)])
        self.assertIn(f"id={wizard.id}", action["url"])
        sheet = load_workbook(io.BytesIO(base64.b64decode(wizard.data)))["Beleid"]
        rows = list(sheet.iter_rows(values_only=True))
        # the policy and its reference date above the table, as on the heatmap sheet
        self.assertEqual(rows[0][:2], (policy.name, "Peildatum"))
        header = rows[1]
        self.assertEqual(header[:4], ("Pijler", "Doel", "Indicator", "Team"))
        self.assertTrue(header[4].startswith("Waarde "))
        self.assertEqual(header[5:8], ("Streefwaarde", "Status", "T.o.v. vorige meting"))
        # last year's snapshot is the trend's column
        self.assertIn("Trend 2025-2026", header)
        talks = [r for r in rows if r[1] == "Reflective talks at all levels"]
        self.assertEqual(talks[0][3], "College")
        self.assertIn("Techniek", {r[3] for r in talks})
        self.assertEqual(len(rows) - 2, len(policy.goal_ids) * len(talks))
