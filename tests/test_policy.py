# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The policy's rules: bad input refused with a message naming the record (and nothing
written), adoption and reopening, the yearly PDCA review and its immutable snapshot."""

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .test_policy_common import NOW, YEAR, LobPolicyCommon


@tagged("post_install", "-at_install")
class TestPolicy(LobPolicyCommon):
    def _goal(self, **values):
        return {
            "policy_id": self.draft.id,
            "name": "Talks",
            "pillar_id": self.pillars["vision_policy"].id,
            "indicator": "talks_staff",
            "target": 80,
            **values,
        }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.draft = cls.env["lob.policy"].create(
            {
                "name": "Next policy",
                "company_id": cls.college.id,
                "school_year_from": YEAR + 3,
                "school_year_to": YEAR + 3,
            }
        )

    def test_goal_needs_an_indicator_and_a_target_in_range(self):
        Goal = self.env["lob.policy.goal"]
        with self.assertRaisesRegex(ValidationError, "'Talks' has no indicator"):
            Goal.create(self._goal(indicator=False))
        with self.assertRaisesRegex(ValidationError, r"'Talks': 120 is outside .*\(0-100\)"):
            Goal.create(self._goal(target=120))
        with self.assertRaisesRegex(ValidationError, "'Talks': -5 is outside"):
            Goal.create(self._goal(baseline=-5))
        # hours have no upper bound
        Goal.create(self._goal(indicator="prof_median_hours", target=120))

    def test_overlapping_policies_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "overlaps the policy 'Known LOB policy'"):
            self.env["lob.policy"].create(
                {
                    "name": "Second",
                    "company_id": self.college.id,
                    "school_year_from": YEAR - 1,
                    "school_year_to": YEAR,
                }
            )
        # another company may have its own policy for the same year
        self.env["lob.policy"].create(
            {
                "name": "Other",
                "company_id": self.other_company.id,
                "school_year_from": YEAR,
                "school_year_to": YEAR,
            }
        )

    def test_adopted_goals_change_only_after_reopening(self):
        goal = self.policy.goal_ids[0]
        with self.assertRaisesRegex(UserError, "'Known LOB policy' is Adopted: reopen it"):
            goal.target = 90
        with self.assertRaisesRegex(UserError, "reopen it"):
            self.env["lob.policy.goal"].create(self._goal(policy_id=self.policy.id))
        self.env.invalidate_all()
        self.assertEqual(goal.target, 80)
        with self.assertRaises(AccessError):
            self.policy.with_user(self.officer_user).action_reopen()
        self.policy.with_user(self.director_user).action_reopen()
        self.assertEqual(self.policy.state, "draft")
        self.assertIn("Reopened by", self.policy.message_ids[0].body)
        goal.target = 90
        self.assertEqual(goal.target, 90)

    def test_only_the_director_adopts(self):
        self.env["lob.policy.goal"].create(self._goal())
        with self.assertRaisesRegex(AccessError, "Only the LOB administrator or director"):
            self.draft.with_user(self.officer_user).action_adopt()
        self.draft.with_user(self.director_user).action_adopt()
        self.assertEqual(self.draft.state, "adopted")
        self.assertEqual(self.draft.adopted_by_id, self.director_user)

    def test_plan_team_inside_the_policy_company(self):
        foreign = self.env["hr.department"].create(
            {"name": "Foreign team", "company_id": self.other_company.id}
        )
        with self.assertRaisesRegex(ValidationError, "Foreign team belongs to Other College"):
            self.env["lob.team.plan"].create(
                {"policy_id": self.policy.id, "department_id": foreign.id, "school_year": YEAR}
            )

    def test_adopting_a_plan_under_a_draft_policy_is_refused(self):
        team = self.env["hr.department"].create({"name": "Team D", "company_id": self.college.id})
        plan = self.env["lob.team.plan"].create(
            {"policy_id": self.draft.id, "department_id": team.id, "school_year": YEAR + 3}
        )
        with self.assertRaisesRegex(UserError, "policy 'Next policy' is not adopted yet"):
            plan.with_user(self.director_user).action_adopt()
        self.assertEqual(plan.state, "draft")

    def test_team_target_stricter_never_looser(self):
        talks = self.policy.goal_ids.filtered(lambda g: g.indicator == "talks_staff")
        overdue = self.policy.goal_ids.filtered(lambda g: g.indicator == "agreement_overdue")
        self.plan_c.write(
            {
                "goal_ids": [
                    Command.create(
                        {
                            "policy_goal_id": talks.id,
                            "name": talks.name,
                            "indicator": "talks_staff",
                            "target": 90,
                        }
                    ),
                    Command.create(
                        {
                            "policy_goal_id": overdue.id,
                            "name": overdue.name,
                            "indicator": "agreement_overdue",
                            "target": 5,
                        }
                    ),
                ]
            }
        )
        with self.assertRaisesRegex(
            ValidationError, "target 70 for 'Talks at all levels' is looser than the college's 80"
        ):
            self.plan_c.goal_ids[0].target = 70
        with self.assertRaisesRegex(ValidationError, "'Agreements kept' is looser"):
            self.plan_c.goal_ids[1].target = 20
        # nothing reached the database
        self.env.cr.execute(
            "SELECT target FROM lob_team_plan_goal WHERE plan_id = %s ORDER BY id",
            (self.plan_c.id,),
        )
        self.assertEqual([target for (target,) in self.env.cr.fetchall()], [90, 5])

    def test_team_leader_records_the_discussion(self):
        plan = self.plan_b.with_user(self.leader_b_user)
        plan.action_record_discussion()
        self.assertTrue(plan.discussed_date)
        self.assertEqual(plan.discussed_employee_ids, self.lb | self.b1 | self.b2 | self.b3)

    def test_strategy_action_reminds_its_owner(self):
        action = self.env["lob.policy.action"].create(
            {
                "policy_id": self.policy.id,
                "name": "Train the SLB'ers",
                "owner_id": self.leader_a_user.id,
                "deadline": NOW,
            }
        )
        activity = self.policy.activity_ids.filtered(lambda a: a.summary == action.name)
        self.assertEqual(activity.user_id, self.leader_a_user)
        self.assertEqual(activity.date_deadline, NOW)

    def test_yearly_review(self):
        review_action = self.policy.with_user(self.director_user).action_start_review()
        review = self.env["lob.policy.review"].browse(review_action["res_id"])
        self.assertEqual(len(review.check_ids), 2)
        review.check_ids[0].write({"met": False, "remark": "Too few talks"})
        review.decisions = "<p>Every team leader plans the talks in September.</p>"
        self.plan_a.write(
            {
                "goal_ids": [
                    Command.create({"name": "Own goal", "indicator": "talks_coach", "target": 50})
                ]
            }
        )
        review.with_user(self.director_user).action_confirm()

        self.assertEqual(self.policy.state, "evaluated")
        snapshot = review.snapshot_id
        college = snapshot.figure_ids.filtered(
            lambda f: f.is_college and f.indicator == "talks_staff"
        )
        # the end of the school year: Dirk, La, a1, b1 of 12
        self.assertAlmostEqual(college.value, 33.33)
        self.assertEqual(snapshot.reference_date.isoformat(), "2026-07-31")
        self.assertEqual(
            set(snapshot.figure_ids.department_id), {self.team_a, self.team_b, self.team_c}
        )
        # immutable for everyone, even the superuser
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            snapshot.sudo().write({"school_year": YEAR + 1})
        with self.assertRaisesRegex(UserError, "cannot be removed"):
            snapshot.sudo().unlink()
        with self.assertRaisesRegex(UserError, "computed, never typed in"):
            college.sudo().write({"value": 99})
        with self.assertRaisesRegex(UserError, "review snapshot cannot be changed or removed"):
            college.sudo().unlink()
        # a confirmed review cannot be edited
        with self.assertRaisesRegex(UserError, "is confirmed and cannot be edited"):
            review.decisions = "<p>Something else</p>"
        with self.assertRaisesRegex(UserError, "is confirmed"):
            review.check_ids[0].met = True

        # next year's copies carry the decisions
        new = review.next_policy_id
        self.assertEqual((new.state, new.school_year_from), ("draft", YEAR + 1))
        self.assertIn("talks in September", new.decisions)
        self.assertEqual(new.goal_ids.mapped("key"), self.policy.goal_ids.mapped("key"))
        plans = new.team_plan_ids
        self.assertEqual(plans.department_id, self.team_a | self.team_b | self.team_c)
        self.assertEqual(set(plans.mapped("school_year")), {YEAR + 1})
        self.assertTrue(all("talks in September" in p.decisions for p in plans))
        new_a = plans.filtered(lambda p: p.department_id == self.team_a)
        self.assertEqual(new_a.goal_ids.mapped("name"), ["Own goal"])
        # the trend: last year's snapshot is the first point of the new policy's goals
        self.assertIn("2025-2026: 33.33", new.goal_ids.filtered(lambda g: g.key == "talks").trend)

    def test_keys_of_pillars_stories_and_goals(self):
        with self.assertRaisesRegex(ValidationError, "The key 'Bad Key' is not valid"):
            self.env["lob.policy.pillar"].create({"name": "Chain", "key": "Bad Key"})
        with self.assertRaisesRegex(ValidationError, "The key 'x-y' is not valid"):
            self.env["lob.bigger.story"].create({"name": "Story", "key": "x-y"})
        with self.assertRaisesRegex(ValidationError, "The key 'Talks' is not valid"):
            self.env["lob.policy.goal"].create(self._goal(key="Talks"))
        self.assertEqual(
            self.env.ref("lob_hrm.lob_bigger_story_passend_onderwijs")._lob_exchange_key(),
            "passend_onderwijs",
        )

    def test_team_plan_shows_the_team_value_and_status(self):
        talks = self.policy.goal_ids.filtered(lambda g: g.indicator == "talks_staff")
        self.plan_a.goal_ids = [
            Command.create(
                {
                    "policy_goal_id": talks.id,
                    "name": talks.name,
                    "indicator": "talks_staff",
                    "target": 80,
                }
            ),
            Command.create({"name": "Agreements", "indicator": "agreement_overdue", "target": 40}),
        ]
        talks_a, agreements_a = self.plan_a.goal_ids
        # team A on NOW: La and a1 of 4 signed: 50 %, over halfway from 0 to 80
        self.assertEqual((talks_a.value, talks_a.status), (50.0, "at_risk"))
        # team A: 1 of 3 due agreements overdue (33.33 %), below the team's 40 %
        self.assertEqual((agreements_a.value, agreements_a.status), (33.33, "on_track"))
