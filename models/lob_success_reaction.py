# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .lob_success import REACTIONS


class LobSuccessReaction(models.Model):
    """A colleague's reaction to a success: one per person and success."""

    _name = "lob.success.reaction"
    _description = "Reaction to a LOB success"
    _order = "id"

    success_id = fields.Many2one("lob.success", required=True, ondelete="cascade", index=True)
    user_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user, readonly=True, index=True
    )
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

    @api.model_create_multi
    def create(self, vals_list):
        # whoever reacts is always the current user, never someone else in their name
        if not self.env.su:
            for vals in vals_list:
                vals["user_id"] = self.env.uid
        return super().create(vals_list)
