# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lob_hrm.policy import school_year_bounds, school_year_label
from .lob_policy import ADMIN_GROUP


class LobPolicyReview(models.Model):
    """The yearly PDCA review of a policy, at the end of a school year.

    Check: per goal met or not, with a remark. Act: decisions. Confirming it stores an
    immutable snapshot of every indicator (per team and for the college), creates next
    year's policy and team plans as copies that carry the decisions, and sets the policy
    evaluated. A confirmed review cannot be edited.
    """

    _name = "lob.policy.review"
    _description = "Yearly LOB policy review"
    _inherit = ["mail.thread"]
    _order = "school_year desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name")
    policy_id = fields.Many2one("lob.policy", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="policy_id.company_id", store=True, index=True)
    school_year = fields.Integer(required=True, aggregator=None)
    reference_date = fields.Date(
        help="The date the snapshot counts on; empty: the last day of the school year."
    )
    state = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed")],
        required=True,
        default="draft",
        tracking=True,
        copy=False,
    )
    check_ids = fields.One2many("lob.policy.review.check", "review_id", "Check per goal")
    decisions = fields.Html("Act: decisions", help="What changes next school year, and why.")
    snapshot_id = fields.Many2one("lob.policy.snapshot", readonly=True, copy=False)
    next_policy_id = fields.Many2one("lob.policy", "Next year's policy", readonly=True)

    _sql_constraints = [
        (
            "policy_year_uniq",
            "unique(policy_id, school_year)",
            "A policy has one review per school year.",
        )
    ]

    def _compute_name(self):
        for review in self:
            review.name = self.env._(
                "Review %(policy)s %(year)s",
                policy=review.policy_id.name,
                year=school_year_label(review.school_year),
            )

    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        for review in reviews:
            statuses = {g: g.status for g in review.policy_id.goal_ids}
            review.check_ids = [
                fields.Command.create({"goal_id": goal.id, "met": status == "on_track"})
                for goal, status in statuses.items()
            ]
        return reviews

    def write(self, vals):
        self._lob_check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        self._lob_check_draft()

    def _lob_check_draft(self):
        if self.env.context.get("lob_policy_internal"):
            return
        for review in self:
            if review.state == "confirmed":
                raise UserError(
                    self.env._(
                        "The review '%(review)s' is confirmed and cannot be edited.",
                        review=review.name,
                    )
                )

    def action_confirm(self):
        """Snapshot, next year's copies carrying the decisions, policy evaluated."""
        if not (self.env.su or self.env.user.has_group(ADMIN_GROUP)):
            raise UserError(self.env._("Only the LOB administrator or director confirms a review."))
        for review in self:
            review._lob_check_draft()
            policy = review.policy_id
            on_date = review.reference_date or school_year_bounds(review.school_year)[1]
            snapshot = self.env["lob.policy.snapshot"]._lob_take(
                policy, review.school_year, on_date
            )
            internal = review.with_context(lob_policy_internal=True)
            next_policy = internal._lob_next_policy()
            internal.write(
                {
                    "state": "confirmed",
                    "snapshot_id": snapshot.id,
                    "next_policy_id": next_policy.id,
                    "reference_date": on_date,
                }
            )
            policy.sudo().with_context(lob_policy_internal=True).write({"state": "evaluated"})
            policy.team_plan_ids.filtered(
                lambda p, y=review.school_year: p.school_year == y
            ).sudo().write({"state": "evaluated"})
        return True

    def _lob_next_policy(self):
        """Next school year's policy and team plans, copies that carry the decisions.

        A draft policy the college already prepared for next year is kept and gets the
        decisions; so are the team plans that already exist for next year.
        """
        self.ensure_one()
        policy = self.policy_id.sudo()
        year = self.school_year + 1
        prepared = policy.search(
            [
                ("company_id", "=", policy.company_id.id),
                ("state", "=", "draft"),
                ("school_year_from", "<=", year),
                ("school_year_to", ">=", year),
                ("id", "!=", policy.id),
            ],
            limit=1,
        )
        if prepared:
            prepared.write({"previous_policy_id": policy.id, "decisions": self.decisions})
            new = prepared
        else:
            new = policy.copy(
                {
                    "name": policy.name,
                    "school_year_from": year,
                    "school_year_to": max(year, policy.school_year_to),
                    "monitor_school_year": year,
                    "monitor_date": False,
                    "previous_policy_id": policy.id,
                    "decisions": self.decisions,
                }
            )
        goals = {goal.key: goal for goal in new.goal_ids if goal.key}
        Plan = self.env["lob.team.plan"].sudo()
        for plan in policy.team_plan_ids.filtered(lambda p: p.school_year == self.school_year):
            existing = Plan.search(
                [("department_id", "=", plan.department_id.id), ("school_year", "=", year)]
            )
            if existing:
                existing.write({"decisions": self.decisions})
                continue
            copy = plan.copy(
                {
                    "policy_id": new.id,
                    "school_year": year,
                    "decisions": self.decisions,
                    "goal_ids": [],
                }
            )
            copy.goal_ids = [
                fields.Command.create(
                    {
                        "policy_goal_id": goals[goal.policy_goal_id.key].id
                        if goal.policy_goal_id.key in goals
                        else False,
                        "name": goal.name,
                        "indicator": goal.indicator,
                        "target": goal.target,
                        "sequence": goal.sequence,
                    }
                )
                for goal in plan.goal_ids
            ]
        return new
