# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_competency_common import LobCompetencyCommon


@tagged("post_install", "-at_install")
class TestCompetencySecurity(LobCompetencyCommon):
    """Each rule is tested acting as the user it protects against."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.people = cls.manager | cls.employee | cls.trainee | cls.colleague | cls.other_employee
        cls.assignments = {e: cls._assign(e, cls.slb) for e in cls.people}
        cls.levels_of = {
            e: cls._set_level(e, "loopbaandialoog_voeren", "basisbekwaam") for e in cls.people
        }
        cls.activities = {
            e: cls.env["lob.professionalisation"].create(
                {"employee_id": e.id, "name": f"Intervisie {e.name}", "hours": 4}
            )
            for e in cls.people
        }
        cls.assessments = {}
        for employee in cls.people:
            talk = cls._talk(employee)
            cls.assessments[employee] = cls.env["lob.talk.assessment"].create(
                {"talk_id": talk.id, "skill_id": cls.skills["kent_lob_visie"].id}
            )
        cls.language_type = cls.env["hr.skill.type"].create(
            {
                "name": "Talen (test)",
                "skill_ids": [(0, 0, {"name": "Duits"})],
                "skill_level_ids": [(0, 0, {"name": "B2", "level_progress": 60})],
            }
        )
        cls.colleague_language = cls.env["hr.employee.skill"].create(
            {
                "employee_id": cls.colleague.id,
                "skill_type_id": cls.language_type.id,
                "skill_id": cls.language_type.skill_ids.id,
                "skill_level_id": cls.language_type.skill_level_ids.id,
            }
        )

    def _visible(self, user):
        """Per model, the employees whose records ``user`` can see among the fixture's."""
        env = self.env(user=user)
        result = {}
        for model, records in (
            ("lob.role.assignment", self.assignments),
            ("hr.employee.skill", self.levels_of),
            ("lob.professionalisation", self.activities),
            ("lob.talk.assessment", self.assessments),
        ):
            ids = [record.id for record in records.values()]
            found = env[model].search([("id", "in", ids)])
            result[model] = found.sudo().employee_id
        logs = env["hr.employee.skill.log"].search(
            [("employee_id", "in", self.people.ids), ("skill_type_id", "=", self.framework.id)]
        )
        result["hr.employee.skill.log"] = logs.sudo().employee_id
        return result

    def assertSees(self, user, employees):
        for model, seen in self._visible(user).items():
            self.assertEqual(seen, employees, f"{user.login} on {model}")

    def test_employee_sees_only_their_own(self):
        self.assertSees(self.employee_user, self.employee)

    def test_manager_sees_the_employees_below_them(self):
        self.assertSees(self.manager_user, self.manager | self.employee | self.trainee)

    def test_officer_sees_their_company_only(self):
        self.assertSees(self.officer_user, self.people - self.other_employee)

    def test_officer_of_another_company_sees_none_of_ours(self):
        self.assertSees(self.other_user, self.other_employee)

    def test_other_skill_types_stay_as_hr_skills_has_them(self):
        # hr_skills lets every employee read every skill; only LOB levels are private
        found = (
            self.env["hr.employee.skill"]
            .with_user(self.employee_user)
            .search([("id", "=", self.colleague_language.id)])
        )
        self.assertEqual(found, self.colleague_language)

    def test_employee_cannot_touch_a_colleagues_records(self):
        env = self.env(user=self.employee_user)
        activity = self.activities[self.colleague].with_env(env)
        with self.assertRaises(AccessError):
            activity.write({"hours": 40})
        with self.assertRaises(AccessError):
            env["lob.professionalisation"].create(
                {"employee_id": self.colleague.id, "name": "Niet van mij", "hours": 2}
            )
        with self.assertRaises(AccessError):
            self.assessments[self.colleague].with_env(env).write(
                {"self_level_id": self.levels["excellent"].id}
            )
        with self.assertRaises(AccessError):
            self.levels_of[self.colleague].with_env(env).write(
                {"skill_level_id": self.levels["excellent"].id}
            )

    def test_employee_records_their_own_activity_but_not_roles(self):
        env = self.env(user=self.employee_user)
        activity = env["lob.professionalisation"].create(
            {"employee_id": self.employee.id, "name": "Webinar LOB", "hours": 2}
        )
        activity.action_done()
        self.assertEqual(activity.state, "done")
        self.assessments[self.employee].with_env(env).write(
            {"self_level_id": self.levels["vakbekwaam"].id}
        )
        with self.assertRaises(AccessError):
            self.assignments[self.employee].with_env(env).write({"hours": 400})
        with self.assertRaises(AccessError):
            env["lob.role"].create({"name": "Eigen rol"})

    def test_manager_cannot_assign_roles_or_edit_the_framework(self):
        env = self.env(user=self.manager_user)
        with self.assertRaises(AccessError):
            env["lob.role.assignment"].create(
                {"employee_id": self.employee.id, "role_id": self.coach.id}
            )
        with self.assertRaises(AccessError):
            self.slb.with_env(env).write({"description": "Anders"})
        self.assertEqual(
            self.assessments[self.colleague]
            .with_env(env)
            .search([("id", "=", self.assessments[self.colleague].id)]),
            env["lob.talk.assessment"],
        )

    def test_officer_keeps_lob_levels_and_the_framework(self):
        env = self.env(user=self.officer_user)
        level = self.levels_of[self.colleague].with_env(env)
        level.write({"skill_level_id": self.levels["vakbekwaam"].id})
        self.assertEqual(level.skill_level_id, self.levels["vakbekwaam"])
        self.framework.with_env(env).lob_description = "Ons eigen kader"
        env["hr.skill"].create({"name": "Nieuwe competentie", "skill_type_id": self.framework.id})
        with self.assertRaises(AccessError):
            self.colleague_language.with_env(env).write(
                {"skill_level_id": self.language_type.skill_level_ids.id}
            )

    def test_each_party_sets_their_own_assessment(self):
        own = self.assessments[self.employee]
        as_employee = own.with_user(self.employee_user)
        as_employee.self_level_id = self.levels["vakbekwaam"]
        for field in ("manager_level_id", "agreed_level_id"):
            with self.assertRaisesRegex(UserError, "you cannot set"):
                as_employee.write({field: self.levels["excellent"].id})
        as_manager = own.with_user(self.manager_user)
        as_manager.write(
            {
                "manager_level_id": self.levels["basisbekwaam"].id,
                "agreed_level_id": self.levels["basisbekwaam"].id,
                "justification": "Samen besproken.",
            }
        )
        with self.assertRaisesRegex(UserError, "Self-assessment"):
            as_manager.self_level_id = self.levels["excellent"]
        self.assertEqual(own.self_level_id, self.levels["vakbekwaam"])
        self.assertEqual(own.agreed_level_id, self.levels["basisbekwaam"])

    def test_public_profile_shows_hours_to_the_employee_and_managers_only(self):
        (self.activities[self.employee] | self.activities[self.colleague]).action_done()
        Public = self.env["hr.employee.public"]
        as_manager = Public.with_user(self.manager_user).browse(self.employee.id)
        self.assertEqual(as_manager.lob_professionalisation_hours, 4)
        self.assertEqual(as_manager.lob_professionalisation_norm, 59)
        as_self = Public.with_user(self.employee_user).browse(self.employee.id)
        self.assertEqual(as_self.lob_professionalisation_hours, 4)
        as_outsider = Public.with_user(self.employee_user).browse(self.colleague.id)
        self.assertEqual(as_outsider.lob_professionalisation_hours, 0)

    def test_self_assessment_stays_private_until_shared(self):
        own = self.assessments[self.employee]
        own.with_user(self.employee_user).self_level_id = self.levels["vakbekwaam"]
        as_manager = own.with_user(self.manager_user)
        self.assertFalse(as_manager.self_level_id)
        with self.assertRaises(AccessError):
            as_manager.read(["employee_level_id"])
        with self.assertRaises(AccessError):
            self.env["lob.talk.assessment"].with_user(self.manager_user).search(
                [("employee_level_id", "=", self.levels["vakbekwaam"].id)]
            )
        self.assertEqual(own.with_user(self.employee_user).self_level_id, self.levels["vakbekwaam"])
        # HR reads it once shared, like the employee's answers
        self.assertFalse(own.with_user(self.officer_user).self_level_id)
        own.talk_id.with_context(lob_talk_internal=True).employee_shared = True
        self.env.invalidate_all()
        self.assertEqual(as_manager.self_level_id, self.levels["vakbekwaam"])
