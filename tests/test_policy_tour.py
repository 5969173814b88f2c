# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged

from ..lob_hrm.policy import school_year_of


@tagged("post_install", "-at_install")
class TestPolicyTour(HttpCase):
    """In the browser: the director adopts a policy; a team leader drafts a team plan and
    records that the team discussed it; the director opens the monitor and drills down from
    an indicator to the talks behind it."""

    def test_adopt_plan_and_drill_down(self):
        company = self.env.company
        today = fields.Date.context_today(self.env["lob.policy"])
        year = school_year_of(today)
        # the demo policies step aside: one policy per company and school year
        self.env["lob.policy"].search([("company_id", "=", company.id)]).write(
            {"state": "archived"}
        )
        leader_user = new_test_user(
            self.env,
            login="tour_leader",
            name="TOUR leader",
            groups="base.group_user,lob_hrm.group_lob_manager",
        )
        team = self.env["hr.department"].create({"name": "TOUR team", "company_id": company.id})
        leader = self.env["hr.employee"].create(
            {"name": "TOUR leader", "user_id": leader_user.id, "department_id": team.id}
        )
        team.manager_id = leader
        member = self.env["hr.employee"].create(
            {"name": "TOUR member", "department_id": team.id, "parent_id": leader.id}
        )
        template = self.env.ref("lob_hrm.default_template_staff_performance_talk")
        talk = self.env["lob.talk"].create({"template_id": template.id, "employee_id": member.id})
        now = fields.Datetime.now()
        talk.with_context(lob_talk_internal=True).write(
            {
                "state": "signed",
                "held_date": now,
                "employee_signed_date": now,
                "conductor_signed_date": now,
            }
        )
        policy = self.env["lob.policy"].create(
            {
                "name": "TOUR policy",
                "company_id": company.id,
                "school_year_from": year,
                "school_year_to": year,
                "monitor_school_year": year,
                "goal_ids": [
                    fields.Command.create(
                        {
                            "name": "TOUR talks",
                            "pillar_id": self.env.ref("lob_hrm.lob_policy_pillar_vision_policy").id,
                            "indicator": "talks_staff",
                            "target": 80,
                        }
                    )
                ],
            }
        )

        self.start_tour(
            "/odoo/action-lob_hrm.lob_policy_action", "lob_hrm_policy_adopt", login="admin"
        )
        self.assertEqual(policy.state, "adopted")
        self.start_tour(
            "/odoo/action-lob_hrm.lob_team_plan_action",
            "lob_hrm_team_plan_draft",
            login="tour_leader",
        )
        plan = self.env["lob.team.plan"].search([("policy_id", "=", policy.id)])
        self.assertEqual((plan.department_id, plan.school_year), (team, year))
        self.assertEqual(plan.discussed_date, today)
        self.assertEqual(plan.discussed_employee_ids, leader | member)
        self.start_tour(
            f"/odoo/action-lob_hrm.lob_policy_action/{policy.id}",
            "lob_hrm_policy_monitor",
            login="admin",
        )
