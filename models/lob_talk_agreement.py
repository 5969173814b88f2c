# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .lob_talk_part_mixin import lob_as_internal

# What stays editable on the agreements of a signed talk: the progress.
PROGRESS_FIELDS = {"status", "closing_remark"}


class LobTalkAgreement(models.Model):
    """An agreement or development action made in a talk; open ones come back in the next
    talk of the employee."""

    _name = "lob.talk.agreement"
    _inherit = ["lob.talk.part.mixin"]
    _description = "Agreement or development action"
    _order = "deadline, id"
    _rec_name = "description"
    _check_company_auto = True
    _lob_open_when_locked = frozenset(PROGRESS_FIELDS)

    employee_id = fields.Many2one(
        "hr.employee", related="talk_id.employee_id", store=True, index=True
    )
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

    def _lob_check_part_create(self):
        result = super()._lob_check_part_create()
        for agreement in self:
            agreement._lob_check_party()
            if agreement.talk_id.state == "cancelled":
                raise UserError(
                    self.env._(
                        "The talk '%(talk)s' is cancelled: it takes no agreements.",
                        talk=agreement.talk_id.name,
                    )
                )
        return result

    def _lob_check_part_write(self, names):
        result = super()._lob_check_part_write(names)
        for agreement in self:
            agreement._lob_check_party()
        return result

    def _lob_check_part_unlink(self):
        result = super()._lob_check_part_unlink()
        for agreement in self:
            agreement._lob_check_party()
        return result

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

    @api.model
    def _lob_create_from_answers(self, talks):
        """Answers to 'agreement' prompts become agreements of their talk."""
        vals_list = []
        for talk in talks.sudo():
            for answer in talk.answer_ids.filtered(
                lambda a: a.answer_type == "agreement" and a.value_text and not a.agreement_id
            ):
                vals_list.append(
                    {
                        "talk_id": talk.id,
                        "description": answer.value_text,
                        "owner": "manager" if answer.party == "manager" else "employee",
                        "dimension_id": answer.prompt_id.dimension_id.id,
                        "answer_id": answer.id,
                    }
                )
        if not vals_list:
            return self.browse()
        agreements = lob_as_internal(self).create(vals_list)
        for agreement in agreements:
            agreement.answer_id.agreement_id = agreement
        return agreements

    @api.model
    def _lob_previous_open(self, talks):
        """{talk: the still open agreements of the employee's earlier talks}, in one search."""
        talks = talks.filtered("employee_id")
        agreements = self.search(
            [("employee_id", "in", talks.employee_id.ids), ("status", "=", "open")]
        )
        return {
            talk: agreements.filtered(
                lambda a, t=talk: (
                    a.employee_id == t.employee_id
                    and a.talk_id != t
                    and a.talk_id.id not in t.ids
                    and (
                        not t.planned_date
                        or not a.talk_id.planned_date
                        or a.talk_id.planned_date <= t.planned_date
                    )
                )
            )
            for talk in talks
        }
