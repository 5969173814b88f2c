# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LobSuccessDigest(models.Model):
    """The monthly digest of successes sent to one team member: recorded before its mail goes
    out, so that the scheduled action never sends the same month twice."""

    _name = "lob.success.digest"
    _description = "Monthly digest of LOB successes"
    _order = "month desc, id desc"
    _rec_name = "month"

    department_id = fields.Many2one("hr.department", "Team", required=True, ondelete="cascade")
    user_id = fields.Many2one("res.users", "Recipient", required=True, ondelete="cascade")
    month = fields.Date(required=True, help="The first day of the month it covers.")
    success_ids = fields.Many2many("lob.success", string="Successes")
    company_id = fields.Many2one(related="department_id.company_id", store=True)

    _sql_constraints = [
        (
            "department_user_month_unique",
            "unique(department_id, user_id, month)",
            "A team member receives one digest per month.",
        )
    ]
