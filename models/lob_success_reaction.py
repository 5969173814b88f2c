# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .lob_success import REACTIONS


class LobSuccessReaction(models.Model):
    """A colleague's reaction to a success: one per person and success."""

    _name = "lob.success.reaction"
    _description = "Reaction to a LOB success"
    _inherit = ["lob.per.person.mixin"]
    _order = "id"
    _lob_parent_field = "success_id"

    success_id = fields.Many2one("lob.success", required=True, ondelete="cascade", index=True)
    kind = fields.Selection(REACTIONS, required=True, default="applause")
    remark = fields.Char()
    company_id = fields.Many2one(related="success_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "success_user_unique",
            "unique(success_id, user_id)",
            "Each person reacts once to a success: change your reaction instead.",
        )
    ]
