# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..lob_hrm.policy import school_year_bounds, school_year_label, school_year_of

POLICY_STATES = [
    ("draft", "Draft"),
    ("adopted", "Adopted"),
    ("evaluated", "Evaluated"),
    ("archived", "Archived"),
]
ADMIN_GROUP = "lob_hrm.group_lob_admin"
# Only the workflow buttons of the director move these.
WORKFLOW_FIELDS = {"state", "adopted_by_id", "adopted_date"}


def _default_school_year(model):
    return school_year_of(fields.Date.context_today(model))


class LobPolicy(models.Model):
    """The college's LOB policy (LOB-beleid): why (vision, bigger story), what (goals under
    the four pillars, each measured by an indicator) and how (strategy actions), for one
    company and a period of school years. Team work plans colour within its lines."""

    _name = "lob.policy"
    _description = "LOB policy"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "school_year_from desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, tracking=True
    )
    school_year_from = fields.Integer(
        "From school year",
        required=True,
        default=_default_school_year,
        aggregator=None,
        help="The start year of the first school year: 2026 for 2026-2027.",
    )
    school_year_to = fields.Integer(
        "To school year",
        required=True,
        default=_default_school_year,
        aggregator=None,
        help="The start year of the last school year the policy runs.",
    )
    period = fields.Char(compute="_compute_period")
    state = fields.Selection(
        POLICY_STATES, required=True, default="draft", tracking=True, copy=False, index=True
    )
    adopted_by_id = fields.Many2one("res.users", "Adopted by", readonly=True, copy=False)
    adopted_date = fields.Date("Adopted on", readonly=True, copy=False, tracking=True)
    vision = fields.Html("LOB vision", help="Why: the college's vision on career guidance.")
    education_vision = fields.Html(
        help="The college's education vision this LOB vision starts from."
    )
    education_vision_file = fields.Binary("Education vision document", attachment=True)
    education_vision_filename = fields.Char()
    story_link_ids = fields.One2many(
        "lob.policy.story.link", "policy_id", "Bigger story", copy=True
    )
    goal_ids = fields.One2many("lob.policy.goal", "policy_id", "Goals", copy=True)
    action_ids = fields.One2many("lob.policy.action", "policy_id", "Strategy actions")
    team_plan_ids = fields.One2many("lob.team.plan", "policy_id", "Team work plans")
    snapshot_ids = fields.One2many("lob.policy.snapshot", "policy_id", "Snapshots")
    review_ids = fields.One2many("lob.policy.review", "policy_id", "Reviews")
    previous_policy_id = fields.Many2one(
        "lob.policy", "Previous policy", readonly=True, copy=False, check_company=True
    )
    role_hours_spread = fields.Float(
        "Allowed spread of role hours (%)",
        default=25.0,
        help="A team whose hours per holder of a role differ more than this from the college "
        "median is flagged as not in line.",
    )
    monitor_school_year = fields.Integer(
        "Monitor school year",
        default=_default_school_year,
        aggregator=None,
        help="The school year the monitor shows.",
    )
    monitor_date = fields.Date(
        "Reference date",
        help="The monitor counts what was true on this date; empty: today, or the end of "
        "the school year when it has passed.",
    )
    team_plan_count = fields.Integer(compute="_compute_team_plan_count")
    decisions = fields.Html(
        "Decisions of the last review", copy=False, help="What last year's review decided."
    )

    @api.constrains("school_year_from", "school_year_to")
    def _check_period(self):
        for policy in self:
            if policy.school_year_to < policy.school_year_from:
                raise ValidationError(
                    self.env._(
                        "%(policy)s: the period cannot end before it starts.",
                        policy=policy.name,
                    )
                )

    @api.constrains("company_id", "school_year_from", "school_year_to", "state")
    def _check_overlap(self):
        for policy in self.filtered(lambda p: p.state in ("draft", "adopted")):
            other = self.sudo().search(
                [
                    ("id", "!=", policy.id),
                    ("company_id", "=", policy.company_id.id),
                    ("state", "in", ("draft", "adopted")),
                    ("school_year_from", "<=", policy.school_year_to),
                    ("school_year_to", ">=", policy.school_year_from),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "%(policy)s overlaps the policy '%(other)s' of %(company)s for "
                        "%(period)s: one policy per company and school year.",
                        policy=policy.name,
                        other=other.name,
                        company=policy.company_id.name,
                        period=other.period,
                    )
                )

    @api.depends("school_year_from", "school_year_to")
    def _compute_period(self):
        for policy in self:
            start, end = policy.school_year_from, policy.school_year_to
            policy.period = (
                school_year_label(start)
                if start == end
                else f"{school_year_label(start)} - {school_year_label(end)}"
            )

    def _compute_team_plan_count(self):
        counts = dict(
            self.env["lob.team.plan"]._read_group(
                [("policy_id", "in", self.ids)], ["policy_id"], ["__count"]
            )
        )
        for policy in self:
            policy.team_plan_count = counts.get(policy, 0)

    def write(self, vals):
        if WORKFLOW_FIELDS & set(vals):
            self._lob_check_admin("workflow")
        return super().write(vals)

    # -- workflow -------------------------------------------------------------------------

    def _lob_check_admin(self, action):
        """Only the LOB administrator (director) moves a policy along its workflow."""
        if self.env.su or self.env.user.has_group(ADMIN_GROUP):
            return
        policy = self[:1].name
        messages = {
            "adopt": self.env._(
                "Only the LOB administrator or director adopts the policy '%(policy)s'.",
                policy=policy,
            ),
            "reopen": self.env._(
                "Only the LOB administrator or director reopens the policy '%(policy)s'.",
                policy=policy,
            ),
            "archive": self.env._(
                "Only the LOB administrator or director archives the policy '%(policy)s'.",
                policy=policy,
            ),
            "review": self.env._(
                "Only the LOB administrator or director reviews the policy '%(policy)s'.",
                policy=policy,
            ),
        }
        raise AccessError(
            messages.get(
                action,
                self.env._(
                    "Only the LOB administrator or director changes the status of the "
                    "policy '%(policy)s'.",
                    policy=policy,
                ),
            )
        )

    def action_adopt(self):
        self._lob_check_admin("adopt")
        for policy in self:
            if policy.state != "draft":
                raise UserError(
                    self.env._("The policy '%(policy)s' is not a draft.", policy=policy.name)
                )
            if not policy.goal_ids:
                raise UserError(
                    self.env._(
                        "The policy '%(policy)s' has no goals yet: say what it wants to "
                        "reach before you adopt it.",
                        policy=policy.name,
                    )
                )
        self.write(
            {
                "state": "adopted",
                "adopted_by_id": self.env.user.id,
                "adopted_date": fields.Date.context_today(self),
            }
        )

    def action_reopen(self):
        """Back to draft so that its goals can change again; tracked on the policy."""
        self._lob_check_admin("reopen")
        for policy in self:
            if policy.state != "adopted":
                raise UserError(
                    self.env._(
                        "Only an adopted policy can be reopened; '%(policy)s' is not.",
                        policy=policy.name,
                    )
                )
        self.write({"state": "draft"})
        for policy in self:
            policy.message_post(
                body=self.env._(
                    "Reopened by %(user)s to change its goals.", user=self.env.user.name
                )
            )

    def action_archive_policy(self):
        self._lob_check_admin("archive")
        self.write({"state": "archived"})

    # -- monitor --------------------------------------------------------------------------

    def _lob_monitor_date(self, school_year=None):
        """The reference date of the monitor: the chosen one, else today within the school
        year (its last day once it has passed)."""
        self.ensure_one()
        if self.monitor_date:
            return self.monitor_date
        start, end = school_year_bounds(school_year or self.monitor_school_year)
        return max(start, min(end, fields.Date.context_today(self)))

    def _lob_figures(self, school_year=None, on_date=None):
        """All indicators of the policy's company for ``school_year`` on ``on_date``."""
        self.ensure_one()
        school_year = school_year or self.monitor_school_year or self.school_year_from
        on_date = on_date or self._lob_monitor_date(school_year)
        return self.env["lob.policy.monitor"]._lob_figures(
            self.company_id, school_year, on_date, self.role_hours_spread / 100.0
        )

    def action_open_monitor(self):
        """The heatmap of teams × indicators, refreshed from the add-on's records."""
        self.ensure_one()
        self.env["lob.policy.figure"]._lob_refresh(self)
        action = self.env["ir.actions.act_window"]._for_xml_id("lob_hrm.lob_policy_figure_action")
        action["domain"] = [("policy_id", "=", self.id)]
        action["context"] = {"search_default_live": 1}
        action["display_name"] = self.env._("Monitor: %(policy)s", policy=self.name)
        return action

    def action_export_sheet(self):
        """The policy sheet of the workbook: goals, indicators per team, status, trend."""
        self.ensure_one()
        wizard = self.env["lob.policy.export.wizard"].create({"policy_id": self.id})
        return wizard.action_export()

    def action_view_team_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("lob_hrm.lob_team_plan_action")
        action["domain"] = [("policy_id", "=", self.id)]
        action["context"] = {
            "default_policy_id": self.id,
            "default_school_year": self.monitor_school_year or self.school_year_from,
        }
        return action

    def action_start_review(self):
        """The yearly PDCA review of the monitored school year: one draft review per year."""
        self.ensure_one()
        self._lob_check_admin("review")
        if self.state != "adopted":
            raise UserError(
                self.env._(
                    "Only an adopted policy is reviewed; '%(policy)s' is not adopted.",
                    policy=self.name,
                )
            )
        school_year = self.monitor_school_year or self.school_year_from
        review = self.review_ids.filtered(lambda r: r.school_year == school_year)[:1]
        if not review:
            review = self.env["lob.policy.review"].create(
                {"policy_id": self.id, "school_year": school_year}
            )
        return {
            "type": "ir.actions.act_window",
            "res_model": "lob.policy.review",
            "res_id": review.id,
            "view_mode": "form",
            "target": "current",
        }
