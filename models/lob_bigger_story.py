# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .lob_key_mixin import KEY_HELP


class LobBiggerStory(models.Model):
    """An education development the college already runs and LOB supports ("the bigger
    story"): Focus op Vakmanschap, Passend onderwijs, ... A configurable list."""

    _name = "lob.bigger.story"
    _description = "Bigger story"
    _order = "sequence, name, id"
    _inherit = ["lob.key.mixin"]
    # a shared list: the key is unique over all records
    _lob_key_company_field = None

    name = fields.Char(required=True, translate=True)
    key = fields.Char(help=KEY_HELP, copy=False)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [("key_uniq", "unique(key)", "Two bigger stories cannot share a key.")]
