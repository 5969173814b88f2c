# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .lob_exchange import KEY_HELP, check_key


class HrSkillLevel(models.Model):
    """Levels of an LOB framework (startbekwaam ... excellent) keep their exchange key and
    what the level means; ``level_progress`` orders them, as everywhere in hr_skills."""

    _inherit = "hr.skill.level"

    lob_key = fields.Char("Key", help=KEY_HELP, copy=False)
    lob_description = fields.Text("Level description", translate=True)

    _sql_constraints = [
        (
            "lob_key_type_uniq",
            "unique(skill_type_id, lob_key)",
            "Two levels of a skill type cannot share a key.",
        ),
    ]

    @api.constrains("lob_key")
    def _check_lob_key(self):
        for level in self:
            check_key(level, level.lob_key)
