# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

KINDS = [
    ("interaction", "A successful interaction with a student"),
    ("lesson", "A fine lesson"),
    ("team", "A team achievement"),
    ("chain", "A chain success"),
    ("other", "Other"),
]
REACTIONS = [
    ("applause", "Applause"),
    ("heart", "Heart"),
    ("inspired", "Inspiring"),
]


# the records a success may come from
LINKS = frozenset({"agreement_id", "talk_id", "professionalisation_id", "instrument_id"})


class LobSuccess(models.Model):
    """A LOB success worth celebrating: colleges rush past them (domain §6, "with and for each
    other"). Seen by its team or by the whole college; colleagues react once each."""

    _name = "lob.success"
    _description = "LOB success"
    _inherit = ["mail.thread", "mail.activity.mixin", "image.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    # colleagues who may read a success may also comment on it
    _mail_post_access = "read"

    name = fields.Char("Title", required=True, tracking=True)
    story = fields.Html(sanitize_style=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    kind = fields.Selection(KINDS, required=True, default="interaction", tracking=True)
    department_id = fields.Many2one(
        "hr.department",
        "Team",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
        default=lambda self: self.env.user.employee_id.department_id,
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Staff involved",
        check_company=True,
        default=lambda self: self.env.user.employee_id,
    )
    visibility = fields.Selection(
        [("team", "Team"), ("college", "Whole college")],
        required=True,
        default="team",
        tracking=True,
        help="Team: the members of the team see it. Whole college: everybody of the company.",
    )
    agreement_id = fields.Many2one(
        "lob.talk.agreement",
        ondelete="set null",
        index="btree_not_null",
        check_company=True,
        help="The talk agreement this success came from.",
    )
    talk_id = fields.Many2one(
        "lob.talk",
        ondelete="set null",
        index="btree_not_null",
        check_company=True,
        help="The signed talk this success came from.",
    )
    professionalisation_id = fields.Many2one(
        "lob.professionalisation",
        "Professionalisation activity",
        ondelete="set null",
        index="btree_not_null",
        check_company=True,
    )
    instrument_id = fields.Many2one(
        "lob.instrument",
        ondelete="set null",
        index="btree_not_null",
        check_company=True,
        help="The LOB instrument this success came from.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment", string="Pictures and attachments", copy=False
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users", "Recorded by", default=lambda self: self.env.user, readonly=True
    )
    reaction_ids = fields.One2many("lob.success.reaction", "success_id", "Reactions")
    reaction_count = fields.Integer(compute="_compute_reactions", string="Reactions (count)")
    my_reaction = fields.Selection(REACTIONS, compute="_compute_reactions")

    @api.depends("reaction_ids.kind", "reaction_ids.user_id")
    @api.depends_context("uid")
    def _compute_reactions(self):
        for success in self:
            reactions = success.reaction_ids
            success.reaction_count = len(reactions)
            mine = reactions.filtered(lambda r: r.user_id == self.env.user)
            success.my_reaction = mine[:1].kind

    @api.model_create_multi
    def create(self, vals_list):
        # whoever records a success is the current user, never someone else in their name
        if not self.env.su:
            for vals in vals_list:
                vals["user_id"] = self.env.uid
        successes = super().create(vals_list)
        successes._lob_check_links_readable()
        # pictures uploaded in the form belong to the success, so that its readers can open them
        for success in successes:
            success.attachment_ids.filtered(lambda a: not a.res_id).sudo().write(
                {"res_model": self._name, "res_id": success.id}
            )
        return successes

    def write(self, vals):
        result = super().write(vals)
        if LINKS & set(vals):
            self._lob_check_links_readable()
        return result

    def _lob_check_links_readable(self):
        """A success links only to what its author may read: knowing another team's
        agreement or a draft instrument by its id is not enough."""
        if self.env.su:
            return
        for field in LINKS:
            self[field].check_access("read")

    def action_react(self, kind="applause"):
        """React once: a second reaction of the same person replaces the first."""
        self.ensure_one()
        self.env["lob.success.reaction"]._lob_set_mine(self, {"kind": kind})
        return True

    def action_react_applause(self):
        return self.action_react("applause")

    def action_react_heart(self):
        return self.action_react("heart")

    def action_react_inspired(self):
        return self.action_react("inspired")

    def action_unreact(self):
        self.env["lob.success.reaction"]._lob_mine(self).unlink()
        return True

    @api.model
    def _lob_action_record(self, defaults):
        """The form to record a new success, filled in from where it came from."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record a success"),
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": {f"default_{key}": value for key, value in defaults.items()},
        }

    @api.model
    def _lob_count_per_team(self, date_from, date_to):
        """Successes per team id in [date_from, date_to), for the policy monitor (one query,
        within what the current user may read)."""
        groups = self._read_group(
            [("date", ">=", date_from), ("date", "<", date_to)], ["department_id"], ["__count"]
        )
        return {department.id: count for department, count in groups}

    # -- the monthly digest -------------------------------------------------------------------

    @api.model
    def _lob_month_bounds(self, day):
        first = day.replace(day=1)
        return first, first + relativedelta(months=1)

    @api.model
    def _cron_send_digest(self, month=None):
        """Send each team member the successes of the month just ended that they may see.

        Idempotent: one digest per member and month is recorded before its mail goes out, so
        a second run in the same month (or a run retried after a failure) sends nothing twice.
        """
        if month is None:
            month = fields.Date.context_today(self) - relativedelta(months=1)
        first, after = self._lob_month_bounds(month)
        Digest = self.env["lob.success.digest"].sudo()
        done = set(
            Digest.search([("month", "=", first)]).mapped(
                lambda d: (d.department_id.id, d.user_id.id)
            )
        )
        companies = self.sudo().search([("date", ">=", first), ("date", "<", after)]).company_id
        departments = self.env["hr.department"].sudo().search([("company_id", "in", companies.ids)])
        template = self.env.ref("lob_hrm.lob_success_mail_template_digest")
        for department in departments:
            users = department.member_ids.user_id.filtered(
                lambda u, d=department: d.company_id in u.company_ids and u.active
            )
            for user in users:
                if (department.id, user.id) in done:
                    continue
                successes = self._lob_digest_successes(department, user, first, after)
                if not successes:
                    continue
                digest = Digest.create(
                    {
                        "department_id": department.id,
                        "user_id": user.id,
                        "month": first,
                        "success_ids": [fields.Command.set(successes.ids)],
                    }
                )
                template.send_mail(digest.id, email_layout_xmlid="mail.mail_notification_light")
        return True

    @api.model
    def _lob_digest_successes(self, department, user, first, after):
        """The month's successes of ``department`` and of the whole college that ``user``
        may read, searched as that user so that the record rules decide."""
        return (
            self.with_user(user)
            .with_company(department.company_id)
            .search(
                [
                    ("date", ">=", first),
                    ("date", "<", after),
                    ("company_id", "=", department.company_id.id),
                    "|",
                    ("department_id", "=", department.id),
                    ("visibility", "=", "college"),
                ],
                order="date, id",
            )
            .sudo()
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_others(self):
        if self.env.su or self.env.user.has_group("lob_hrm.group_lob_officer"):
            return
        for success in self:
            if success.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only whoever recorded the success '%(success)s', or HR, can delete it.",
                        success=success.name,
                    )
                )
