# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Talk cycles (gesprekkencyclus): generating the talks, the progress per team, who sees
what."""

from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import LobCommon, lob_user


class CycleCommon(LobCommon):
    """Two teams of company A (Zorg with a sub-team Verpleegkunde, and Bouw), their managers,
    and employees in every situation generation must handle."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Cycle = cls.env["lob.talk.cycle"]
        cls.Talk = cls.env["lob.talk"]
        cls.Progress = cls.env["lob.talk.cycle.progress"]
        cls.Employee = cls.env["hr.employee"]
        if cls.performance_template.state != "published":
            cls.performance_template.action_publish()

        cls.manager_user = lob_user(
            cls.env, "lob_manager", "Mila Manager", "base.group_user,lob_hrm.group_lob_manager"
        )
        cls.manager = cls._employee("Mila Manager", user=cls.manager_user)
        cls.nurse_lead = cls._employee("Noor Teamleider", parent=cls.manager)
        cls.builder_lead = cls._employee("Bas Bouwleider")

        cls.zorg = cls.env["hr.department"].create(
            {"name": "Zorg", "company_id": cls.company.id, "manager_id": cls.manager.id}
        )
        cls.verpleegkunde = cls.env["hr.department"].create(
            {
                "name": "Verpleegkunde",
                "company_id": cls.company.id,
                "parent_id": cls.zorg.id,
                "manager_id": cls.nurse_lead.id,
            }
        )
        cls.bouw = cls.env["hr.department"].create(
            {"name": "Bouw", "company_id": cls.company.id, "manager_id": cls.builder_lead.id}
        )
        # hr recomputes the manager from a new team: set both together
        cls.manager.department_id = cls.zorg
        cls.nurse_lead.write({"department_id": cls.verpleegkunde.id, "parent_id": cls.manager.id})
        cls.builder_lead.department_id = cls.bouw

        cls.employee_record = cls._employee(
            "Eva Employee", user=cls.employee, department=cls.zorg, parent=cls.manager
        )
        # no user: still gets a talk
        cls.anna = cls._employee("Anna Zonder Account", department=cls.zorg, parent=cls.manager)
        # no manager: a talk without conductor, counted as such
        cls.kim = cls._employee("Kim Zonder Leidinggevende", department=cls.zorg)
        cls.nurse = cls._employee(
            "Pieter Verpleger", department=cls.verpleegkunde, parent=cls.nurse_lead
        )
        cls.archived = cls._employee("Gea Gestopt", department=cls.zorg, parent=cls.manager)
        cls.archived.action_archive()
        cls.builder = cls._employee("Bo Bouwer", department=cls.bouw, parent=cls.builder_lead)

    @classmethod
    def _employee(cls, name, user=None, department=None, parent=None, company=None):
        return cls.env["hr.employee"].create(
            {
                "name": name,
                "user_id": user.id if user else False,
                "department_id": department.id if department else False,
                "parent_id": parent.id if parent else False,
                "company_id": (company or cls.company).id,
            }
        )

    def _cycle(self, teams, user=None, **values):
        return self.Cycle.with_user(user or self.officer).create(
            {
                "name": "Functioneringsgesprekken 2026",
                "template_id": self.performance_template.id,
                "department_ids": [Command.set(teams.ids)],
                "date_start": date(2026, 9, 1),
                "date_end": date(2027, 6, 30),
                **values,
            }
        )


