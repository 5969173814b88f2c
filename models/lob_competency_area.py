# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..lob_hrm import schemas
from .lob_key_mixin import KEY_HELP


class LobCompetencyArea(models.Model):
    """An area of expertise of the Raamwerk LOB (visie en beleid, oriëntatie en begeleiding,
    organisatie, samenwerking) grouping the competencies of a framework."""

    _name = "lob.competency.area"
    _description = "Competency area"
    _order = "skill_type_id, sequence, id"
    _inherit = ["lob.key.mixin"]
    _lob_key_company_field = None  # unique in its framework (key_type_uniq)

    skill_type_id = fields.Many2one(
        "hr.skill.type",
        "Framework",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('lob_profile', '=', True)]",
    )
    sequence = fields.Integer(default=10)
    key = fields.Char(help=KEY_HELP)
    name = fields.Char(required=True, translate=True)
    description = fields.Text(translate=True)
    skill_ids = fields.One2many("hr.skill", "lob_area_id", "Competencies")

    _sql_constraints = [
        (
            "key_type_uniq",
            "unique(skill_type_id, key)",
            "Two areas of a framework cannot share a key.",
        ),
    ]

    @api.model
    def _lob_exchange_values(self, item, skill_type, sequence):
        return {
            "skill_type_id": skill_type.id,
            "key": item.key,
            "name": item.name,
            "description": item.description,
            "sequence": sequence * 10,
        }

    def _lob_exchange_schema(self):
        self.ensure_one()
        return schemas.CompetencyArea(
            key=self._lob_exchange_key(), name=self.name, description=self.description or ""
        )
