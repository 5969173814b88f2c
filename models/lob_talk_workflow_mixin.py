# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

LOCKED_STATES = ("signed", "done")
# the to-do a talk cycle gives the conductor of each talk it generates
PLANNING_ACTIVITY = "lob_hrm.mail_activity_type_talk_planning"
# Fields that only the workflow buttons change (never a plain write from a form or RPC).
WORKFLOW_FIELDS = {
    "state",
    "employee_shared",
    "manager_shared",
    "employee_signed_by_id",
    "employee_signed_date",
    "conductor_signed_by_id",
    "conductor_signed_date",
    "is_overdue",
    "held_date",
}
# Fields that decide who takes part: HR's to change once the talk exists.
HR_FIELDS = {"template_id", "employee_id", "conductor_id", "department_id", "cycle_id"}
# Fields the conductor (or HR) keeps up to date while planning.
PLANNING_FIELDS = {"planned_date", "preparation_deadline", "participant_ids", "name"}
EMPLOYEE_SIGN_FIELDS = {"employee_sign_remark", "employee_disagrees"}
CONDUCTOR_SIGN_FIELDS = {"conductor_sign_remark"}
# Fields written through their own records, which check the access themselves.
CONTENT_FIELDS = {"answer_ids", "agreement_ids", "private_note"}


