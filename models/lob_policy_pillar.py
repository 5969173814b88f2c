# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .lob_exchange import KEY_HELP, check_key


class LobPolicyPillar(models.Model):
    """A pillar of the LOB policy. The four of the Ambitieagenda LOB mbo come as editable data:
    vision & policy, activities & guidance, quality monitoring, professionalisation."""

    _name = "lob.policy.pillar"
    _description = "LOB policy pillar"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    key = fields.Char(help=KEY_HELP, copy=False)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [("key_uniq", "unique(key)", "Two pillars cannot share a key.")]

    @api.constrains("key")
    def _check_key(self):
        for pillar in self:
            check_key(pillar, pillar.key)
