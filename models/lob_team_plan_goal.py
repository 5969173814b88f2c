# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lob_hrm.monitor import goal_status
from ..lob_hrm.policy import Status, is_looser
from .lob_policy_goal import INDICATOR_SELECTION, STATUS_SELECTION, check_indicator_target


class LobTeamPlanGoal(models.Model):
    """A goal of a team work plan: a college goal with the team's own target (stricter or
    equal, never looser), or a goal of the team's own."""

    _name = "lob.team.plan.goal"
    _description = "Team work plan goal"
    _order = "plan_id, sequence, id"
    _check_company_auto = True

    plan_id = fields.Many2one("lob.team.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    department_id = fields.Many2one(related="plan_id.department_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    policy_goal_id = fields.Many2one(
        "lob.policy.goal",
        "College goal",
        ondelete="set null",
        help="Empty for the team's own goals.",
    )
    name = fields.Char(required=True)
    indicator = fields.Selection(INDICATOR_SELECTION)
    target = fields.Float("Team target", aggregator=None)
    college_target = fields.Float(related="policy_goal_id.target", string="College target")
    value = fields.Float(
        "Team value",
        compute="_compute_value",
        aggregator=None,
        help="The indicator for the team in the plan's school year, today or at its end.",
    )
    status = fields.Selection(STATUS_SELECTION, compute="_compute_value")

    def _compute_value(self):
        for plan in self.plan_id:
            policy = plan.policy_id
            figures = {
                f.indicator: f.value
                for f in policy._lob_figures(
                    plan.school_year, policy._lob_monitor_date(plan.school_year)
                )
                if f.team == plan.department_id.id
            }
            for goal in self.filtered(lambda g, p=plan: g.plan_id == p):
                value = figures.get(goal.indicator)
                goal.value = value or 0.0
                goal.status = (
                    goal_status(goal.indicator, value, goal.target).value
                    if goal.indicator
                    else Status.NO_DATA.value
                )
        for goal in self.filtered(lambda g: not g.plan_id):
            goal.value, goal.status = 0.0, Status.NO_DATA.value

    @api.constrains("indicator", "target", "policy_goal_id")
    def _check_target(self):
        for goal in self:
            check_indicator_target(goal, goal.name, goal.indicator, goal.target)
            college = goal.policy_goal_id
            if (
                college
                and goal.indicator == college.indicator
                and is_looser(goal.indicator, goal.target, college.target)
            ):
                target, college_target = f"{goal.target:g}", f"{college.target:g}"
                raise ValidationError(
                    self.env._(
                        "%(plan)s: the team target %(target)s for '%(goal)s' is looser than "
                        "the college's %(college)s. A team may set a stricter target, never a "
                        "looser one.",
                        plan=goal.plan_id.name,
                        goal=goal.name,
                        target=target,
                        college=college_target,
                    )
                )
