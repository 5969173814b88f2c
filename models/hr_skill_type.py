# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..lob_hrm import schemas
from .lob_key_mixin import KEY_HELP


class HrSkillType(models.Model):
    """A skill type may be an LOB competency framework (Raamwerk LOB): its skills are the
    competencies, its levels the scale, so that Odoo's skill tab, history and reports show
    LOB levels without a parallel model."""

    _name = "hr.skill.type"
    _inherit = ["hr.skill.type", "lob.key.mixin"]
    _lob_key_field = "lob_key"
    _lob_key_company_field = None  # unique across companies (lob_key_uniq)

    lob_profile = fields.Boolean(
        "LOB profile",
        help="This skill type is an LOB competency framework: roles set targets on its "
        "competencies and talks assess them.",
    )
    lob_key = fields.Char("Key", help=KEY_HELP, copy=False, index="btree_not_null")
    lob_description = fields.Text("Framework description", translate=True)
    lob_area_ids = fields.One2many("lob.competency.area", "skill_type_id", "Areas")

    _sql_constraints = [
        (
            "lob_key_uniq",
            "unique(lob_key)",
            "Two competency frameworks cannot share a key.",
        ),
    ]

    def _lob_exchange_schema(self):
        """The framework: its levels in rank order, areas, and the competencies in an area."""
        self.ensure_one()
        levels = self.skill_level_ids.sorted(lambda lvl: (lvl.level_progress, lvl.id))
        return schemas.CompetencyFramework(
            key=self._lob_exchange_key(),
            name=self.name,
            description=self.lob_description or "",
            levels=[level._lob_exchange_schema(rank) for rank, level in enumerate(levels, start=1)],
            areas=[
                area._lob_exchange_schema()
                for area in self.lob_area_ids.sorted(lambda a: (a.sequence, a.id))
            ],
            competencies=[
                skill._lob_exchange_schema() for skill in self.skill_ids if skill.lob_area_id
            ],
        )

    @api.model
    def _lob_exchange_values(self, item):
        """``create`` values of the file's framework ``item`` (its parts come separately)."""
        return {
            "name": item.name,
            "lob_profile": True,
            "lob_key": item.key,
            "lob_description": item.description,
        }

    def action_lob_export_json(self):
        self.ensure_one()
        wizard = self.env["lob.exchange.export.wizard"].create({"skill_type_id": self.id})
        return wizard._download()
