# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    lob_professionalisation_norm = fields.Float(
        related="company_id.lob_professionalisation_norm", readonly=False
    )
