# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..lob_hrm.policy import school_year_label
from .lob_policy import ADMIN_GROUP

PLAN_STATES = [("draft", "Draft"), ("adopted", "Adopted"), ("evaluated", "Evaluated")]


class LobTeamPlan(models.Model):
    """A team's LOB work plan (LOB-werkplan) for one school year, under the adopted college
    policy: the college goals with the team's own (stricter) targets, the team's own goals,
    its activities, and when the team discussed it."""

    _name = "lob.team.plan"
    _description = "LOB team work plan"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "school_year desc, department_id, id"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True)
    policy_id = fields.Many2one(
        "lob.policy",
        "College policy",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        domain="[('state', 'in', ('draft', 'adopted'))]",
    )
    company_id = fields.Many2one(related="policy_id.company_id", store=True, index=True)
    department_id = fields.Many2one(
        "hr.department", "Team", required=True, ondelete="restrict", index=True, tracking=True
    )
    school_year = fields.Integer("School year", required=True, aggregator=None, tracking=True)
    state = fields.Selection(
        PLAN_STATES, required=True, default="draft", tracking=True, copy=False, index=True
    )
    adopted_date = fields.Date("Adopted on", readonly=True, copy=False, tracking=True)
    description = fields.Html("How the team colours within the lines")
    goal_ids = fields.One2many("lob.team.plan.goal", "plan_id", "Goals", copy=True)
    activity_line_ids = fields.One2many(
        "lob.team.plan.activity", "plan_id", "LOB activities", copy=True
    )
    discussed_date = fields.Date("Discussed on", copy=False, tracking=True)
    discussed_employee_ids = fields.Many2many(
        "hr.employee", string="Present", copy=False, help="The team members who took part."
    )
    discussed_minutes = fields.Html("Minutes", copy=False)
    is_discussed = fields.Boolean("Discussed in the team", compute="_compute_is_discussed")
    decisions = fields.Html(
        help="The decisions of last year's review this plan carries out.", copy=False
    )

    _sql_constraints = [
        (
            "team_year_uniq",
            "unique(department_id, school_year)",
            "A team has one work plan per school year.",
        )
    ]

    @api.constrains("department_id", "policy_id", "school_year")
    def _check_team(self):
        for plan in self:
            policy = plan.policy_id
            if plan.department_id.company_id and plan.department_id.company_id != policy.company_id:
                raise ValidationError(
                    self.env._(
                        "The team %(team)s belongs to %(team_company)s, outside the policy "
                        "'%(policy)s' of %(company)s.",
                        team=plan.department_id.display_name,
                        team_company=plan.department_id.company_id.name,
                        policy=policy.name,
                        company=policy.company_id.name,
                    )
                )
            if not policy.school_year_from <= plan.school_year <= policy.school_year_to:
                raise ValidationError(
                    self.env._(
                        "%(plan)s: the school year lies outside the policy '%(policy)s' "
                        "(%(period)s).",
                        plan=plan.name,
                        policy=policy.name,
                        period=policy.period,
                    )
                )

    @api.depends("department_id", "school_year")
    def _compute_name(self):
        for plan in self:
            plan.name = self.env._(
                "LOB work plan %(team)s %(year)s",
                team=plan.department_id.name or "",
                year=school_year_label(plan.school_year) if plan.school_year else "",
            )

    @api.depends("discussed_date")
    def _compute_is_discussed(self):
        for plan in self:
            plan.is_discussed = bool(plan.discussed_date)

    @api.onchange("policy_id")
    def _onchange_policy_id(self):
        """A new plan starts in the policy's school year with the college goals, at the
        college's targets."""
        if self.policy_id and not self.school_year:
            self.school_year = self.policy_id.monitor_school_year or self.policy_id.school_year_from
        if self.policy_id and not self.goal_ids:
            self.goal_ids = [
                fields.Command.create(
                    {
                        "policy_goal_id": goal.id,
                        "name": goal.name,
                        "indicator": goal.indicator,
                        "target": goal.target,
                    }
                )
                for goal in self.policy_id.goal_ids
            ]

    def write(self, vals):
        if {"state", "adopted_date"} & set(vals):
            self._lob_check_admin()
        return super().write(vals)

    def _lob_check_admin(self):
        if not (self.env.su or self.env.user.has_group(ADMIN_GROUP)):
            raise AccessError(
                self.env._(
                    "Only the LOB administrator or director adopts the work plan '%(plan)s'.",
                    plan=self[:1].name,
                )
            )

    def action_adopt(self):
        self._lob_check_admin()
        for plan in self:
            if plan.policy_id.state != "adopted":
                raise UserError(
                    self.env._(
                        "%(plan)s: the college policy '%(policy)s' is not adopted yet; a "
                        "work plan is adopted within adopted lines only.",
                        plan=plan.name,
                        policy=plan.policy_id.name,
                    )
                )
        self.write({"state": "adopted", "adopted_date": fields.Date.context_today(self)})

    def action_reset_to_draft(self):
        self.write({"state": "draft", "adopted_date": False})

    def action_record_discussion(self):
        """Today, with the whole team present, unless the team leader says otherwise."""
        for plan in self:
            plan.write(
                {
                    "discussed_date": plan.discussed_date or fields.Date.context_today(plan),
                    "discussed_employee_ids": [
                        fields.Command.set(
                            plan.discussed_employee_ids.ids
                            or self.env["hr.employee"]
                            .search([("department_id", "=", plan.department_id.id)])
                            .ids
                        )
                    ],
                }
            )
