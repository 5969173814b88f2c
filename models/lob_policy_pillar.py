# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .lob_key_mixin import KEY_HELP


class LobPolicyPillar(models.Model):
    """A pillar of the LOB policy. The four of the Ambitieagenda LOB mbo come as editable data:
    vision & policy, activities & guidance, quality monitoring, professionalisation."""

    _name = "lob.policy.pillar"
    _description = "LOB policy pillar"
    _order = "sequence, id"
    _inherit = ["lob.key.mixin"]
    # a shared list: the key is unique over all records
    _lob_key_company_field = None

    name = fields.Char(required=True, translate=True)
    key = fields.Char(help=KEY_HELP, copy=False)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [("key_uniq", "unique(key)", "Two pillars cannot share a key.")]