class LobTalkWorkflowMixin(models.AbstractModel):
    """The rules of a talk's workflow, apart from its data and buttons: whose talk a user may
    plan, who may write which field and when, which state a step needs, and the to-dos and
    mails each step sends.
    Only ``lob.talk`` inherits it."""

    _name = "lob.talk.workflow.mixin"
    _description = "Staff talk workflow rules"

    @api.model
    def _lob_check_employee_company(self, vals):
        """Refuse, with a clear message, a talk for an employee of a company not at hand."""
        employee = self.env["hr.employee"].sudo().browse(vals.get("employee_id"))
        if self.env.su or not employee.company_id or employee.company_id in self.env.companies:
            return
        template = self.env["lob.talk.template"].sudo().browse(vals.get("template_id"))
        raise UserError(
            self.env._(
                "The talk '%(talk)s': %(employee)s works for %(company)s, which is not one of "
                "your companies.",
                talk=vals.get("name") or " - ".join(filter(None, (template.name, employee.name))),
                employee=employee.name,
                company=employee.company_id.name,
            )
        )

    def _lob_locked_message(self):
        return self.env._(
            "The talk '%(talk)s' is signed and locked: nobody can change or delete it. HR can "
            "reopen it, with a reason.",
            talk=self.name,
        )

    def _lob_check_locked(self):
        for talk in self:
            if talk.state in LOCKED_STATES:
                raise UserError(talk._lob_locked_message())

    def _lob_check_write(self, names):
        mail_fields = set(self.env["mail.thread"]._fields) | set(
            self.env["mail.activity.mixin"]._fields
        )
        names = names - mail_fields
        if not names:
            return
        self._lob_check_locked()
        if names & WORKFLOW_FIELDS:
            raise UserError(
                self.env._(
                    "The state, sharing and signatures of the talk '%(talk)s' change through "
                    "its buttons only.",
                    talk=self[:1].name,
                )
            )
        officer = self.env.su or self.env.user.has_group("lob_hrm.group_lob_officer")
        for talk in self:
            if names & HR_FIELDS and not officer:
                raise AccessError(
                    self.env._(
                        "Only HR can change the template, employee, conductor, team or cycle "
                        "of the talk '%(talk)s'.",
                        talk=talk.name,
                    )
                )
            if names & PLANNING_FIELDS and not (officer or talk.is_conductor):
                raise AccessError(
                    self.env._(
                        "Only the conductor or HR can plan the talk '%(talk)s'.", talk=talk.name
                    )
                )
            if names & EMPLOYEE_SIGN_FIELDS and not talk.is_employee:
                raise AccessError(
                    self.env._(
                        "Only %(employee)s writes the employee's remark on the talk '%(talk)s'.",
                        employee=talk.employee_id.name,
                        talk=talk.name,
                    )
                )
            if names & CONDUCTOR_SIGN_FIELDS and not talk.is_conductor:
                raise AccessError(
                    self.env._(
                        "Only the conductor writes the conductor's remark on the talk '%(talk)s'.",
                        talk=talk.name,
                    )
                )
            if (names & EMPLOYEE_SIGN_FIELDS and talk.employee_signed_date) or (
                names & CONDUCTOR_SIGN_FIELDS and talk.conductor_signed_date
            ):
                raise UserError(
                    self.env._(
                        "The remark on the talk '%(talk)s' was signed and can no longer change.",
                        talk=talk.name,
                    )
                )
            other = names - HR_FIELDS - PLANNING_FIELDS - CONTENT_FIELDS
            other -= EMPLOYEE_SIGN_FIELDS | CONDUCTOR_SIGN_FIELDS
            if other and not officer:
                raise AccessError(
                    self.env._(
                        "You cannot change %(fields)s of the talk '%(talk)s'.",
                        fields=", ".join(sorted(other)),
                        talk=talk.name,
                    )
                )

    def _lob_check_role(self, role, what):
        """Raise unless the current user may ``what`` the talk as ``role`` (or as HR)."""
        officer = self.env.su or self.env.user.has_group("lob_hrm.group_lob_officer")
        for talk in self:
            allowed = officer if role == "officer" else officer or talk.is_conductor
            if not allowed:
                who = self.env._("HR") if role == "officer" else self.env._("the conductor or HR")
                raise AccessError(
                    self.env._(
                        "Only %(who)s can %(what)s the talk '%(talk)s'.",
                        who=who,
                        what=what,
                        talk=talk.name,
                    )
                )

    def _lob_check_shareable(self):
        self.ensure_one()
        if self.state not in ("preparation", "held"):
            raise UserError(
                self.env._(
                    "The preparation of the talk '%(talk)s' can be shared once the employee is "
                    "invited, until the talk is signed.",
                    talk=self.name,
                )
            )

    def _lob_check_state(self, states, what):
        self.ensure_one()
        if self.state not in states:
            labels = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "You cannot %(what)s the talk '%(talk)s' while it is %(state)s.",
                    what=what,
                    talk=self.name,
                    state=labels[self.state].lower(),
                )
            )

    def _lob_check_transition(self, source, target, role):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for talk in self:
            talk._lob_check_role(role, self.env._("move to %s", labels[target].lower()))
            if talk.state != source:
                raise UserError(
                    self.env._(
                        "The talk '%(talk)s' is %(state)s: it can only become %(target)s from "
                        "%(origin)s.",
                        talk=talk.name,
                        state=labels[talk.state].lower(),
                        target=labels[target].lower(),
                        origin=labels[source].lower(),
                    )
                )

    def _lob_check_required_answers(self):
        for talk in self:
            missing = talk.sudo().answer_ids.filtered(lambda a: a.prompt_id.required and a.is_empty)
            if missing:
                prompts = "\n".join("- " + text for text in missing.prompt_id.mapped("text"))
                raise UserError(
                    self.env._(
                        "The talk '%(talk)s' cannot be marked held: these required prompts "
                        "are not answered yet:\n%(prompts)s",
                        talk=talk.name,
                        prompts=prompts,
                    )
                )

    def _lob_mail_queued(self):
        """The talk as sudo, with its mails queued for the mail queue cron instead of sent
        while the user waits for the button: an SMTP round trip per recipient (or a timeout
        when the server is down) inside the request held a worker for seconds."""
        return self.sudo().with_context(mail_notify_force_send=False)

    def _lob_schedule_preparation(self):
        for talk in self._lob_mail_queued():
            if talk.employee_user_id:
                talk.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=talk.preparation_deadline
                    or fields.Date.to_date(talk.planned_date),
                    summary=self.env._("Prepare your talk"),
                    user_id=talk.employee_user_id.id,
                )

    def _lob_schedule_signing(self):
        for talk in self._lob_mail_queued():
            for user in talk.employee_user_id | talk.conductor_user_id:
                talk.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=fields.Date.context_today(talk) + timedelta(days=7),
                    summary=self.env._("Sign the talk"),
                    user_id=user.id,
                )

    def _lob_send_mail(self, xmlid):
        template = self.env.ref(xmlid, raise_if_not_found=False)
        if not template:
            return
        for talk in self._lob_mail_queued():
            talk.message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                partner_ids=(talk.employee_user_id | talk.conductor_user_id).partner_id.ids,
            )

    def _lob_schedule_planning(self):
        """Give the conductor of each talk the to-do to plan it, in one batch: due two weeks
        into the cycle (from today if it already started), never after its end. Without a
        conductor who has a user, the HR officer who generated the talks holds it."""
        activity_type = self.env.ref(PLANNING_ACTIVITY)
        today = fields.Date.context_today(self)
        model_id = self.env["ir.model"]._get_id("lob.talk")
        vals_list = []
        for talk in self:
            cycle = talk.cycle_id
            start = max(cycle.date_start, today) if cycle else today
            deadline = start + timedelta(days=activity_type.delay_count)
            if cycle:
                deadline = max(min(deadline, cycle.date_end), today)
            vals_list.append(
                {
                    "activity_type_id": activity_type.id,
                    "summary": activity_type.summary,
                    "note": self.env._(
                        "Agree a date with %(employee)s and invite them to prepare the talk.",
                        employee=talk.employee_id.name,
                    ),
                    "date_deadline": deadline,
                    "res_model_id": model_id,
                    "res_id": talk.id,
                    "user_id": talk.conductor_user_id.id or self.env.uid,
                    "automated": True,
                }
            )
        # no mail per to-do: a team leader gets one to-do per talk, not a mail per talk
        return (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )
