# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A small known college for the policy tests: 3 teams, 12 people, talks in several states,
roles with hours, professionalisation, team plans and agreements.

It lives in its own company, so that demo data never enters its figures. Every expected
number in the tests is worked out by hand from the comments below.

People (12): the director Dirk (no team) manages the three team leaders.
- Team A: leader La; a1, a2 (SLB'ers, 80 h), a3 (career coach, 100 h)
- Team B: leader Lb; b1 (SLB, 80 h), b2 (SLB, 80 h until 2025-12-31), b3
- Team C: leader Lc; c1 (SLB, 40 h from 2025-12-01), c2
School year 2025-2026; reference date NOW = 2026-03-01, past reference date PAST = 2025-11-01.
"""

import datetime as dt

from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user

from odoo.addons.base.tests.common import DISABLED_MAIL_CONTEXT

NOW = dt.date(2026, 3, 1)
PAST = dt.date(2025, 11, 1)
YEAR = 2025


def d(text):
    return dt.date.fromisoformat(text)


class LobPolicyCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **DISABLED_MAIL_CONTEXT))
        cls.college = cls.env["res.company"].create({"name": "Known College"})
        cls.other_company = cls.env["res.company"].create({"name": "Other College"})
        Employee = cls.env["hr.employee"]
        Department = cls.env["hr.department"]

        def user(login, groups, company=cls.college):
            return new_test_user(
                cls.env,
                login=login,
                name=login.replace("_", " ").title(),
                groups=groups,
                company_id=company.id,
                company_ids=[Command.set(company.ids)],
            )

        cls.director_user = user("pol_director", "base.group_user,lob_hrm.group_lob_admin")
        cls.leader_a_user = user("pol_leader_a", "base.group_user,lob_hrm.group_lob_manager")
        cls.leader_b_user = user("pol_leader_b", "base.group_user,lob_hrm.group_lob_manager")
        cls.officer_user = user("pol_officer", "base.group_user,lob_hrm.group_lob_officer")
        cls.employee_user = user("pol_employee", "base.group_user")
        cls.other_officer_user = user(
            "pol_other_officer", "base.group_user,lob_hrm.group_lob_officer", cls.other_company
        )

        def employee(name, department=None, parent=None, user=None):
            return Employee.create(
                {
                    "name": name,
                    "company_id": cls.college.id,
                    "department_id": department.id if department else False,
                    "parent_id": parent.id if parent else False,
                    "user_id": user.id if user else False,
                }
            )

        cls.dirk = employee("Dirk Director", user=cls.director_user)
        cls.team_a = Department.create({"name": "Team A", "company_id": cls.college.id})
        cls.team_b = Department.create({"name": "Team B", "company_id": cls.college.id})
        cls.team_c = Department.create({"name": "Team C", "company_id": cls.college.id})
        cls.la = employee("La Leader", cls.team_a, cls.dirk, cls.leader_a_user)
        cls.lb = employee("Lb Leader", cls.team_b, cls.dirk, cls.leader_b_user)
        cls.lc = employee("Lc Leader", cls.team_c, cls.dirk)
        cls.team_a.manager_id = cls.la
        cls.team_b.manager_id = cls.lb
        cls.team_c.manager_id = cls.lc
        cls.a1 = employee("a1", cls.team_a, cls.la, cls.employee_user)
        cls.a2 = employee("a2", cls.team_a, cls.la)
        cls.a3 = employee("a3", cls.team_a, cls.la)
        cls.b1 = employee("b1", cls.team_b, cls.lb)
        cls.b2 = employee("b2", cls.team_b, cls.lb)
        cls.b3 = employee("b3", cls.team_b, cls.lb)
        cls.c1 = employee("c1", cls.team_c, cls.lc)
        cls.c2 = employee("c2", cls.team_c, cls.lc)
        cls.people = (
            cls.dirk
            | cls.la
            | cls.lb
            | cls.lc
            | cls.a1
            | cls.a2
            | cls.a3
            | cls.b1
            | cls.b2
            | cls.b3
            | cls.c1
            | cls.c2
        )
        assert len(cls.people) == 12

        # roles
        cls.slb = cls.env.ref("lob_hrm.default_role_slb")
        cls.coach_role = cls.env.ref("lob_hrm.default_role_loopbaancoach")
        Assignment = cls.env["lob.role.assignment"]
        for emp, role, hours, start, end in (
            (cls.a1, cls.slb, 80, "2024-08-01", False),
            (cls.a2, cls.slb, 80, "2024-08-01", False),
            (cls.a3, cls.coach_role, 100, "2024-08-01", False),
            (cls.b1, cls.slb, 80, "2024-08-01", False),
            (cls.b2, cls.slb, 80, "2024-08-01", "2025-12-31"),
            (cls.c1, cls.slb, 40, "2025-12-01", False),
        ):
            Assignment.create(
                {
                    "employee_id": emp.id,
                    "role_id": role.id,
                    "hours": hours,
                    "date_from": start,
                    "date_to": end,
                }
            )

        # competencies: a1 reaches every SLB target (assessed 2025-10-01); b1 was assessed
        # once, on 2024-12-01 (over a year before NOW, within a year before PAST)
        cls.framework = cls.slb.skill_type_id
        for target in cls.slb.target_ids:
            cls._set_level(cls.a1, target.skill_id, target.skill_level_id, d("2025-10-01"))
        first = cls.slb.target_ids[:1]
        lowest = cls.framework.skill_level_ids.sorted("level_progress")[:1]
        cls._set_level(cls.b1, first.skill_id, lowest, d("2024-12-01"))

        # talks
        template = cls.env.ref("lob_hrm.default_template_staff_performance_talk")
        if template.company_id:
            template = template.copy({"company_id": False})
        cls.template = template
        cls.talk_dirk = cls._talk(cls.dirk, "signed", "2025-10-01", "2025-10-01")
        cls.talk_la = cls._talk(cls.la, "signed", "2026-01-15", "2026-01-15")
        cls.talk_a1 = cls._talk(cls.a1, "signed", "2025-09-15", "2025-09-15")
        cls.talk_a2 = cls._talk(cls.a2, "held", False, False, held="2025-11-20")
        cls.talk_b1 = cls._talk(cls.b1, "done", "2025-10-20", "2025-11-05")
        cls.talk_c1 = cls._talk(cls.c1, "signed", "2025-06-01", "2025-06-01")
        cls.talk_b3 = cls._talk(cls.b3, "cancelled", False, False, held=False)

        # agreements
        Agreement = cls.env["lob.talk.agreement"].with_context(lob_talk_internal=True)
        for talk, deadline, status in (
            (cls.talk_a1, "2025-10-01", "open"),  # overdue now and then
            (cls.talk_a1, "2025-10-01", "done"),
            (cls.talk_a1, "2026-06-01", "open"),  # not due yet
            (cls.talk_b1, "2026-01-01", "open"),  # overdue now, not due at PAST
            (cls.talk_la, "2026-02-01", "done"),
        ):
            Agreement.create(
                {
                    "talk_id": talk.id,
                    "description": f"Agreement {deadline}",
                    "deadline": deadline,
                    "status": status,
                }
            )

        # professionalisation (norm 59 h)
        Prof = cls.env["lob.professionalisation"]
        for emp, hours, day, state in (
            (cls.a1, 60, "2025-09-10", "done"),
            (cls.a2, 30, "2025-10-01", "done"),
            (cls.a2, 30, "2026-02-01", "done"),
            (cls.b1, 70, "2025-10-01", "planned"),
            (cls.c1, 59, "2025-07-15", "done"),  # the previous school year
            (cls.la, 59, "2026-01-10", "done"),
        ):
            Prof.create(
                {
                    "name": "Course",
                    "employee_id": emp.id,
                    "hours": hours,
                    "date": day,
                    "state": state,
                }
            )

        # the policy and the plans of 2025-2026
        cls.pillars = {
            key: cls.env.ref(f"lob_hrm.lob_policy_pillar_{key}")
            for key in (
                "vision_policy",
                "activities_guidance",
                "quality_monitoring",
                "professionalisation",
            )
        }
        cls.policy = cls.env["lob.policy"].create(
            {
                "name": "Known LOB policy",
                "company_id": cls.college.id,
                "school_year_from": YEAR,
                "school_year_to": YEAR,
                "monitor_school_year": YEAR,
                "monitor_date": NOW,
                "goal_ids": [
                    Command.create(
                        {
                            "name": "Talks at all levels",
                            "key": "talks",
                            "pillar_id": cls.pillars["vision_policy"].id,
                            "indicator": "talks_staff",
                            "target": 80,
                            "baseline": 20,
                        }
                    ),
                    Command.create(
                        {
                            "name": "Agreements kept",
                            "key": "agreements",
                            "pillar_id": cls.pillars["quality_monitoring"].id,
                            "indicator": "agreement_overdue",
                            "target": 10,
                            "baseline": 60,
                        }
                    ),
                ],
            }
        )
        cls.policy.sudo().action_adopt()
        Plan = cls.env["lob.team.plan"]
        cls.plan_a = Plan.create(
            {"policy_id": cls.policy.id, "department_id": cls.team_a.id, "school_year": YEAR}
        )
        cls.plan_b = Plan.create(
            {"policy_id": cls.policy.id, "department_id": cls.team_b.id, "school_year": YEAR}
        )
        cls.plan_c = Plan.create(
            {"policy_id": cls.policy.id, "department_id": cls.team_c.id, "school_year": YEAR}
        )
        (cls.plan_a | cls.plan_b).sudo().action_adopt()
        cls.plan_a.write({"adopted_date": "2025-09-20", "discussed_date": "2025-10-10"})
        cls.plan_b.write({"adopted_date": "2025-12-01"})

    @classmethod
    def _set_level(cls, employee, skill, level, log_date):
        return (
            cls.env["hr.employee.skill"]
            .with_context(lob_skill_log_date=log_date)
            .create(
                {
                    "employee_id": employee.id,
                    "skill_type_id": skill.skill_type_id.id,
                    "skill_id": skill.id,
                    "skill_level_id": level.id,
                }
            )
        )

    @classmethod
    def _talk(cls, employee, state, employee_signed, conductor_signed, held=None):
        talk = cls.env["lob.talk"].create(
            {"template_id": cls.template.id, "employee_id": employee.id}
        )
        held = held if held is not None else (employee_signed or False)
        talk.with_context(lob_talk_internal=True).write(
            {
                "state": state,
                "held_date": f"{held} 10:00:00" if held else False,
                "employee_signed_date": (
                    f"{employee_signed} 12:00:00" if employee_signed else False
                ),
                "conductor_signed_date": (
                    f"{conductor_signed} 12:00:00" if conductor_signed else False
                ),
            }
        )
        return talk

    def _figures(self, on_date=NOW, company=None):
        """{(indicator, team or None): value} of the known college."""
        figures = self.env["lob.policy.monitor"]._lob_figures(
            company or self.college, YEAR, on_date, 0.25
        )
        return {(f.indicator, f.team): f.value for f in figures}
