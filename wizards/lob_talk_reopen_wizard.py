# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LobTalkReopenWizard(models.TransientModel):
    _name = "lob.talk.reopen.wizard"
    _description = "Reopen a signed talk"

    talk_id = fields.Many2one("lob.talk", required=True, ondelete="cascade")
    reason = fields.Text(
        required=True, help="Why the signed talk is reopened; kept in its history."
    )

    def action_reopen(self):
        self.ensure_one()
        self.talk_id._lob_reopen(self.reason)
        return {"type": "ir.actions.act_window_close"}
