# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LobFindingAcceptWizard(models.TransientModel):
    """Accept an alignment finding knowingly, with the reason in the template's chatter."""

    _name = "lob.finding.accept.wizard"
    _description = "Accept an alignment finding"

    finding_id = fields.Many2one("lob.talk.template.finding", required=True, ondelete="cascade")
    message = fields.Text(related="finding_id.message")
    reason = fields.Text(
        required=True,
        help="Why this template differs on purpose, for example a choice the team made.",
    )

    def action_accept(self):
        self.ensure_one()
        self.finding_id._accept(self.reason)
        return {"type": "ir.actions.act_window_close"}
