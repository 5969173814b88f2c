# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shared fixture of the staff talk tests: a small hierarchy of users and a talk helper."""

from datetime import timedelta
from functools import partial

from odoo import fields

from .common import LobCommon, lob_user


class LobTalkCommon(LobCommon):
    """Eva (employee) in team Techniek under Mark (LOB manager, her conductor) under Tom
    (LOB manager higher up); Cor a colleague in the same team; Otis a manager of another team;
    Pia an extra participant; Olga HR officer; Otto HR officer of the second company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = partial(lob_user, cls.env)

        manager_groups = "base.group_user,lob_hrm.group_lob_manager"
        cls.top = user("lob_top", "Tom Top", manager_groups)
        cls.manager = user("lob_manager", "Mark Manager", manager_groups)
        cls.colleague = user("lob_colleague", "Cor Colleague")
        cls.other_manager = user("lob_other_manager", "Otis Othermanager", manager_groups)
        cls.participant = user("lob_participant", "Pia Peer")
        cls.other_team = cls.env["hr.department"].create(
            {"name": "Team Zorg", "company_id": cls.company.id}
        )
        Employee = cls.env["hr.employee"]
        cls.emp_top = Employee.create(
            {"name": "Tom Top", "user_id": cls.top.id, "company_id": cls.company.id}
        )
        cls.emp_manager = Employee.create(
            {
                "name": "Mark Manager",
                "user_id": cls.manager.id,
                "parent_id": cls.emp_top.id,
                "department_id": cls.team.id,
                "company_id": cls.company.id,
            }
        )
        cls.emp_employee = Employee.create(
            {
                "name": "Eva Employee",
                "user_id": cls.employee.id,
                "parent_id": cls.emp_manager.id,
                "department_id": cls.team.id,
                "company_id": cls.company.id,
            }
        )
        cls.emp_colleague = Employee.create(
            {
                "name": "Cor Colleague",
                "user_id": cls.colleague.id,
                "parent_id": cls.emp_manager.id,
                "department_id": cls.team.id,
                "company_id": cls.company.id,
            }
        )
        cls.emp_other_manager = Employee.create(
            {
                "name": "Otis Othermanager",
                "user_id": cls.other_manager.id,
                "department_id": cls.other_team.id,
                "company_id": cls.company.id,
            }
        )
        cls.Talk = cls.env["lob.talk"]
        cls.Answer = cls.env["lob.talk.answer"]
        cls.Agreement = cls.env["lob.talk.agreement"]
        cls.Note = cls.env["lob.talk.note"]
        cls.template = cls.performance_template

    @classmethod
    def _create_talk(cls, employee=None, template=None, user=None, **vals):
        """A talk planned by the conductor (Mark by default), a week from now."""
        return (
            cls.Talk.with_user(user or cls.manager)
            .create(
                {
                    "template_id": (template or cls.template).id,
                    "employee_id": (employee or cls.emp_employee).id,
                    "planned_date": fields.Datetime.now() + timedelta(days=7),
                    "preparation_deadline": fields.Date.today() + timedelta(days=5),
                    **vals,
                }
            )
            .with_user(cls.env.user)
        )

    @staticmethod
    def _lines(talk, party, user):
        """The answer lines of ``party`` that ``user`` can see (as a fresh request would)."""
        talk.env.invalidate_all()
        return talk.with_user(user).answer_ids.filtered(
            lambda a: a.party == party and not a.display_type
        )

    @classmethod
    def _fill(cls, talk, party, user, text):
        """Answer every prompt of ``party`` as ``user`` (text, or a valid value per type)."""
        for line in cls._lines(talk, party, user):
            line.write(cls._value(line, text))

    @staticmethod
    def _value(line, text):
        if line.answer_type == "scale":
            return {"value_scale": "4"}
        if line.answer_type == "yes_no":
            return {"value_yes_no": "yes"}
        if line.answer_type == "level":
            level = line.env["hr.skill.level"].sudo().search([], limit=1)
            return {"value_level_id": level.id}
        return {"value_text": f"{text} {line.prompt_id.id}"}
