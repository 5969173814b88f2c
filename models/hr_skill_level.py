# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..lob_hrm import schemas
from .lob_key_mixin import KEY_HELP


class HrSkillLevel(models.Model):
    """Levels of an LOB framework (startbekwaam ... excellent) keep their exchange key and
    what the level means; ``level_progress`` orders them, as everywhere in hr_skills."""

    _name = "hr.skill.level"
    _inherit = ["hr.skill.level", "lob.key.mixin"]
    _lob_key_field = "lob_key"
    _lob_key_company_field = None  # unique in its skill type (lob_key_type_uniq)

    lob_key = fields.Char("Key", help=KEY_HELP, copy=False)
    lob_description = fields.Text("Level description", translate=True)

    _sql_constraints = [
        (
            "lob_key_type_uniq",
            "unique(skill_type_id, lob_key)",
            "Two levels of a skill type cannot share a key.",
        ),
    ]

    @api.model
    def _lob_exchange_values(self, item, skill_type, top_rank):
        """``create`` values of the file's level ``item``: its rank becomes a progress."""
        return {
            "skill_type_id": skill_type.id,
            "name": item.name,
            "lob_key": item.key,
            "lob_description": item.description,
            "level_progress": round(item.rank * 100 / top_rank),
            "default_level": item.rank == 1,
        }

    def _lob_exchange_schema(self, rank=1):
        """The level as the core sees it; ``rank`` is its place on the framework's scale."""
        self.ensure_one()
        return schemas.Level(
            key=self._lob_exchange_key(),
            name=self.name,
            rank=rank,
            description=self.lob_description or "",
        )
