# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LobPolicyStoryLink(models.Model):
    """How the policy's LOB contributes to one programme of the bigger story."""

    _name = "lob.policy.story.link"
    _description = "Bigger story link"
    _order = "policy_id, sequence, id"
    _inherit = ["lob.policy.part.mixin"]

    sequence = fields.Integer(default=10)
    story_id = fields.Many2one(
        "lob.bigger.story", "Bigger story", required=True, ondelete="restrict"
    )
    contribution = fields.Text(help="How LOB contributes to this development.")

    _sql_constraints = [
        ("story_uniq", "unique(policy_id, story_id)", "A policy links a bigger story once.")
    ]
