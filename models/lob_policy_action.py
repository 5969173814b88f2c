# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

ACTION_STATUSES = [
    ("todo", "To do"),
    ("in_progress", "In progress"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class LobPolicyAction(models.Model):
    """A strategy action (how): who does what for which teams by when, serving one goal.
    Its owner gets a to-do on the policy with the deadline."""

    _name = "lob.policy.action"
    _description = "LOB strategy action"
    _inherit = ["lob.policy.part.mixin"]
    _order = "deadline, id"
    # actions move on while the adopted policy runs
    _lob_locked_when_adopted = False

    name = fields.Char(required=True)
    owner_id = fields.Many2one("res.users", index="btree_not_null")
    department_ids = fields.Many2many("hr.department", string="Teams", check_company=True)
    deadline = fields.Date()
    status = fields.Selection(ACTION_STATUSES, required=True, default="todo")
    goal_id = fields.Many2one(
        "lob.policy.goal",
        "Serves goal",
        ondelete="set null",
        domain="[('policy_id', '=', policy_id)]",
    )
    note = fields.Text()

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        actions._lob_remind_owner()
        return actions

    def write(self, vals):
        result = super().write(vals)
        if {"owner_id", "deadline"} & set(vals):
            self._lob_remind_owner()
        return result

    def _lob_remind_owner(self):
        """A to-do for the owner on the policy, one per open action."""
        for action in self.sudo().filtered(
            lambda a: a.owner_id and a.status in ("todo", "in_progress")
        ):
            summary = action.name[:100]
            # the action's earlier reminder (same summary) gives way to the new one
            action.policy_id.activity_ids.filtered(lambda a, s=summary: a.summary == s).unlink()
            action.policy_id.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=action.deadline or fields.Date.context_today(action),
                summary=summary,
                user_id=action.owner_id.id,
            )
