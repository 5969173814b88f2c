# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class LobRoleTarget(models.Model):
    """The level a role asks on one competency."""

    _name = "lob.role.target"
    _description = "Required level of a role"
    _order = "role_id, skill_id"
    _rec_name = "skill_id"

    role_id = fields.Many2one("lob.role", required=True, ondelete="cascade", index=True)
    skill_type_id = fields.Many2one(related="role_id.skill_type_id")
    skill_id = fields.Many2one(
        "hr.skill",
        "Competency",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    skill_level_id = fields.Many2one(
        "hr.skill.level",
        "Required level",
        required=True,
        ondelete="restrict",
        domain="[('skill_type_id', '=', skill_type_id)]",
    )
    level_progress = fields.Integer(related="skill_level_id.level_progress")
    area_id = fields.Many2one(related="skill_id.lob_area_id")
    company_id = fields.Many2one(related="role_id.company_id")

    _sql_constraints = [
        (
            "role_skill_uniq",
            "unique(role_id, skill_id)",
            "A role asks one level per competency.",
        ),
    ]

    @api.constrains("skill_id", "skill_level_id", "role_id")
    def _check_framework(self):
        for target in self:
            framework = target.role_id.skill_type_id
            if target.skill_id.skill_type_id != framework:
                raise ValidationError(
                    self.env._(
                        "Role '%(role)s': the competency '%(skill)s' is not part of the "
                        "framework '%(framework)s'.",
                        role=target.role_id.name,
                        skill=target.skill_id.name,
                        framework=framework.name,
                    )
                )
            if target.skill_level_id.skill_type_id != framework:
                raise ValidationError(
                    self.env._(
                        "Role '%(role)s': the level '%(level)s' is not on the scale of the "
                        "framework '%(framework)s'.",
                        role=target.role_id.name,
                        level=target.skill_level_id.name,
                        framework=framework.name,
                    )
                )
