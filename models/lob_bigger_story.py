# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .lob_exchange import KEY_HELP, check_key


class LobBiggerStory(models.Model):
    """An education development the college already runs and LOB supports ("the bigger
    story"): Focus op Vakmanschap, Passend onderwijs, ... A configurable list."""

    _name = "lob.bigger.story"
    _description = "Bigger story"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    key = fields.Char(help=KEY_HELP, copy=False)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [("key_uniq", "unique(key)", "Two bigger stories cannot share a key.")]

    @api.constrains("key")
    def _check_key(self):
        for story in self:
            check_key(story, story.key)
