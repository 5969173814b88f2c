# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class LobCompetencyLevel(models.Model):
    """What one level of the scale looks like for one competency (a behavioural anchor)."""

    _name = "lob.competency.level"
    _description = "Competency level description"
    _order = "skill_id, level_progress, id"
    _rec_name = "skill_level_id"

    skill_id = fields.Many2one(
        "hr.skill", "Competency", required=True, ondelete="cascade", index=True
    )
    skill_type_id = fields.Many2one(related="skill_id.skill_type_id")
    skill_level_id = fields.Many2one(
        "hr.skill.level",
        "Level",
        required=True,
        ondelete="cascade",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    level_progress = fields.Integer(related="skill_level_id.level_progress", store=True)
    description = fields.Text(required=True, translate=True)

    _sql_constraints = [
        (
            "skill_level_uniq",
            "unique(skill_id, skill_level_id)",
            "A competency describes each level once.",
        ),
    ]

    @api.constrains("skill_id", "skill_level_id")
    def _check_skill_level(self):
        for line in self:
            if line.skill_level_id.skill_type_id != line.skill_id.skill_type_id:
                raise ValidationError(
                    self.env._(
                        "The level '%(level)s' is not on the scale of the competency '%(skill)s'.",
                        level=line.skill_level_id.name,
                        skill=line.skill_id.name,
                    )
                )