@tagged("post_install", "-at_install")
class TestTalkCycle(CycleCommon):
    def test_officer_generates_talks(self):
        cycle = self._cycle(self.zorg)
        self.assertEqual(cycle.state, "draft")
        action = cycle.action_generate_talks()
        self.assertEqual(action["params"]["type"], "success")
        self.assertEqual(cycle.state, "running")

        talks = cycle.talk_ids
        # the sub-team's employees are included, the archived one and the other team not
        self.assertEqual(
            talks.employee_id,
            self.manager
            | self.nurse_lead
            | self.employee_record
            | self.anna
            | self.kim
            | self.nurse,
        )
        self.assertEqual(set(talks.mapped("state")), {"planned"})
        self.assertEqual(talks.template_id, self.performance_template)
        by_employee = {talk.employee_id: talk for talk in talks}
        self.assertEqual(by_employee[self.employee_record].conductor_id, self.manager)
        self.assertEqual(by_employee[self.nurse].conductor_id, self.nurse_lead)
        self.assertEqual(by_employee[self.nurse].department_id, self.verpleegkunde)
        self.assertFalse(by_employee[self.kim].conductor_id)
        # hr made Mila, who leads Zorg, her own manager; no team above: no conductor
        self.assertEqual(self.manager.parent_id, self.manager)
        self.assertFalse(by_employee[self.manager].conductor_id)
        self.assertFalse(by_employee[self.anna].employee_user_id)
        self.assertEqual(cycle.talk_count, 6)

        # a second run plans nothing and says so
        action = cycle.action_generate_talks()
        self.assertEqual(action["params"]["type"], "info")
        self.assertEqual(cycle.talk_ids, talks)

    def test_generation_adds_newcomers_only(self):
        cycle = self._cycle(self.bouw)
        cycle.action_generate_talks()
        self.assertEqual(cycle.talk_ids.employee_id, self.builder_lead | self.builder)
        newcomer = self._employee("Nina Nieuw", department=self.bouw, parent=self.builder_lead)
        # the cycle is half way: the newcomer's conductor plans within two weeks, not later
        # than the end of the cycle
        today = fields.Date.today()
        cycle.write(
            {"date_start": today - timedelta(days=100), "date_end": today + timedelta(days=7)}
        )
        # a cancelled talk still counts: HR cancelled it on purpose
        cycle.talk_ids.filtered(lambda t: t.employee_id == self.builder).action_cancel()
        talks = cycle._generate_talks()
        self.assertEqual(talks.employee_id, newcomer)
        self.assertEqual(talks.activity_ids.date_deadline, today + timedelta(days=7))
        self.assertEqual(len(cycle.talk_ids), 3)

    def test_team_leader_talks_with_the_manager_above(self):
        # Sam leads a sub-team of Zorg and joins it: hr makes Sam their own manager
        sam = self._employee("Sam Subteamleider")
        sub_team = self.env["hr.department"].create(
            {"name": "Verzorging", "parent_id": self.zorg.id, "manager_id": sam.id}
        )
        sam.department_id = sub_team
        self.assertEqual(sam.parent_id, sam)
        cycle = self._cycle(sub_team)
        cycle.action_generate_talks()
        self.assertEqual(cycle.talk_ids.conductor_id, self.manager)

    def test_another_company_never_included(self):
        # a team shared by both companies (no company) holds an employee of each
        shared_team = self.env["hr.department"].create({"name": "Gedeeld", "company_id": False})
        ours = self._employee("Onze Collega", department=shared_team)
        self._employee("Andere Collega", department=shared_team, company=self.other_company)
        cycle = self._cycle(shared_team)
        cycle.action_generate_talks()
        self.assertEqual(cycle.talk_ids.employee_id, ours)
        self.assertEqual(cycle.talk_ids.company_id, self.company)

    def test_conductor_gets_a_planning_todo(self):
        today = fields.Date.today()
        start = today + timedelta(days=30)
        cycle = self._cycle(self.zorg, date_start=start, date_end=start + timedelta(days=200))
        cycle.action_generate_talks()
        talks = {talk.employee_id: talk for talk in cycle.talk_ids}
        planning = self.env.ref("lob_hrm.mail_activity_type_talk_planning")

        def todo(employee):
            return talks[employee].activity_ids.filtered(lambda a: a.activity_type_id == planning)

        self.assertEqual(todo(self.employee_record).user_id, self.manager_user)
        self.assertEqual(todo(self.anna).user_id, self.manager_user)
        # no conductor, or a conductor without a user: HR who generated holds the to-do
        self.assertEqual(todo(self.kim).user_id, self.officer)
        self.assertEqual(todo(self.nurse).user_id, self.officer)
        # due two weeks into the cycle
        self.assertEqual(todo(self.anna).date_deadline, start + timedelta(days=14))
        # inviting the employee to prepare ends the conductor's to-do
        talk = talks[self.employee_record].with_user(self.manager_user)
        talk.planned_date = fields.Datetime.now() + timedelta(days=40)
        talk.action_start_preparation()
        self.assertFalse(todo(self.employee_record))
        self.assertEqual(talk.state, "preparation")
        self.assertIn(self.employee, talk.activity_ids.user_id)

    def test_window_must_not_end_before_start(self):
        with self.assertRaisesRegex(ValidationError, "Functioneringsgesprekken 2026.*before"):
            self._cycle(self.zorg, date_end=date(2026, 8, 31))
        cycle = self._cycle(self.zorg)
        with self.assertRaisesRegex(ValidationError, "ends .* before it starts"):
            cycle.date_start = date(2027, 7, 1)
        # the refused change never reaches the database
        self.env.invalidate_all(flush=False)
        self.assertEqual(cycle.date_start, date(2026, 9, 1))

    def test_template_staff_and_same_company(self):
        with self.assertRaisesRegex(ValidationError, "needs a staff template"):
            self._cycle(self.zorg, template_id=self.student_template.id)
        other_template = self.performance_template.copy(
            {"name": "Gesprek Tweede College", "company_id": self.other_company.id}
        )
        with self.assertRaisesRegex(ValidationError, "Tweede College"):
            self._cycle(self.zorg, template_id=other_template.id)

    def test_unpublished_template_refused_at_generation(self):
        draft = self.performance_template.copy({"name": "Nog niet klaar"})
        self.assertEqual(draft.state, "draft")
        cycle = self._cycle(self.zorg, template_id=draft.id)
        with self.assertRaisesRegex(UserError, "Nog niet klaar.*not published"):
            cycle.action_generate_talks()
        self.assertFalse(cycle.talk_ids)
        self.assertEqual(cycle.state, "draft")

    def test_teams_of_the_company(self):
        other_team = self.env["hr.department"].create(
            {"name": "Team elders", "company_id": self.other_company.id}
        )
        with self.assertRaises(UserError):
            self._cycle(self.zorg | other_team)

    def test_cycle_without_teams_refuses_to_generate(self):
        cycle = self._cycle(self.env["hr.department"])
        with self.assertRaisesRegex(UserError, "has no teams"):
            cycle.action_generate_talks()

    def test_states(self):
        cycle = self._cycle(self.bouw)
        cycle.action_start()
        self.assertEqual(cycle.state, "running")
        cycle.action_reset_to_draft()
        self.assertEqual(cycle.state, "draft")
        cycle.action_generate_talks()
        with self.assertRaisesRegex(UserError, "already has talks"):
            cycle.action_reset_to_draft()
        cycle.action_close()
        self.assertEqual(cycle.state, "closed")
        newcomer = self._employee("Nina Nieuw", department=self.bouw)
        with self.assertRaisesRegex(UserError, "closed"):
            cycle.action_generate_talks()
        with self.assertRaises(UserError):
            cycle.action_close()
        cycle.action_reopen()
        cycle.action_generate_talks()
        self.assertIn(newcomer, cycle.talk_ids.employee_id)
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            cycle.unlink()


