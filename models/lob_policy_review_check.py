# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class LobPolicyReviewCheck(models.Model):
    """Check: was a goal met in the reviewed school year?"""

    _name = "lob.policy.review.check"
    _description = "Review check per goal"
    _order = "review_id, id"

    review_id = fields.Many2one("lob.policy.review", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="review_id.company_id", store=True)
    goal_id = fields.Many2one("lob.policy.goal", required=True, ondelete="cascade")
    indicator = fields.Selection(related="goal_id.indicator")
    target = fields.Float(related="goal_id.target")
    met = fields.Boolean()
    remark = fields.Text()

    def write(self, vals):
        self.review_id._lob_check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        self.review_id._lob_check_draft()
