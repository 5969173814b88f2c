# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .lob_exchange import KEY_HELP, check_key


class HrSkillType(models.Model):
    """A skill type may be an LOB competency framework (Raamwerk LOB): its skills are the
    competencies, its levels the scale, so that Odoo's skill tab, history and reports show
    LOB levels without a parallel model."""

    _inherit = "hr.skill.type"

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

    @api.constrains("lob_key")
    def _check_lob_key(self):
        for skill_type in self:
            check_key(skill_type, skill_type.lob_key)

    def action_lob_export_json(self):
        self.ensure_one()
        wizard = self.env["lob.exchange.export.wizard"].create({"skill_type_id": self.id})
        return wizard._download()
