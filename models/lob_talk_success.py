# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class LobTalk(models.Model):
    """A signed talk can record the success it led to."""

    _inherit = "lob.talk"

    success_ids = fields.One2many("lob.success", "talk_id", "Successes")

    def action_record_success(self):
        self.ensure_one()
        if self.state not in ("signed", "done"):
            raise UserError(
                self.env._(
                    "The talk '%(talk)s' is not signed yet: record its success once it is.",
                    talk=self.name,
                )
            )
        return self.env["lob.success"]._lob_action_record(
            {
                "talk_id": self.id,
                "name": self.env._("Success from %(talk)s", talk=self.name),
                "department_id": self.employee_id.department_id.id,
                "employee_ids": [fields.Command.set(self.employee_id.ids)],
                "company_id": self.company_id.id,
            }
        )