@tagged("post_install", "-at_install")
class TestTalkCycleProgress(CycleCommon):
    def _set_state(self, employee, state):
        # a fixture shortcut: the talk workflow itself is tested with the talks
        talk = self.cycle.talk_ids.filtered(lambda t: t.employee_id == employee)
        talk.sudo().with_context(lob_talk_internal=True).write({"state": state})
        return talk

    def setUp(self):
        super().setUp()
        self.cycle = self._cycle(self.zorg | self.bouw)
        self.cycle.action_generate_talks()
        # Zorg: manager planned, Eva held, Anna signed, Kim done, a cancelled one left out
        self._set_state(self.employee_record, "held")
        self._set_state(self.anna, "signed")
        self._set_state(self.kim, "done")
        self.cancelled = self._employee("Cas Geannuleerd", department=self.zorg)
        self.cycle._generate_talks()
        self._set_state(self.cancelled, "cancelled")
        # Verpleegkunde: both in preparation, one of them past its date
        self._set_state(self.nurse, "preparation")
        self._set_state(self.nurse_lead, "preparation").planned_date = "2026-01-05 10:00:00"
        # Bouw: one signed, one planned
        self._set_state(self.builder, "signed")
        self.Talk._cron_update_overdue()
        self.env.flush_all()

    def _rows(self, user=None):
        rows = self.Progress.with_user(user or self.officer).search(
            [("cycle_id", "=", self.cycle.id)]
        )
        return {row.department_id: row for row in rows}

    def test_progress_per_team(self):
        rows = self._rows()
        self.assertEqual(set(rows), {self.zorg, self.verpleegkunde, self.bouw})
        zorg = rows[self.zorg]
        # manager, Eva, Anna, Kim; Cas is cancelled
        self.assertEqual(
            (zorg.talk_count, zorg.planned_count, zorg.held_count, zorg.signed_count),
            (4, 1, 1, 2),
        )
        self.assertAlmostEqual(zorg.planned_share, 25.0)
        self.assertAlmostEqual(zorg.held_share, 25.0)
        self.assertAlmostEqual(zorg.signed_share, 50.0)
        self.assertEqual(zorg.no_conductor_count, 2)  # Kim has no manager, Mila leads Zorg
        self.assertEqual(zorg.overdue_count, 0)

        nursing = rows[self.verpleegkunde]
        self.assertEqual((nursing.talk_count, nursing.planned_count), (2, 2))
        self.assertAlmostEqual(nursing.planned_share, 100.0)
        self.assertEqual(nursing.overdue_count, 1)

        bouw = rows[self.bouw]
        self.assertEqual((bouw.talk_count, bouw.signed_count), (2, 1))
        self.assertAlmostEqual(bouw.signed_share, 50.0)

        # the cycle's own totals: 3 signed of 8 talks
        self.cycle.invalidate_recordset()
        self.assertEqual(self.cycle.talk_count, 8)
        self.assertEqual(self.cycle.signed_share, 38)  # 37.5 %, shown rounded
        self.assertEqual(self.cycle.overdue_count, 1)

        # the pivot and graph group the same rows
        groups = self.Progress._read_group(
            [("cycle_id", "=", self.cycle.id)], [], ["talk_count:sum", "signed_count:sum"]
        )
        self.assertEqual(groups, [(8, 3)])


