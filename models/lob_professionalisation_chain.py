# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .res_partner import CHAIN_PARTNER_DOMAIN


class LobProfessionalisation(models.Model):
    """External company supervisors can take part in a professionalisation activity, e.g. a
    training in reflective career talks with the college's BPV supervisors. They count as the
    chain's participants, never as employees."""

    _inherit = "lob.professionalisation"

    chain_participant_ids = fields.Many2many(
        "res.partner",
        string="Chain participants",
        domain=CHAIN_PARTNER_DOMAIN,
        help="Company supervisors and other chain partners taking part.",
    )
    chain_participant_count = fields.Integer(compute="_compute_chain_participant_count")

    @api.depends("chain_participant_ids")
    def _compute_chain_participant_count(self):
        for activity in self:
            activity.chain_participant_count = len(activity.chain_participant_ids)

    @api.constrains("chain_participant_ids")
    def _check_chain_participants(self):
        for activity in self:
            activity.chain_participant_ids._lob_check_chain_role(activity)
