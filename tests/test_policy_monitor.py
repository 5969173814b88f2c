# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every indicator of the monitor equals a hand-computed value on the known college: per
team, college-wide, and at a past reference date; "no data" on an empty college; and a
constant number of queries whatever the number of employees or teams."""

from odoo.tests import tagged

from .test_policy_common import NOW, PAST, YEAR, LobPolicyCommon


@tagged("post_install", "-at_install")
class TestPolicyMonitor(LobPolicyCommon):
    def assertFigures(self, figures, indicator, expected):
        """``expected``: {team record or None: value}."""
        got = {
            (team.name if team else "college"): figures.get((indicator, team.id if team else None))
            for team in expected
        }
        want = {(team.name if team else "college"): value for team, value in expected.items()}
        self.assertEqual(got, want, indicator)

    def test_1_talks_at_all_levels(self):
        A, B, C = self.team_a, self.team_b, self.team_c
        now = self._figures(NOW)
        # signed in 2025-2026 by NOW: Dirk, La, a1, b1 (c1 signed last school year, a2 is
        # held but unsigned, b3 cancelled)
        self.assertFigures(now, "talks_staff", {A: 50.0, B: 25.0, C: 0.0, None: 33.33})
        # coaches (role holders on NOW): a1, a2, a3 | b1 | c1
        self.assertFigures(now, "talks_coach", {A: 33.33, B: 100.0, C: 0.0, None: 40.0})
        self.assertFigures(now, "talks_leader", {A: 100.0, B: 0.0, C: 0.0, None: 33.33})
        # the director has no team: the college only
        self.assertFigures(now, "talks_director", {A: None, None: 100.0})
        past = self._figures(PAST)
        # by PAST only Dirk and a1 signed (b1's conductor signed on 2025-11-05)
        self.assertFigures(past, "talks_staff", {A: 25.0, B: 0.0, C: 0.0, None: 16.67})
        # coaches on PAST: a1, a2, a3 | b1, b2 | none in C (c1 starts 2025-12-01)
        self.assertFigures(past, "talks_coach", {A: 33.33, B: 0.0, C: None, None: 20.0})

    def test_2_competencies(self):
        A, B, C = self.team_a, self.team_b, self.team_c
        n_slb = len(self.slb.target_ids)
        n_coach = len(self.coach_role.target_ids)
        self.assertTrue(n_slb and n_coach)
        now = self._figures(NOW)
        # a1 reaches all SLB targets; a2 (SLB) and a3 (coach) none
        a_share = round(100.0 * n_slb / (2 * n_slb + n_coach), 2)
        self.assertFigures(
            now,
            "competency_at_target",
            {A: a_share, B: 0.0, C: 0.0, None: round(100.0 * n_slb / (4 * n_slb + n_coach), 2)},
        )
        # not assessed for over a year on NOW: a2, a3 (never), b1 (2024-12-01), c1 (never)
        self.assertFigures(now, "competency_unassessed", {A: 66.67, B: 100.0, C: 100.0, None: 80.0})
        # on PAST: holders a1, a2, a3, b1, b2; b1's assessment is 335 days old
        self.assertFigures(
            self._figures(PAST),
            "competency_unassessed",
            {A: 66.67, B: 50.0, C: None, None: 60.0},
        )

    def test_3_professionalisation(self):
        A, B, C = self.team_a, self.team_b, self.team_c
        now = self._figures(NOW)
        # at the 59-hour norm: a1 (60), a2 (30 + 30), La (59); b1's 70 hours are planned only
        self.assertFigures(now, "prof_at_norm", {A: 75.0, B: 0.0, C: 0.0, None: 25.0})
        # team A: 0, 59, 60, 60 → 59.5; the college: nine zeros, 59, 60, 60 → 0
        self.assertFigures(now, "prof_median_hours", {A: 59.5, B: 0.0, C: 0.0, None: 0.0})
        past = self._figures(PAST)
        self.assertFigures(past, "prof_at_norm", {A: 25.0, B: 0.0, None: 8.33})
        self.assertFigures(past, "prof_median_hours", {A: 15.0})

    def test_4_template_alignment(self):
        A, B, C = self.team_a, self.team_b, self.team_c
        self.template.sudo().write({"department_ids": [(6, 0, (A | B).ids)]})
        other = self.template.copy({"company_id": self.college.id})
        other.with_context(lob_talk_internal=True).write(
            {"state": "published", "department_ids": [(6, 0, B.ids)]}
        )
        # the scores as the alignment check left them; the copy drifted from its student
        # template
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE lob_talk_template SET alignment_score = 80, has_drift = false WHERE id = %s",
            (self.template.id,),
        )
        self.env.cr.execute(
            "UPDATE lob_talk_template SET alignment_score = 60, has_drift = true WHERE id = %s",
            (other.id,),
        )
        self.env.invalidate_all()
        now = self._figures(NOW)
        self.assertFigures(now, "template_alignment", {A: 80.0, B: 70.0, C: None, None: 70.0})
        self.assertFigures(now, "template_drift", {A: 0.0, B: 50.0, C: None, None: 50.0})

    def test_5_role_hours_consistent(self):
        A, B, C = self.team_a, self.team_b, self.team_c
        # NOW: SLB holders 80, 80 (A), 80 (B), 40 (C): median 80, C is 50 % off
        self.assertFigures(
            self._figures(NOW), "role_hours_consistent", {A: 100.0, B: 100.0, C: 0.0, None: 75.0}
        )
        # PAST: b2 still holds the role and c1 not yet: all in line, C has no roles
        self.assertFigures(
            self._figures(PAST),
            "role_hours_consistent",
            {A: 100.0, B: 100.0, C: None, None: 100.0},
        )

    def test_6_team_plans(self):
        A, B, C = self.team_a, self.team_b, self.team_c
        now = self._figures(NOW)
        self.assertFigures(now, "plan_adopted", {A: 100.0, B: 100.0, C: 0.0, None: 66.67})
        self.assertFigures(now, "plan_discussed", {A: 100.0, B: 0.0, C: 0.0, None: 33.33})
        past = self._figures(PAST)
        self.assertFigures(past, "plan_adopted", {A: 100.0, B: 0.0, C: 0.0, None: 33.33})

    def test_7_agreements_overdue(self):
        A, B, C = self.team_a, self.team_b, self.team_c
        # NOW: due a1's two of 2025-10-01 (one open) and La's (done); b1's (open)
        self.assertFigures(
            self._figures(NOW), "agreement_overdue", {A: 33.33, B: 100.0, C: None, None: 50.0}
        )
        self.assertFigures(self._figures(PAST), "agreement_overdue", {A: 50.0, B: None, None: 50.0})

    def test_goal_status_on_the_policy(self):
        talks, agreements = (
            self.policy.goal_ids.sorted("key")[1],
            self.policy.goal_ids.sorted("key")[0],
        )
        # talks: 33.33 from 20 towards 80 is less than halfway: off track
        self.assertAlmostEqual(talks.value, 33.33)
        self.assertEqual(talks.status, "off_track")
        # agreements overdue: 50 from 60 towards 10, a fifth of the way: off track
        self.assertEqual(agreements.status, "off_track")

    def test_empty_college_shows_no_data(self):
        empty = self.env["res.company"].create({"name": "Empty College"})
        figures = self.env["lob.policy.monitor"]._lob_figures(empty, YEAR, NOW)
        self.assertTrue(figures)
        self.assertEqual({f.value for f in figures}, {None})
        self.assertEqual({f.team for f in figures}, {None})

    def test_drilldown_opens_the_records_behind_a_number(self):
        figure = (
            self.env["lob.policy.figure"]
            ._lob_refresh(self.policy)
            .filtered(lambda f: f.indicator == "talks_staff" and f.department_id == self.team_a)
        )
        self.assertEqual(figure.numerator, 2)
        # the college goal: 80 % from a baseline of 20; team A's 50 % is halfway: at risk
        self.assertEqual((figure.target, figure.status, figure.health), (80.0, "at_risk", 2.0))
        action = figure.action_open_records()
        talks = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(talks, self.talk_la | self.talk_a1)
        college = self.env["lob.policy.figure"].search(
            [
                ("policy_id", "=", self.policy.id),
                ("indicator", "=", "agreement_overdue"),
                ("is_college", "=", True),
            ]
        )
        action = college.action_open_records()
        agreements = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(len(agreements), college.numerator)
        self.assertEqual(
            set(agreements.mapped("deadline")), {PAST.replace(2025, 10, 1), NOW.replace(2026, 1, 1)}
        )

    def test_heatmap_rows_and_totals_read_right(self):
        """The pivot of teams × indicators: the college's row is labelled as the college,
        and an indicator's total is the college's figure, not the average of the rows,
        also for a team leader who sees only their team and the college."""
        self.env["lob.policy.figure"]._lob_refresh(self.policy)
        college_label = (False, "Whole college")
        for user in (self.director_user, self.leader_a_user):
            Figure = self.env["lob.policy.figure"].with_user(user)
            domain = [("policy_id", "=", self.policy.id), ("snapshot_id", "=", False)]
            cells = Figure.read_group(
                domain,
                ["value:avg", "health:avg", "numerator:sum", "denominator:sum"],
                ["department_id", "indicator"],
                lazy=False,
            )
            talks = {
                c["department_id"]: (c["value"], c["numerator"], c["denominator"])
                for c in cells
                if c["indicator"] == "talks_staff"
            }
            self.assertEqual(talks[college_label], (33.33, 4, 12), user.login)
            self.assertEqual(talks[(self.team_a.id, "Team A")], (50.0, 2, 4), user.login)
            self.assertEqual(len(talks), 4 if user == self.director_user else 2, user.login)
            # the total row (grouped by indicator only): the college's figure
            totals = {
                t["indicator"]: (t["value"], t["numerator"], t["denominator"], t["health"])
                for t in Figure.read_group(
                    domain,
                    ["value:avg", "health:avg", "numerator:sum", "denominator:sum"],
                    ["indicator"],
                )
            }
            # the college's 33.33 % is off track against 80 % from 20 %
            self.assertEqual(totals["talks_staff"], (33.33, 4, 12, 1.0), user.login)
            self.assertEqual(totals["agreement_overdue"][:3], (50.0, 2, 4), user.login)
            # a team's row over all indicators: no sum of shares, the statuses averaged
            rows = {
                r["department_id"]: r
                for r in Figure.read_group(
                    domain, ["value:avg", "health:avg", "numerator:sum"], ["department_id"]
                )
            }
            self.assertIn(college_label, rows, user.login)
            team_a = rows[(self.team_a.id, "Team A")]
            self.assertFalse(team_a["value"], user.login)
            self.assertFalse(team_a["numerator"], user.login)
            # team A: talks at risk (2), overdue agreements at risk (2); no other goals
            self.assertEqual(team_a["health"], 2.0, user.login)


@tagged("post_install", "-at_install")
class TestPolicyMonitorQueries(LobPolicyCommon):
    def _grow(self, company, teams, employees):
        departments = self.env["hr.department"].create(
            [{"name": f"Team {i}", "company_id": company.id} for i in range(teams)]
        )
        people = self.env["hr.employee"].create(
            [
                {
                    "name": f"Employee {i}",
                    "company_id": company.id,
                    "department_id": departments[i % teams].id,
                }
                for i in range(employees)
            ]
        )
        self.env["lob.role.assignment"].create(
            [
                {
                    "employee_id": e.id,
                    "role_id": self.slb.id,
                    "hours": 40 + i % 3 * 20,
                    "date_from": "2025-01-01",
                }
                for i, e in enumerate(people[::3])
            ]
        )
        self.env["lob.professionalisation"].create(
            [
                {
                    "name": "Course",
                    "employee_id": e.id,
                    "hours": 20,
                    "date": "2025-10-01",
                    "state": "done",
                }
                for e in people[::2]
            ]
        )
        for index, department in enumerate(departments):
            department.manager_id = people[index]
        return company

    def _queries(self, company):
        self.env.invalidate_all()
        self.env.flush_all()
        before = self.cr.sql_log_count
        self.env["lob.policy.monitor"]._lob_figures(company, YEAR, NOW)
        return self.cr.sql_log_count - before

    def test_constant_queries_for_employees_and_teams(self):
        Company = self.env["res.company"]
        small = self._grow(Company.create({"name": "Small"}), 5, 50)
        many_people = self._grow(Company.create({"name": "Many people"}), 5, 500)
        many_teams = self._grow(Company.create({"name": "Many teams"}), 50, 500)
        count = self._queries(small)
        # one query for the teams and one per indicator (no team variants of templates
        # here: their drift check reads the templates through the ORM)
        self.assertEqual(count, 8)
        self.assertEqual(self._queries(many_people), count)
        self.assertEqual(self._queries(many_teams), count)
        self.env.invalidate_all()
        with self.assertQueryCount(count):
            self.env["lob.policy.monitor"]._lob_figures(many_teams, YEAR, NOW)
