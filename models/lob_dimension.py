# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..lob_hrm import schemas
from .lob_key_mixin import KEY_HELP


class LobDimension(models.Model):
    """One of the five career competencies (Kuijpers), shared by student and staff talks."""

    _name = "lob.dimension"
    _description = "Career competency"
    _inherit = ["lob.key.mixin"]
    _lob_key_shared = True
    _lob_key_readable_fields = ("key", "name", "question", "description")
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    key = fields.Char(required=True, help=KEY_HELP)
    sequence = fields.Integer(default=10)
    question = fields.Char(
        "Guiding question", required=True, translate=True, help="For example: Wat kan ik?"
    )
    description = fields.Text(translate=True)
    company_id = fields.Many2one(
        "res.company", help="Leave empty to share the competency with all companies."
    )
    active = fields.Boolean(default=True)
    prompt_count = fields.Integer("Prompts using it", compute="_compute_prompt_count")

    _sql_constraints = [
        (
            "key_company_uniq",
            "unique(key, company_id)",
            "The key of a career competency must be unique.",
        ),
        (
            "key_shared_uniq",
            "",  # a partial unique index, created in init()
            "The key of a career competency shared with all companies must be unique.",
        ),
    ]

    def action_view_prompts(self):
        """The prompts of all talk templates that ask about this competency."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Prompts about %(name)s", name=self.name),
            "res_model": "lob.talk.template.prompt",
            "view_mode": "list",
            "views": [(self.env.ref("lob_hrm.lob_talk_template_prompt_view_list").id, "list")],
            "domain": [("dimension_id", "=", self.id)],
            "context": {"create": False, "search_default_group_template": 1},
        }

    def _lob_exchange_schema(self):
        self.ensure_one()
        return schemas.Dimension(
            key=self.key,
            name=self.name,
            question=self.question,
            description=self.description or "",
        )

    @api.model
    def _lob_exchange_values(self, item, sequence, company_id, key=None):
        """``create`` values of the file's career competency ``item``."""
        return {
            "key": key or item.key,
            "name": item.name,
            "question": item.question,
            "description": item.description,
            "sequence": sequence * 10,
            "company_id": company_id,
        }

    def _compute_prompt_count(self):
        counts = dict(
            self.env["lob.talk.template.prompt"]._read_group(
                [("dimension_id", "in", self.ids)], ["dimension_id"], ["__count"]
            )
        )
        for dimension in self:
            dimension.prompt_count = counts.get(dimension, 0)
