# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTalkTour(HttpCase):
    """In the browser: the employee prepares and shares; the manager answers, adds an
    agreement and marks the talk held."""

    def test_prepare_share_and_hold(self):
        company = self.env.company
        employee_user = new_test_user(self.env, login="tour_eva", name="Eva Tour")
        manager_user = new_test_user(
            self.env,
            login="tour_mark",
            name="Mark Tour",
            groups="base.group_user,lob_hrm.group_lob_manager",
        )
        team = self.env["hr.department"].create({"name": "Team Tour", "company_id": company.id})
        manager = self.env["hr.employee"].create(
            {"name": "Mark Tour", "user_id": manager_user.id, "department_id": team.id}
        )
        employee = self.env["hr.employee"].create(
            {
                "name": "Eva Tour",
                "user_id": employee_user.id,
                "parent_id": manager.id,
                "department_id": team.id,
            }
        )

        def section(key, phase, sequence, prompt):
            return Command.create(
                {
                    "key": key,
                    "title": key.replace("_", " ").title(),
                    "phase": phase,
                    "sequence": sequence,
                    "prompt_ids": [Command.create(prompt)],
                }
            )

        template = self.env["lob.talk.template"].create(
            {
                "name": "Tour talk",
                "key": "tour_talk",
                "audience": "staff",
                "section_ids": [
                    section(
                        "opening",
                        "look_back",
                        10,
                        {"key": "own", "text": "TOUR own question", "required": True},
                    ),
                    section(
                        "view",
                        "reflection",
                        20,
                        {"key": "view", "text": "TOUR manager view", "respondent": "coach"},
                    ),
                    section(
                        "next",
                        "action",
                        30,
                        {"key": "next", "text": "TOUR next step", "respondent": "together"},
                    ),
                ],
            }
        )
        template.action_publish()
        talk = (
            self.env["lob.talk"]
            .with_user(manager_user)
            .create(
                {
                    "template_id": template.id,
                    "employee_id": employee.id,
                    "planned_date": fields.Datetime.now() + timedelta(days=3),
                }
            )
        )
        talk.action_start_preparation()
        url = f"/odoo/action-lob_hrm.lob_talk_action/{talk.id}"

        self.start_tour(url, "lob_hrm_talk_employee", login="tour_eva")
        self.assertTrue(talk.employee_shared)
        self.start_tour(url, "lob_hrm_talk_manager", login="tour_mark")
        talk.invalidate_recordset()
        self.assertEqual(talk.state, "held")
        answers = {a.prompt_id.text: a.value_text for a in talk.sudo().answer_ids if a.prompt_id}
        self.assertEqual(answers["TOUR own question"], "I want to talk about my workload")
        self.assertEqual(answers["TOUR manager view"], "Eva takes initiative in the team")
        self.assertEqual(talk.agreement_ids.description, "Plan less lessons on Fridays")
