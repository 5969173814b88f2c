# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A small known college for the overview and export tests, on its own framework.

Framework "Test-LOB": levels start < basis < vak < excellent (ranks 1-4) and three
competencies. Role SLB asks gesprek=vak, netwerk=basis; role Decaan asks gesprek=vak,
netwerk=vak, beleid=excellent.

==========  ========  ============  ===================  ==========================
employee    team      roles         levels (g, n, b)     gaps (g, n, b)
==========  ========  ============  ===================  ==========================
Anna        Zorg      SLB           vak, start, basis    0, 1, - (no target)
Bram        Zorg      SLB + Decaan  start, -, -          2, 3, 4 (targets vak, vak, exc.)
Cato        Techniek  SLB           excellent, basis, st 0, 0, -
Otto        (B)       SLB           vak, -, -            another company
==========  ========  ============  ===================  ==========================

Shares at target: Zorg 1/5, Techniek 2/2, both 3/7. Anna and Bram report to Mark
(manager); Cato is the employee user; Otto's company has its own HR officer.
"""

from functools import partial

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.fields import Command

from .common import LobCase, lob_user

LEVELS = (("start", 25), ("basis", 50), ("vak", 75), ("excellent", 100))
SKILLS = ("gesprek", "netwerk", "beleid")


class LobOverviewCommon(LobCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env.user)
        cls.framework = cls.env["hr.skill.type"].create(
            {
                "name": "Test-LOB",
                "lob_profile": True,
                "lob_key": "test_lob",
                "skill_level_ids": [
                    Command.create({"name": key.title(), "lob_key": key, "level_progress": p})
                    for key, p in LEVELS
                ],
            }
        )
        area = cls.env["lob.competency.area"].create(
            {"skill_type_id": cls.framework.id, "key": "begeleiden", "name": "Begeleiden"}
        )
        cls.skills = {}
        for sequence, key in enumerate(SKILLS, 1):
            cls.skills[key] = cls.env["hr.skill"].create(
                {
                    "name": key.title(),
                    "lob_key": key,
                    "sequence": sequence,
                    "skill_type_id": cls.framework.id,
                    "lob_area_id": area.id,
                }
            )
        cls.levels = {level.lob_key: level for level in cls.framework.skill_level_ids}
        cls.slb = cls._role("SLB (test)", "t_slb", 1, gesprek="vak", netwerk="basis")
        cls.decaan = cls._role(
            "Decaan (test)", "t_decaan", 2, gesprek="vak", netwerk="vak", beleid="excellent"
        )
        Department = cls.env["hr.department"]
        cls.zorg = Department.create({"name": "Zorg (test)", "company_id": cls.company.id})
        cls.techniek = Department.create({"name": "Techniek (test)", "company_id": cls.company.id})
        cls.other_team = Department.create(
            {"name": "Team B (test)", "company_id": cls.other_company.id}
        )

        user = partial(lob_user, cls.env)

        cls.officer_user = user(
            "lob_o_officer", "Olga Officer", "base.group_user,lob_hrm.group_lob_officer"
        )
        cls.manager_user = user(
            "lob_o_manager", "Mark Manager", "base.group_user,lob_hrm.group_lob_manager"
        )
        cls.employee_user = user("lob_o_employee", "Cato Employee", "base.group_user")
        cls.other_user = user(
            "lob_o_other",
            "Otto Officer",
            "base.group_user,lob_hrm.group_lob_officer",
            cls.other_company,
        )
        Employee = cls.env["hr.employee"]
        cls.mark = Employee.create(
            {"name": "Mark Manager", "user_id": cls.manager_user.id, "department_id": cls.zorg.id}
        )
        cls.anna = Employee.create(
            {"name": "Anna", "parent_id": cls.mark.id, "department_id": cls.zorg.id}
        )
        cls.bram = Employee.create(
            {"name": "Bram", "parent_id": cls.mark.id, "department_id": cls.zorg.id}
        )
        cls.cato = Employee.create(
            {
                "name": "Cato",
                "user_id": cls.employee_user.id,
                "department_id": cls.techniek.id,
            }
        )
        cls.otto = Employee.create(
            {
                "name": "Otto",
                "company_id": cls.other_company.id,
                "department_id": cls.other_team.id,
            }
        )
        year_ago = cls.today - relativedelta(years=1)
        cls._assign(cls.anna, cls.slb, year_ago)
        cls._assign(cls.bram, cls.slb, year_ago)
        cls._assign(cls.bram, cls.decaan, year_ago)
        cls._assign(cls.cato, cls.slb, year_ago)
        cls._assign(cls.otto, cls.slb, year_ago)
        # an ended role leaves the targets alone
        cls._assign(cls.cato, cls.decaan, year_ago, date_to=cls.today - relativedelta(days=1))
        cls._levels(cls.anna, gesprek="vak", netwerk="start", beleid="basis")
        cls._levels(cls.bram, gesprek="start")
        cls._levels(cls.cato, gesprek="excellent", netwerk="basis")
        cls.stale_date = cls.today - relativedelta(years=2)
        cls._levels(cls.cato, log_date=cls.stale_date, beleid="start")
        cls._levels(cls.otto, gesprek="vak")

    @classmethod
    def _role(cls, name, key, sequence, **targets):
        return cls.env["lob.role"].create(
            {
                "name": name,
                "key": key,
                "sequence": sequence,
                "skill_type_id": cls.framework.id,
                "target_ids": [
                    Command.create(
                        {
                            "skill_id": cls.skills[skill].id,
                            "skill_level_id": cls._level(level).id,
                        }
                    )
                    for skill, level in targets.items()
                ],
            }
        )

    @classmethod
    def _level(cls, key):
        return cls.framework.skill_level_ids.filtered(lambda level: level.lob_key == key)

    @classmethod
    def _assign(cls, employee, role, date_from, **values):
        return cls.env["lob.role.assignment"].create(
            {"employee_id": employee.id, "role_id": role.id, "date_from": date_from, **values}
        )

    @classmethod
    def _levels(cls, employee, log_date=None, **levels):
        EmployeeSkill = cls.env["hr.employee.skill"].with_context(lob_skill_log_date=log_date)
        return EmployeeSkill.create(
            [
                {
                    "employee_id": employee.id,
                    "skill_type_id": cls.framework.id,
                    "skill_id": cls.skills[skill].id,
                    "skill_level_id": cls._level(level).id,
                }
                for skill, level in levels.items()
            ]
        )
