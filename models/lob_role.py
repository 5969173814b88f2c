# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.fields import Command

from ..lob_hrm import schemas
from .lob_key_mixin import KEY_HELP

ROLE_GROUPS = [
    ("primary", "Primary process"),
    ("specialist", "Specialist"),
    ("coordinator", "Coordinator or manager"),
]


class LobRole(models.Model):
    """An LOB role (SLB'er, loopbaancoach, BPV-begeleider, decaan, teamleider): a task
    description and the level it asks per competency of the framework."""

    _name = "lob.role"
    _description = "LOB role"
    _order = "sequence, name, id"
    _check_company_auto = True
    _inherit = ["lob.key.mixin"]

    name = fields.Char(required=True, translate=True)
    key = fields.Char(help=KEY_HELP, copy=False)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    group = fields.Selection(
        ROLE_GROUPS,
        required=True,
        default="primary",
        help="The group of LOB professionals of the Raamwerk LOB this role belongs to.",
    )
    description = fields.Text("Task description", translate=True)
    skill_type_id = fields.Many2one(
        "hr.skill.type",
        "Framework",
        required=True,
        ondelete="restrict",
        domain="[('lob_profile', '=', True)]",
        default=lambda self: self.env["hr.skill.type"].search(
            [("lob_profile", "=", True)], limit=1
        ),
    )
    target_ids = fields.One2many("lob.role.target", "role_id", "Required levels", copy=True)
    assignment_ids = fields.One2many("lob.role.assignment", "role_id", "Assignments")
    assignment_count = fields.Integer("Current holders", compute="_compute_assignment_count")
    company_id = fields.Many2one(
        "res.company", help="Leave empty to share the role with all companies."
    )

    _sql_constraints = [
        (
            "key_company_uniq",
            "unique(key, company_id)",
            "Two roles cannot share a key.",
        ),
    ]

    @api.model
    def _lob_exchange_values(self, item, skill_type, sequence, company_id, skills, levels):
        """``create`` values of the file's role ``item``; ``skills`` and ``levels`` map the
        file's keys to the framework's records."""
        return {
            "key": item.key,
            "name": item.name,
            "group": item.group.value,
            "description": item.description,
            "sequence": sequence * 10,
            "skill_type_id": skill_type.id,
            "company_id": company_id,
            "target_ids": [
                Command.create(
                    {
                        "skill_id": skills[target.competency].id,
                        "skill_level_id": levels[target.level].id,
                    }
                )
                for target in item.targets
            ],
        }

    def _lob_exchange_schema(self):
        self.ensure_one()
        return schemas.Role(
            key=self._lob_exchange_key(),
            name=self.name,
            group=self.group,
            description=self.description or "",
            targets=[
                schemas.RoleTarget(
                    competency=target.skill_id._lob_exchange_key(),
                    level=target.skill_level_id._lob_exchange_key(),
                )
                for target in self.target_ids
            ],
        )

    def _compute_assignment_count(self):
        counts = dict(
            self.env["lob.role.assignment"]._read_group(
                [("role_id", "in", self.ids), ("is_current", "=", True)],
                ["role_id"],
                ["__count"],
            )
        )
        for role in self:
            role.assignment_count = counts.get(role, 0)

    def action_view_assignments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("lob_hrm.lob_role_assignment_action")
        action["domain"] = [("role_id", "=", self.id)]
        action["context"] = {"default_role_id": self.id, "search_default_current": 1}
        return action
