# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCommunityTour(HttpCase):
    """In the browser: a coach records a success from a done agreement and a colleague
    reacts; a coach shares an instrument and a colleague rates it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.env.company
        cls.coach_user = new_test_user(
            cls.env,
            login="tour_coach",
            name="Carla Coach",
            groups="base.group_user,lob_hrm.group_lob_manager",
        )
        cls.colleague_user = new_test_user(cls.env, login="tour_cor", name="Cor Tour")
        cls.team = cls.env["hr.department"].create({"name": "Team Tour", "company_id": company.id})
        Employee = cls.env["hr.employee"]
        cls.coach = Employee.create(
            {"name": "Carla Coach", "user_id": cls.coach_user.id, "department_id": cls.team.id}
        )
        cls.colleague = Employee.create(
            {
                "name": "Cor Tour",
                "user_id": cls.colleague_user.id,
                "parent_id": cls.coach.id,
                "department_id": cls.team.id,
            }
        )

    def test_record_a_success_and_react(self):
        internal = self.env["lob.talk"].with_context(lob_talk_internal=True)
        talk = internal.create(
            {
                "template_id": self.env.ref("lob_hrm.default_template_staff_performance_talk").id,
                "employee_id": self.colleague.id,
            }
        )
        talk.write({"state": "signed"})
        agreement = (
            self.env["lob.talk.agreement"]
            .with_context(lob_talk_internal=True)
            .create({"talk_id": talk.id, "description": "Lead the open day", "status": "done"})
        )
        self.start_tour(
            f"/odoo/action-lob_hrm.lob_talk_agreement_action/{agreement.id}",
            "lob_hrm_success_record",
            login="tour_coach",
        )
        success = self.env["lob.success"].search([("agreement_id", "=", agreement.id)])
        self.assertEqual(len(success), 1)
        self.assertEqual(success.visibility, "college")
        self.assertEqual(success.user_id, self.coach_user)
        self.start_tour(
            f"/odoo/action-lob_hrm.lob_success_action/{success.id}",
            "lob_hrm_success_react",
            login="tour_cor",
        )
        self.assertEqual(success.reaction_ids.user_id, self.colleague_user)

    def test_share_an_instrument_and_rate_it(self):
        self.start_tour(
            "/odoo/action-lob_hrm.lob_instrument_action/new",
            "lob_hrm_instrument_share",
            login="tour_coach",
        )
        instrument = self.env["lob.instrument"].search([("name", "=", "TOUR Qualities card")])
        self.assertEqual(instrument.state, "shared")
        self.assertEqual(instrument.author_id, self.coach_user)
        self.start_tour(
            f"/odoo/action-lob_hrm.lob_instrument_action/{instrument.id}",
            "lob_hrm_instrument_rate",
            login="tour_cor",
        )
        self.assertEqual(instrument.rating_ids.user_id, self.colleague_user)
        self.assertEqual(instrument.rating_ids.rating, 5)
        self.assertEqual(instrument.rating_avg, 5)