@tagged("post_install", "-at_install")
class TestTalkCycleSecurity(CycleCommon):
    def setUp(self):
        super().setUp()
        self.cycle = self._cycle(self.zorg)
        self.cycle.action_generate_talks()
        self.bouw_cycle = self._cycle(self.bouw, name="Bouw 2026")
        self.bouw_cycle.action_generate_talks()
        self.env.flush_all()

    def test_manager_reads_cycles_and_progress_of_their_teams(self):
        cycles = self.Cycle.with_user(self.manager_user).search([])
        self.assertIn(self.cycle, cycles)
        self.assertNotIn(self.bouw_cycle, cycles)
        # their team and the sub-team led by their subordinate, not the other team
        rows = self.Progress.with_user(self.manager_user).search([])
        self.assertEqual(rows.department_id, self.zorg | self.verpleegkunde)
        with self.assertRaises(AccessError):
            self.bouw_cycle.with_user(self.manager_user).read(["name"])
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.manager_user).write({"name": "Anders"})
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.manager_user).action_generate_talks()

    def test_employee_cannot_create_or_read_cycles(self):
        with self.assertRaises(AccessError):
            self._cycle(self.zorg, user=self.employee)
        self.assertFalse(self.Cycle.with_user(self.employee).search([]))
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.employee).read(["name"])
        with self.assertRaises(AccessError):
            self.Progress.with_user(self.employee).search([])

    def test_other_company_hr_sees_nothing(self):
        self.assertFalse(self.Cycle.with_user(self.other_user).search([]))
        self.assertFalse(self.Progress.with_user(self.other_user).search([]))
        with self.assertRaises(AccessError):
            self.cycle.with_user(self.other_user).read(["name"])


