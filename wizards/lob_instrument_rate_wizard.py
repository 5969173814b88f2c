# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LobInstrumentRateWizard(models.TransientModel):
    """Mark an instrument "used in my team", with a rating and a remark."""

    _name = "lob.instrument.rate.wizard"
    _description = "Rate a LOB instrument"

    instrument_id = fields.Many2one("lob.instrument", required=True, ondelete="cascade")
    rating = fields.Selection(
        [("1", "Poor"), ("2", "Fair"), ("3", "Good"), ("4", "Very good"), ("5", "Excellent")],
        required=True,
        default="4",
    )
    remark = fields.Char()

    def action_confirm(self):
        self.ensure_one()
        self.env["lob.instrument.rating"].create(
            {
                "instrument_id": self.instrument_id.id,
                "rating": int(self.rating),
                "remark": self.remark,
            }
        )
        return {"type": "ir.actions.act_window_close"}
