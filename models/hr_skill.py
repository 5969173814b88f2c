# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Command

from ..lob_hrm import schemas
from .lob_key_mixin import KEY_HELP


class HrSkill(models.Model):
    """A skill of an LOB framework is a competency: its area, what it means, which groups of
    LOB professionals it concerns and what each level looks like for it."""

    _name = "hr.skill"
    _inherit = ["hr.skill", "lob.key.mixin"]
    _lob_key_field = "lob_key"
    _lob_key_company_field = None  # unique in its skill type (lob_key_type_uniq)

    lob_key = fields.Char("Key", help=KEY_HELP, copy=False, index="btree_not_null")
    lob_profile = fields.Boolean(related="skill_type_id.lob_profile")
    lob_area_id = fields.Many2one(
        "lob.competency.area",
        "Area",
        ondelete="restrict",
        index="btree_not_null",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    lob_description = fields.Text("Competency description", translate=True)
    lob_for_primary = fields.Boolean(
        "Primary process", help="Concerns mentors, SLB'ers, coaches and teachers."
    )
    lob_for_specialist = fields.Boolean(
        "Specialists", help="Concerns deans, LOB coordinators and career advisers."
    )
    lob_for_coordinator = fields.Boolean(
        "Coordinators and managers",
        help="Concerns coordinators, policy makers and team leaders.",
    )
    lob_level_description_ids = fields.One2many(
        "lob.competency.level", "skill_id", "Level descriptions", copy=True
    )

    _sql_constraints = [
        (
            "lob_key_type_uniq",
            "unique(skill_type_id, lob_key)",
            "Two competencies of a framework cannot share a key.",
        ),
    ]

    @api.model
    def _lob_exchange_values(self, item, skill_type, sequence, areas, levels):
        """``create`` values of the file's competency ``item``; ``areas`` and ``levels`` map
        the file's keys to the framework's records."""
        return {
            "skill_type_id": skill_type.id,
            "name": item.name,
            "sequence": sequence * 10,
            "lob_key": item.key,
            "lob_area_id": areas[item.area].id,
            "lob_description": item.description,
            "lob_for_primary": schemas.RoleGroup.PRIMARY in item.groups,
            "lob_for_specialist": schemas.RoleGroup.SPECIALIST in item.groups,
            "lob_for_coordinator": schemas.RoleGroup.COORDINATOR in item.groups,
            "lob_level_description_ids": [
                Command.create(
                    {"skill_level_id": levels[line.level].id, "description": line.description}
                )
                for line in item.levels
            ],
        }

    def _lob_exchange_schema(self):
        self.ensure_one()
        groups = (
            ("lob_for_primary", schemas.RoleGroup.PRIMARY),
            ("lob_for_specialist", schemas.RoleGroup.SPECIALIST),
            ("lob_for_coordinator", schemas.RoleGroup.COORDINATOR),
        )
        return schemas.Competency(
            key=self._lob_exchange_key(),
            name=self.name,
            area=self.lob_area_id._lob_exchange_key(),
            description=self.lob_description or "",
            groups=[group for name, group in groups if self[name]],
            levels=[
                schemas.LevelDescription(
                    level=line.skill_level_id._lob_exchange_key(), description=line.description
                )
                for line in self.lob_level_description_ids
            ],
        )

    @api.constrains("lob_area_id", "skill_type_id")
    def _check_lob_area(self):
        for skill in self:
            if skill.lob_area_id and skill.lob_area_id.skill_type_id != skill.skill_type_id:
                raise ValidationError(
                    self.env._(
                        "The competency '%(skill)s' cannot belong to the area '%(area)s' of "
                        "another framework.",
                        skill=skill.name,
                        area=skill.lob_area_id.name,
                    )
                )
