# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

# What stays editable on the agreements of a signed talk: the progress.
PROGRESS_FIELDS = {"status", "closing_remark"}


class LobTalkAgreement(models.Model):
    """An agreement or development action made in a talk; open ones come back in the next
    talk of the employee."""

    _name = "lob.talk.agreement"
    _description = "Agreement or development action"
    _order = "deadline, id"
    _rec_name = "description"
    _check_company_auto = True

    talk_id = fields.Many2one("lob.talk", required=True, ondelete="cascade", index=True)
    employee_id = fields.Many2one(
        "hr.employee", related="talk_id.employee_id", store=True, index=True
    )
    company_id = fields.Many2one(related="talk_id.company_id", store=True, index=True)
    description = fields.Text(required=True)
    owner = fields.Selection(
        [("employee", "Employee"), ("manager", "Manager")],
        required=True,
        default="employee",
        help="Who acts on it.",
    )
    deadline = fields.Date()
    skill_id = fields.Many2one("hr.skill", "Competency", ondelete="restrict")
    dimension_id = fields.Many2one("lob.dimension", "Career competency", ondelete="restrict")
    status = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("dropped", "Dropped")],
        required=True,
        default="open",
        index=True,
    )
    closing_remark = fields.Text(help="How it went, or why it was dropped.")
    answer_id = fields.Many2one("lob.talk.answer", "From the answer", readonly=True)
    talk_date = fields.Datetime(related="talk_id.planned_date", string="Talk date")

    @api.model_create_multi
    def create(self, vals_list):
        agreements = super().create(vals_list)
        if not self.env.context.get("lob_talk_internal"):
            for agreement in agreements:
                agreement.talk_id._lob_check_locked()
                agreement._lob_check_party()
                agreement.talk_id._lob_check_state(
                    ("planned", "preparation", "held"), self.env._("add agreements to")
                )
        return agreements

    def write(self, vals):
        if not self.env.context.get("lob_talk_internal"):
            for agreement in self:
                if set(vals) - PROGRESS_FIELDS:
                    agreement.talk_id._lob_check_locked()
                agreement._lob_check_party()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked(self):
        if not self.env.context.get("lob_talk_internal"):
            self.talk_id._lob_check_locked()
            for agreement in self:
                agreement._lob_check_party()

    def action_mark_done(self):
        self.write({"status": "done"})

    def action_drop(self):
        self.write({"status": "dropped"})

    def action_reopen(self):
        self.write({"status": "open"})

    def _lob_check_party(self):
        talk = self.talk_id
        user = self.env.user
        if self.env.su or user.has_group("lob_hrm.group_lob_officer"):
            return
        if user not in talk.employee_user_id | talk.conductor_user_id:
            raise AccessError(
                self.env._(
                    "Only the employee, the conductor and HR change the agreements of the talk "
                    "'%(talk)s'.",
                    talk=talk.name,
                )
            )
