# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The access matrix of the LOB policy: each kind of user, acting as themselves, through
read, search_read, read_group and export_data, on policies, goals, plans, snapshots and the
monitor's figures."""

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from .test_policy_common import NOW, YEAR, LobPolicyCommon


@tagged("post_install", "-at_install")
class TestPolicySecurity(LobPolicyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.draft = cls.env["lob.policy"].create(
            {
                "name": "Draft policy",
                "company_id": cls.college.id,
                "school_year_from": YEAR + 2,
                "school_year_to": YEAR + 2,
            }
        )
        cls.foreign_policy = cls.env["lob.policy"].create(
            {
                "name": "Foreign policy",
                "company_id": cls.other_company.id,
                "school_year_from": YEAR,
                "school_year_to": YEAR,
            }
        )
        cls.figures = cls.env["lob.policy.figure"]._lob_refresh(cls.policy)
        cls.snapshot = cls.env["lob.policy.snapshot"]._lob_take(cls.policy, YEAR, NOW)
        cls.snapshot_figures = cls.snapshot.figure_ids
        cls.plans = cls.plan_a | cls.plan_b | cls.plan_c
        cls.users = {
            "employee": cls.employee_user,
            "leader A": cls.leader_a_user,
            "leader B": cls.leader_b_user,
            "director": cls.director_user,
            "officer": cls.officer_user,
            "other officer": cls.other_officer_user,
        }
        # export rights, so that only the record rules can refuse an export
        export = cls.env.ref("base.group_allow_export")
        for user in cls.users.values():
            user.groups_id = [Command.link(export.id)]

    def _teams_of(self, figures):
        return {f.department_id.name or "college" for f in figures}

    def _check_every_way(self, user, model, records, expected):
        """``expected`` of ``records`` is what ``user`` reaches: by search_read, read_group
        and export_data; read of the others is refused."""
        Model = self.env[model].with_user(user)
        found = Model.search_read([("id", "in", records.ids)], ["id"])
        self.assertEqual({r["id"] for r in found}, set(expected.ids), f"{user.login} {model}")
        groups = Model.read_group([("id", "in", records.ids)], ["company_id"], ["company_id"])
        self.assertEqual(sum(g["company_id_count"] for g in groups), len(expected))
        exported = Model.search([("id", "in", records.ids)]).export_data(["id"])["datas"]
        self.assertEqual(len(exported), len(expected))
        if expected:
            Model.browse(expected.ids).read(["company_id"])
        hidden = records - expected
        if hidden:
            with self.assertRaises(AccessError):
                Model.browse(hidden[:1].ids).read(["company_id"])

    def test_policies_and_goals(self):
        policies = self.policy | self.draft | self.foreign_policy
        goals = policies.goal_ids
        adopted = self.policy
        for who, visible in (
            ("employee", adopted),
            ("leader A", adopted),
            ("leader B", adopted),
            ("director", self.policy | self.draft),
            ("officer", self.policy | self.draft),
            ("other officer", self.foreign_policy),
        ):
            with self.subTest(who=who):
                user = self.users[who]
                self._check_every_way(user, "lob.policy", policies, visible)
                self._check_every_way(user, "lob.policy.goal", goals, visible.goal_ids)

    def test_team_plans(self):
        for who, visible in (
            ("employee", self.plan_a),
            ("leader A", self.plan_a),
            ("leader B", self.plan_b),
            ("director", self.plans),
            ("officer", self.plans),
            ("other officer", self.plans.browse()),
        ):
            with self.subTest(who=who):
                self._check_every_way(self.users[who], "lob.team.plan", self.plans, visible)

    def test_team_leaders_edit_their_own_teams_plans_only(self):
        self.plan_a.with_user(self.leader_a_user).description = "<p>Our way</p>"
        with self.assertRaises(AccessError):
            self.plan_b.with_user(self.leader_a_user).description = "<p>Not ours</p>"
        with self.assertRaises(AccessError):
            self.plan_a.with_user(self.employee_user).description = "<p>Mine</p>"
        with self.assertRaises(AccessError):
            self.plan_c.with_user(self.leader_a_user).action_adopt()
        with self.assertRaises(AccessError):
            self.plan_a.with_user(self.leader_a_user).write({"state": "adopted"})
        with self.assertRaises(AccessError):
            self.draft.with_user(self.officer_user).write({"state": "adopted"})

    def test_monitor_figures(self):
        figures = self.figures | self.snapshot_figures
        teams = {
            "employee": {"college", "Team A"},
            "leader A": {"college", "Team A"},
            "leader B": {"college", "Team B"},
            "director": {"college", "Team A", "Team B", "Team C"},
            "officer": {"college", "Team A", "Team B", "Team C"},
            "other officer": set(),
        }
        for who, names in teams.items():
            with self.subTest(who=who):
                visible = figures.filtered(
                    lambda f, n=names: (f.department_id.name or "college") in n
                )
                self._check_every_way(self.users[who], "lob.policy.figure", figures, visible)

    def test_snapshots_are_immutable_for_everyone(self):
        for who, user in self.users.items():
            with self.subTest(who=who):
                snapshot = self.snapshot.with_user(user)
                with self.assertRaises(UserError):
                    snapshot.write({"school_year": YEAR + 1})
                with self.assertRaises(UserError):
                    snapshot.unlink()
        visible = {
            who: bool(
                self.env["lob.policy.snapshot"].with_user(u).search([("id", "=", self.snapshot.id)])
            )
            for who, u in self.users.items()
        }
        self.assertEqual(
            visible,
            {
                "employee": True,
                "leader A": True,
                "leader B": True,
                "director": True,
                "officer": True,
                "other officer": False,
            },
        )
