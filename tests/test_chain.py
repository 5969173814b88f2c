# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .test_talk_common import LobTalkCommon


@tagged("post_install", "-at_install")
class TestChain(LobTalkCommon):
    """Chain partners and chain activities: who manages them, the chain role every partner
    needs, external supervisors in professionalisation, and the pivot per team and year."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.vmbo = Partner.create(
            {"name": "Vmbo De Brug", "is_company": True, "lob_chain_role": "vmbo"}
        )
        cls.company_partner = Partner.create(
            {"name": "Bouwbedrijf Jansen", "is_company": True, "lob_chain_role": "company"}
        )
        cls.supervisor = Partner.create(
            {"name": "Piet Praktijkbegeleider", "parent_id": cls.company_partner.id}
        )
        cls.plain = Partner.create({"name": "Bakkerij zonder rol", "is_company": True})
        cls.Activity = cls.env["lob.chain.activity"]
        export = cls.env.ref("base.group_allow_export")
        for user in (cls.employee, cls.manager, cls.other_user):
            user.groups_id = [Command.link(export.id)]

    def _activity(self, user, **vals):
        return self.Activity.with_user(user).create(
            {
                "name": "Meeloopdag",
                "kind": "shadow_day",
                "date": date(2026, 3, 10),
                "department_ids": [Command.set(self.team.ids)],
                "partner_ids": [Command.set(self.vmbo.ids)],
                "students_reached": 25,
                **vals,
            }
        )

    def test_partner_without_chain_role_is_refused(self):
        with (
            self.assertRaisesRegex(ValidationError, "Bakkerij zonder rol has no chain role"),
            self.env.cr.savepoint(),
        ):
            self._activity(self.manager, partner_ids=[Command.set((self.vmbo | self.plain).ids)])
        self.assertFalse(self.Activity.search([("name", "=", "Meeloopdag")]))
        # a contact of a chain company (a company supervisor) takes its company's role
        activity = self._activity(self.manager, partner_ids=[Command.set(self.supervisor.ids)])
        self.assertEqual(activity.partner_ids.lob_chain_role_effective, "company")

    def test_who_manages_the_chain(self):
        activity = self._activity(self.manager)
        with self.assertRaises(AccessError):
            self._activity(self.employee)
        with self.assertRaises(AccessError):
            activity.with_user(self.employee).write({"students_reached": 1})
        with self.assertRaises(AccessError):
            self.plain.with_user(self.employee).write({"lob_chain_role": "alumni"})
        self.plain.with_user(self.officer).write({"lob_chain_role": "alumni"})
        # everybody of the company reads it, through every channel; the other company never
        for user, sees in ((self.employee, True), (self.manager, True), (self.other_user, False)):
            Activity = self.Activity.with_user(user)
            domain = [("id", "=", activity.id)]
            self.assertEqual(bool(Activity.search_read(domain, ["name"])), sees, user.name)
            groups = Activity.read_group(domain, ["kind"], ["kind"])
            self.assertEqual(bool(groups), sees, user.name)
            if sees:
                self.assertTrue(activity.with_user(user).export_data(["name"])["datas"])
            else:
                with self.assertRaises(AccessError):
                    activity.with_user(user).read(["name"])

    def test_pivot_per_team_and_year(self):
        self._activity(self.manager)
        self._activity(
            self.manager,
            date=date(2027, 2, 1),
            department_ids=[Command.set((self.team | self.other_team).ids)],
            students_reached=10,
        )
        groups = self.Activity.with_user(self.officer)._read_group(
            [], ["department_ids", "year"], ["__count", "students_reached:sum"]
        )
        cells = {(team.name, year): (count, reached) for team, year, count, reached in groups}
        self.assertEqual(cells[("Team Techniek", 2026)], (1, 25))
        self.assertEqual(cells[("Team Techniek", 2027)], (1, 10))
        self.assertEqual(cells[("Team Zorg", 2027)], (1, 10))
        self.assertNotIn(("Team Zorg", 2026), cells)

    def test_company_supervisors_join_professionalisation(self):
        training = (
            self.env["lob.professionalisation"]
            .with_user(self.employee)
            .create(
                {
                    "name": "Reflective career talks with company supervisors",
                    "chain_participant_ids": [Command.set(self.supervisor.ids)],
                }
            )
        )
        self.assertEqual(training.chain_participant_count, 1)
        self.assertEqual(training.employee_id, self.emp_employee)
        with self.assertRaisesRegex(ValidationError, "has no chain role"), self.env.cr.savepoint():
            training.write({"chain_participant_ids": [Command.link(self.plain.id)]})
