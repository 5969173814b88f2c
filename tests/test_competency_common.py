# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shared fixture of the LOB competency tests: a small team with its own users.

Employees are created here, not taken from demo data, so that the tests hold whatever demo
data exists.
"""

from functools import partial

from odoo import fields

from .common import LobCase, lob_user


class LobCompetencyCommon(LobCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.framework = cls.env.ref("lob_hrm.default_framework_raamwerk_lob")
        cls.levels = {level.lob_key: level for level in cls.framework.skill_level_ids}
        cls.skills = {skill.lob_key: skill for skill in cls.framework.skill_ids}
        cls.slb = cls.env.ref("lob_hrm.default_role_slb")
        cls.coach = cls.env.ref("lob_hrm.default_role_loopbaancoach")
        cls.team_leader_role = cls.env.ref("lob_hrm.default_role_teamleider")
        cls.team = cls.env["hr.department"].create(
            {"name": "Team Zorg (test)", "company_id": cls.company.id}
        )
        cls.other_team = cls.env["hr.department"].create(
            {"name": "Team Techniek (test)", "company_id": cls.company.id}
        )

        user = partial(lob_user, cls.env)

        cls.officer_user = user(
            "lob_c_officer", "Olga Officer", "base.group_user,lob_hrm.group_lob_officer"
        )
        cls.manager_user = user(
            "lob_c_manager", "Mark Manager", "base.group_user,lob_hrm.group_lob_manager"
        )
        cls.employee_user = user("lob_c_employee", "Eva Employee", "base.group_user")
        cls.colleague_user = user("lob_c_colleague", "Cor Colleague", "base.group_user")
        cls.other_user = user(
            "lob_c_other",
            "Otto Other",
            "base.group_user,lob_hrm.group_lob_officer",
            cls.other_company,
        )
        Employee = cls.env["hr.employee"]
        cls.manager = Employee.create(
            {
                "name": "Mark Manager",
                "user_id": cls.manager_user.id,
                "department_id": cls.team.id,
            }
        )
        cls.employee = Employee.create(
            {
                "name": "Eva Employee",
                "user_id": cls.employee_user.id,
                "parent_id": cls.manager.id,
                "department_id": cls.team.id,
            }
        )
        # below Eva: the manager sees her down the hierarchy, Eva herself is no manager
        cls.trainee = Employee.create(
            {"name": "Tim Trainee", "parent_id": cls.employee.id, "department_id": cls.team.id}
        )
        cls.colleague = Employee.create(
            {
                "name": "Cor Colleague",
                "user_id": cls.colleague_user.id,
                "department_id": cls.other_team.id,
            }
        )
        cls.other_employee = Employee.create(
            {"name": "Otto Other", "company_id": cls.other_company.id}
        )
        cls.template = cls.env.ref("lob_hrm.default_template_staff_performance_talk")
        cls.today = fields.Date.context_today(cls.env["lob.talk"])

    @classmethod
    def _assign(cls, employee, role, **values):
        return cls.env["lob.role.assignment"].create(
            {
                "employee_id": employee.id,
                "role_id": role.id,
                "hours": 40,
                "date_from": fields.Date.add(cls.today, years=-1),
                **values,
            }
        )

    @classmethod
    def _talk(cls, employee, **values):
        return cls.env["lob.talk"].create(
            {"template_id": cls.template.id, "employee_id": employee.id, **values}
        )

    @staticmethod
    def _set_state(talks, state):
        """Move talks to ``state`` directly: the talk workflow is not what these tests test."""
        talks.with_context(lob_talk_internal=True).write({"state": state})

    @classmethod
    def _set_level(cls, employee, skill_key, level_key, log_date=None):
        EmployeeSkill = cls.env["hr.employee.skill"].with_context(lob_skill_log_date=log_date)
        return EmployeeSkill.create(
            {
                "employee_id": employee.id,
                "skill_type_id": cls.framework.id,
                "skill_id": cls.skills[skill_key].id,
                "skill_level_id": cls.levels[level_key].id,
            }
        )
