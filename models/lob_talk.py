# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .lob_talk_part_mixin import lob_as_internal, lob_internal_write, lob_is_internal
from .lob_talk_workflow_mixin import LOCKED_STATES, PLANNING_ACTIVITY, WORKFLOW_FIELDS

TALK_STATES = [
    ("planned", "Planned"),
    ("preparation", "Preparation"),
    ("held", "Held"),
    ("signed", "Signed"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
# A held talk that is still not signed this many days after its date counts as overdue.
SIGN_GRACE_DAYS = 14


class LobTalk(models.Model):
    """One staff talk held with a published staff template (functionerings-,
    ontwikkelingsgesprek, ...): the employee prepares, the conductor holds it, both sign."""

    _name = "lob.talk"
    _description = "Staff talk"
    _inherit = ["mail.thread", "mail.activity.mixin", "lob.talk.workflow.mixin"]
    _order = "planned_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    template_id = fields.Many2one(
        "lob.talk.template",
        "Talk template",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        domain="[('audience', '=', 'staff'), ('state', '=', 'published')]",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
    )
    employee_user_id = fields.Many2one(
        "res.users",
        "Employee's user",
        related="employee_id.user_id",
        store=True,
        index="btree_not_null",
    )
    conductor_id = fields.Many2one(
        "hr.employee",
        compute="_compute_conductor_id",
        store=True,
        readonly=False,
        ondelete="restrict",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        help="Who holds the talk: by default the employee's manager.",
    )
    conductor_user_id = fields.Many2one(
        "res.users",
        "Conductor's user",
        related="conductor_id.user_id",
        store=True,
        index="btree_not_null",
    )
    participant_ids = fields.Many2many(
        "res.users",
        string="Extra participants",
        help="HR, a peer coach or a second manager who takes part in the talk.",
    )
    department_id = fields.Many2one(
        "hr.department",
        "Team",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", related="employee_id.company_id", store=True, index=True
    )
    cycle_id = fields.Many2one(
        "lob.talk.cycle", "Talk cycle", ondelete="restrict", index="btree_not_null"
    )
    planned_date = fields.Datetime(tracking=True)
    preparation_deadline = fields.Date(tracking=True)
    state = fields.Selection(
        TALK_STATES, default="planned", required=True, tracking=True, copy=False, index=True
    )
    held_date = fields.Datetime(readonly=True, copy=False)
    is_overdue = fields.Boolean(
        "Overdue",
        readonly=True,
        copy=False,
        index=True,
        help="Not held by its planned date, or held but still not signed two weeks later. "
        "Updated daily.",
    )
    answer_ids = fields.One2many("lob.talk.answer", "talk_id", "Answers", copy=False)
    agreement_ids = fields.One2many("lob.talk.agreement", "talk_id", "Agreements", copy=False)
    assessment_ids = fields.One2many(
        "lob.talk.assessment", "talk_id", "Competency assessments", copy=False
    )
    previous_agreement_ids = fields.Many2many(
        "lob.talk.agreement",
        string="Open agreements of the previous talk",
        compute="_compute_previous_agreement_ids",
        help="Still open agreements from the employee's earlier talks: look back on them.",
    )
    private_note = fields.Text(
        compute="_compute_private_note",
        inverse="_inverse_private_note",
        groups="lob_hrm.group_lob_manager",
        help="Your own note on this talk. Only you can read it; the employee never can.",
    )
    employee_shared = fields.Boolean(
        "Employee's preparation shared", readonly=True, copy=False, tracking=True
    )
    manager_shared = fields.Boolean(
        "Manager's preparation shared", readonly=True, copy=False, tracking=True
    )
    employee_signed_by_id = fields.Many2one(
        "res.users", "Signed by the employee", readonly=True, copy=False
    )
    employee_signed_date = fields.Datetime(
        "Signed by the employee on", readonly=True, copy=False, tracking=True
    )
    employee_sign_remark = fields.Text(
        "Employee's remark", copy=False, tracking=True, help="Added to the signature."
    )
    employee_disagrees = fields.Boolean(
        "Employee disagrees",
        copy=False,
        tracking=True,
        help="The employee signs for having held the talk but does not agree with its report; "
        "this stays visible on the talk and in the report.",
    )
    conductor_signed_by_id = fields.Many2one(
        "res.users", "Signed by the conductor", readonly=True, copy=False
    )
    conductor_signed_date = fields.Datetime(
        "Signed by the conductor on", readonly=True, copy=False, tracking=True
    )
    conductor_sign_remark = fields.Text("Conductor's remark", copy=False, tracking=True)
    is_locked = fields.Boolean("Locked", compute="_compute_is_locked")
    is_employee = fields.Boolean(compute="_compute_user_role")
    is_conductor = fields.Boolean(compute="_compute_user_role")
    is_officer = fields.Boolean(compute="_compute_user_role")
    answer_count = fields.Integer(compute="_compute_answer_count")
    # which answer columns the talk form needs: only those its template asks for
    has_scale = fields.Boolean(related="template_id.has_scale")
    has_yes_no = fields.Boolean(related="template_id.has_yes_no")
    has_level = fields.Boolean(related="template_id.has_level")

    @api.constrains("template_id", "employee_id", "conductor_id")
    def _check_parties(self):
        for talk in self:
            template = talk.template_id
            if template.audience != "staff" or template.state != "published":
                raise ValidationError(
                    self.env._(
                        "The talk '%(talk)s' needs a published staff template; '%(template)s' "
                        "is not one.",
                        talk=talk.name,
                        template=template.name,
                    )
                )
            if template.company_id and template.company_id != talk.company_id:
                raise ValidationError(
                    self.env._(
                        "The talk '%(talk)s': the template '%(template)s' belongs to another "
                        "company than the employee.",
                        talk=talk.name,
                        template=template.name,
                    )
                )
            if talk.conductor_id and talk.conductor_id == talk.employee_id:
                raise ValidationError(
                    self.env._(
                        "The talk '%(talk)s': %(employee)s cannot conduct their own talk. "
                        "Choose their manager or another conductor.",
                        talk=talk.name,
                        employee=talk.employee_id.name,
                    )
                )
            if talk.conductor_id.company_id and talk.conductor_id.company_id != talk.company_id:
                raise ValidationError(
                    self.env._(
                        "The talk '%(talk)s': the conductor %(conductor)s works for another "
                        "company than the employee.",
                        talk=talk.name,
                        conductor=talk.conductor_id.name,
                    )
                )

    @api.depends("template_id", "employee_id")
    def _compute_name(self):
        for talk in self:
            talk.name = " - ".join(
                part for part in (talk.template_id.name, talk.employee_id.name) if part
            )

    @api.depends("employee_id")
    def _compute_conductor_id(self):
        for talk in self:
            talk.conductor_id = talk.employee_id._lob_talk_conductor()

    @api.depends("employee_id")
    def _compute_department_id(self):
        for talk in self:
            talk.department_id = talk.employee_id.department_id

    @api.depends("state")
    def _compute_is_locked(self):
        for talk in self:
            talk.is_locked = talk.state in LOCKED_STATES

    @api.depends_context("uid")
    @api.depends("employee_user_id", "conductor_user_id")
    def _compute_user_role(self):
        officer = self.env.user.has_group("lob_hrm.group_lob_officer")
        for talk in self:
            talk.is_employee = talk.employee_user_id == self.env.user
            talk.is_conductor = talk.conductor_user_id == self.env.user
            talk.is_officer = officer

    @api.depends("answer_ids")
    def _compute_answer_count(self):
        for talk in self:
            talk.answer_count = len(talk.answer_ids.filtered("prompt_id"))

    @api.depends("employee_id", "planned_date")
    def _compute_previous_agreement_ids(self):
        previous = self.env["lob.talk.agreement"]._lob_previous_open(self)
        for talk in self:
            talk.previous_agreement_ids = previous.get(talk, False)

    @api.depends_context("uid")
    def _compute_private_note(self):
        by_talk = self.env["lob.talk.note"]._lob_read_for(self)
        for talk in self:
            talk.private_note = by_talk.get(talk.id, False)

    def _inverse_private_note(self):
        self.env["lob.talk.note"]._lob_write_for(self)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if WORKFLOW_FIELDS & set(vals) and not lob_is_internal(self.env):
                raise UserError(self.env._("A new talk starts as planned, unshared and unsigned."))
            self._lob_check_employee_company(vals)
        talks = super().create(vals_list)
        talks._lob_sync_answers()
        return talks

    def write(self, vals):
        if set(vals) == {"answer_ids"} and self._lob_write_answers(vals["answer_ids"]):
            return True
        if "employee_id" in vals:
            self._lob_check_employee_company(vals)
        if not lob_is_internal(self.env):
            self._lob_check_write(set(vals))
        result = super().write(vals)
        if "template_id" in vals:
            self._lob_sync_answers()
        return result

    def _lob_write_answers(self, commands):
        """Save answers as the form sends them (update commands only) on the answer lines,
        without updating the talk's own row (its write_date): the employee and the conductor
        typing their own answers at the same time then never conflict on the talk (a
        serialization failure that Odoo retries after a random pause of up to seconds).
        Return False, writing nothing, for any other command: the normal write handles it."""
        if not commands or any(
            not isinstance(cmd, (list, tuple)) or cmd[0] != Command.UPDATE for cmd in commands
        ):
            return False
        answers = self.env["lob.talk.answer"].browse([cmd[1] for cmd in commands])
        if answers.sudo().talk_id - self:
            return False
        self.check_access("write")
        if not lob_is_internal(self.env):
            self._lob_check_write({"answer_ids"})
        for cmd in commands:
            answers.browse(cmd[1]).write(cmd[2])
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked_or_started(self):
        for talk in self:
            if talk.state in LOCKED_STATES:
                raise UserError(talk._lob_locked_message())
            if talk.state not in ("planned", "cancelled"):
                raise UserError(
                    self.env._(
                        "The talk '%(talk)s' has started: cancel it instead of deleting it.",
                        talk=talk.name,
                    )
                )

    def unlink(self):
        # the parts below go with sudo: only with a talk that may go, and by whom may delete it
        self._unlink_except_locked_or_started()
        self.check_access("unlink")
        talks = lob_as_internal(self)
        talks.answer_ids.unlink()
        talks.env["lob.talk.note"].search([("talk_id", "in", self.ids)]).unlink()
        talks.agreement_ids.unlink()
        return super().unlink()

    # -- workflow buttons -------------------------------------------------------------------

    def action_start_preparation(self):
        """Planned -> preparation: invite the employee and ask them to prepare."""
        self._lob_check_transition("planned", "preparation", "conductor")
        for talk in self:
            if not talk.planned_date:
                raise UserError(
                    self.env._(
                        "Plan a date for the talk '%(talk)s' before inviting the employee.",
                        talk=talk.name,
                    )
                )
        self._lob_internal_write({"state": "preparation"})
        self._lob_sync_answers()
        # the employee self-assesses the competencies of their roles while preparing
        self.sudo()._lob_prepare_assessments()
        self._lob_schedule_preparation()
        # sudo: HR may hold the planning to-do of a talk whose conductor has no user
        self.sudo().activity_feedback([PLANNING_ACTIVITY])
        self._lob_send_mail("lob_hrm.lob_talk_mail_template_invitation")
        return True

    def action_share_employee(self):
        """The employee shares their preparation with the conductor."""
        for talk in self:
            if not talk.is_employee:
                raise AccessError(
                    self.env._(
                        "Only %(employee)s can share their preparation of the talk '%(talk)s'.",
                        employee=talk.employee_id.name,
                        talk=talk.name,
                    )
                )
            talk._lob_check_shareable()
        self._lob_internal_write({"employee_shared": True})
        self.activity_feedback(
            ["mail.mail_activity_data_todo"],
            user_id=self.env.uid,
            feedback=self.env._("Preparation shared"),
        )
        return True

    def action_share_manager(self):
        """The conductor shares their own preparation with the employee."""
        for talk in self:
            if not talk.is_conductor:
                raise AccessError(
                    self.env._(
                        "Only the conductor of the talk '%(talk)s' can share the manager's "
                        "preparation.",
                        talk=talk.name,
                    )
                )
            talk._lob_check_shareable()
        self._lob_internal_write({"manager_shared": True})
        return True

    def action_held(self):
        """Preparation -> held: the talk took place; ask both to sign."""
        self._lob_check_transition("preparation", "held", "conductor")
        self._lob_check_required_answers()
        self._lob_internal_write({"state": "held", "held_date": fields.Datetime.now()})
        self._lob_create_agreements_from_answers()
        self._lob_schedule_signing()
        self._lob_send_mail("lob_hrm.lob_talk_mail_template_sign_request")
        return True

    def action_sign(self):
        """The employee or the conductor signs; the second signature locks the talk."""
        now = fields.Datetime.now()
        for talk in self:
            talk._lob_check_state(("held",), self.env._("sign"))
            if talk.is_employee:
                prefix = "employee"
            elif talk.is_conductor:
                prefix = "conductor"
            else:
                raise AccessError(
                    self.env._(
                        "Only the employee and the conductor sign the talk '%(talk)s'.",
                        talk=talk.name,
                    )
                )
            # no f-string inside the translated call: the term extractor would stop there
            signed_on = talk[prefix + "_signed_date"]
            if signed_on:
                raise UserError(
                    self.env._(
                        "You already signed the talk '%(talk)s' on %(date)s.",
                        talk=talk.name,
                        date=signed_on,
                    )
                )
            talk._lob_internal_write(
                {f"{prefix}_signed_by_id": self.env.uid, f"{prefix}_signed_date": now}
            )
            talk.activity_feedback(
                ["mail.mail_activity_data_todo"],
                user_id=self.env.uid,
                feedback=self.env._("Signed"),
            )
            if talk.employee_signed_date and talk.conductor_signed_date:
                talk._lob_internal_write({"state": "signed", "is_overdue": False})
                talk._lob_on_signed()
        return True

    def action_done(self):
        """Signed -> done: the talk is filed."""
        self._lob_check_transition("signed", "done", "conductor")
        self._lob_internal_write({"state": "done"})
        return True

    def action_cancel(self):
        for talk in self:
            talk._lob_check_role("conductor", self.env._("cancel"))
            talk._lob_check_state(("planned", "preparation", "held"), self.env._("cancel"))
        self._lob_internal_write({"state": "cancelled", "is_overdue": False})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        self.sudo().activity_unlink([PLANNING_ACTIVITY])
        return True

    def action_reset_planned(self):
        """Cancelled -> planned again."""
        self._lob_check_transition("cancelled", "planned", "conductor")
        self._lob_internal_write({"state": "planned"})
        return True

    def action_open_reopen_wizard(self):
        self.ensure_one()
        self._lob_check_role("officer", self.env._("reopen"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Reopen talk"),
            "res_model": "lob.talk.reopen.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_talk_id": self.id},
        }

    def action_print(self):
        return self.env.ref("lob_hrm.lob_talk_report_action").report_action(self)

    def action_lob_prepare_assessments(self):
        """Add the competencies the employee's current roles ask (HR or the conductor)."""
        for talk in self:
            if not (talk.is_conductor or talk.is_officer):
                raise AccessError(
                    self.env._(
                        "Only the conductor or HR can load the competencies of the talk "
                        "'%(talk)s'.",
                        talk=talk.name,
                    )
                )
        self.sudo()._lob_prepare_assessments()
        return True

    # -- business methods -------------------------------------------------------------------

    def _lob_on_signed(self):
        """Called once when the talk becomes fully signed; other features hook in here
        (e.g. applying agreed competency levels)."""
        self.message_post(
            body=self.env._("Signed by the employee and the conductor: the talk is locked."),
            subtype_xmlid="mail.mt_note",
        )
        for talk in self:
            signed_at = max(talk.employee_signed_date, talk.conductor_signed_date)
            talk._lob_apply_agreed_levels(fields.Date.context_today(talk, signed_at))

    def _lob_reopen(self, reason):
        """HR reopens a signed talk: the signatures are cleared and it must be signed again."""
        self._lob_check_role("officer", self.env._("reopen"))
        for talk in self:
            if talk.state not in LOCKED_STATES:
                raise UserError(
                    self.env._(
                        "The talk '%(talk)s' is not signed: there is nothing to reopen.",
                        talk=talk.name,
                    )
                )
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for reopening the talk."))
        self._lob_internal_write(
            {
                "state": "held",
                "employee_signed_by_id": False,
                "employee_signed_date": False,
                "conductor_signed_by_id": False,
                "conductor_signed_date": False,
            }
        )
        for talk in self:
            talk.message_post(
                body=self.env._(
                    "Reopened by %(user)s. Reason: %(reason)s",
                    user=self.env.user.name,
                    reason=reason,
                ),
                subtype_xmlid="mail.mt_note",
            )
        self._lob_schedule_signing()

    @api.model
    def _cron_update_overdue(self):
        """Daily: mark the talks that are overdue, and unmark the others. Idempotent."""
        now = fields.Datetime.now()
        overdue_domain = [
            "|",
            "&",
            ("state", "in", ("planned", "preparation")),
            ("planned_date", "<", now),
            "&",
            ("state", "=", "held"),
            ("planned_date", "<", now - timedelta(days=SIGN_GRACE_DAYS)),
        ]
        talks = lob_as_internal(self.with_context(active_test=False))
        overdue = talks.search(overdue_domain)
        (overdue - overdue.filtered("is_overdue")).write({"is_overdue": True})
        stale = talks.search([("is_overdue", "=", True), ("id", "not in", overdue.ids)])
        stale.write({"is_overdue": False})
        return True

    def _lob_report_answers(self):
        """The answers a printed report may show: together, and each party's once shared."""
        self.ensure_one()
        return self.sudo().answer_ids._lob_filter_shared().with_env(self.env)

    def _lob_internal_write(self, vals):
        return lob_internal_write(self, vals)

    def _lob_sync_answers(self):
        return self.env["lob.talk.answer"]._lob_sync(self)

    def _lob_create_agreements_from_answers(self):
        return self.env["lob.talk.agreement"]._lob_create_from_answers(self)

    def _lob_prepare_assessments(self):
        return self.env["lob.talk.assessment"]._lob_prepare(self)

    def _lob_apply_agreed_levels(self, signed_on):
        return self.env["lob.talk.assessment"]._lob_apply(self, signed_on)