@tagged("post_install", "-at_install")
class TestTalkCycleScale(CycleCommon):
    def test_queries_do_not_grow_per_employee(self):
        teams = self.env["hr.department"].create(
            [{"name": name, "company_id": self.company.id} for name in ("Klein team", "Groot team")]
        )
        small, large = teams
        self.Employee.create(
            [{"name": f"Klein {i}", "department_id": small.id} for i in range(50)]
            + [
                {"name": f"Groot {i}", "department_id": large.id, "parent_id": self.manager.id}
                for i in range(500)
            ]
        )
        counts = {}
        for team, size in ((small, 50), (large, 500)):
            cycle = self._cycle(team)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            # with mail's tracking and followers on, as in real use
            cycle.with_env(self.env(user=self.officer, context={})).action_generate_talks()
            self.env.flush_all()
            counts[size] = self.cr.sql_log_count - before
            self.assertEqual(len(cycle.talk_ids), size)
            # the second run creates nothing
            self.assertEqual(cycle._generate_talks(), self.Talk)
            self.assertEqual(len(cycle.talk_ids), size)
        # No query per employee: employees, existing talks, talks, their activities and
        # followers each in one batch. What grows is the ORM's batching of the answer lines
        # (a hundred rows per INSERT, some 19 lines a talk): measured 86 vs 237 queries.
        self.assertLess(counts[500] - counts[50], 450 / 2, counts)


@tagged("post_install", "-at_install")
class TestTalkCycleDemo(CycleCommon):
    """The demo college, when installed, shows a cycle in every talk state whose talks obey
    the talk's own rules."""

    def test_demo_cycle_is_alive(self):
        cycle = self.env.ref("lob_hrm.lob_talk_cycle_demo", raise_if_not_found=False)
        if not cycle:
            self.skipTest("installed without demo data")
        talks = cycle.talk_ids
        self.assertEqual(
            set(talks.mapped("state")),
            {"planned", "preparation", "held", "signed", "done", "cancelled"},
        )
        for talk in talks.filtered(lambda t: t.state in ("signed", "done")):
            self.assertTrue(talk.employee_signed_date and talk.conductor_signed_date, talk.name)
            self.assertTrue(talk.agreement_ids, talk.name)
            with self.assertRaisesRegex(UserError, "signed and locked"):
                talk.with_user(self.officer).write({"planned_date": fields.Datetime.now()})
        self.assertTrue(talks.filtered("is_overdue"))
        # the guest teacher without a manager: a talk without conductor, counted per team
        esra = self.env.ref("lob_hrm.hr_employee_esra_demo")
        self.assertFalse(talks.filtered(lambda t: t.employee_id == esra).conductor_id)
        rows = self.Progress.search([("cycle_id", "=", cycle.id)])
        self.assertEqual(
            sum(rows.mapped("talk_count")), len(talks.filtered(lambda t: t.state != "cancelled"))
        )
        self.assertEqual(sum(rows.mapped("no_conductor_count")), 1)
        # generating again adds nobody
        self.assertFalse(cycle.with_user(self.officer)._generate_talks())
