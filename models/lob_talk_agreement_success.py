# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class LobTalkAgreement(models.Model):
    """A done agreement can record the success it led to."""

    _inherit = "lob.talk.agreement"

    success_ids = fields.One2many("lob.success", "agreement_id", "Successes")

    def action_record_success(self):
        self.ensure_one()
        if self.status != "done":
            raise UserError(
                self.env._(
                    "The agreement '%(agreement)s' is not done yet: record its success once it is.",
                    agreement=self.display_name,
                )
            )
        return self.env["lob.success"]._lob_action_record(
            {
                "agreement_id": self.id,
                "talk_id": self.talk_id.id,
                "name": (self.description or "").splitlines()[0][:80] if self.description else "",
                "kind": "interaction",
                "department_id": self.employee_id.department_id.id,
                "employee_ids": [fields.Command.set(self.employee_id.ids)],
                "company_id": self.company_id.id,
            }
        )
