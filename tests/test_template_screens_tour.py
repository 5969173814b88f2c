# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The template screens in a real browser, as an HR officer and as an employee."""

from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTemplateScreensTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer = new_test_user(
            cls.env,
            login="lob_tour_officer",
            name="Olga Officer",
            groups="base.group_user,lob_hrm.group_lob_officer",
        )
        cls.employee_user = new_test_user(
            cls.env, login="lob_tour_employee", name="Eva Employee", groups="base.group_user"
        )
        cls.student = cls.env.ref("lob_hrm.default_template_student_career_talk")

    def test_hr_officer_mirrors_locks_publishes_and_makes_a_variant(self):
        self.start_tour(
            f"/odoo/action-lob_hrm.lob_talk_template_action/{self.student.id}",
            "lob_hrm_template_hr",
            login=self.officer.login,
        )
        Template = self.env["lob.talk.template"]
        central = Template.search([("name", "=", "Functioneringsgesprek Tour")])
        self.assertTrue(central.central)
        self.assertEqual(central.state, "published")
        self.assertTrue(central.section_ids[0].locked)
        variant = central.variant_ids
        self.assertEqual(len(variant), 1)
        self.assertEqual(len(variant.section_ids), len(central.section_ids))
        self.assertTrue(variant.section_ids[0].is_protected)

    def test_employee_opens_the_preview_of_their_team_talk(self):
        team = self.env["hr.department"].create({"name": "Team Preview"})
        self.env["hr.employee"].create(
            {"name": "Eva Employee", "user_id": self.employee_user.id, "department_id": team.id}
        )
        staff = self.env.ref("lob_hrm.default_template_staff_performance_talk").copy(
            {"name": "Functioneringsgesprek Preview", "department_ids": [Command.set(team.ids)]}
        )
        staff.with_context(lob_publish_confirmed=True).action_publish()
        self.start_tour(
            "/odoo/action-lob_hrm.lob_talk_template_action_server",
            "lob_hrm_template_employee",
            login=self.employee_user.login,
        )
