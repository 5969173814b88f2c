# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .res_partner import CHAIN_PARTNER_DOMAIN

KINDS = [
    ("information", "Information afternoon (voorlichtingsmiddag)"),
    ("hands_on", "Hands-on afternoon (doe-middag)"),
    ("shadow_day", "Shadow day (meeloopdag)"),
    ("alumni", "Alumni activity"),
    ("combined_training", "Combined vmbo-mbo training"),
    ("supervisor_training", "Joint training of company supervisors"),
    ("trialoog", "Trialoog"),
    ("other", "Other"),
]


class LobChainActivity(models.Model):
    """An LOB activity with the chain: vmbo before, hbo and the work field after."""

    _name = "lob.chain.activity"
    _description = "Chain activity"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char("Title", required=True, tracking=True)
    kind = fields.Selection(KINDS, required=True, default="information", tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    year = fields.Integer(compute="_compute_year", store=True, index=True, aggregator=None)
    department_ids = fields.Many2many("hr.department", string="Teams", check_company=True)
    partner_ids = fields.Many2many(
        "res.partner",
        string="Chain partners",
        domain=CHAIN_PARTNER_DOMAIN,
        help="The schools, companies and alumni networks taking part, or their contacts.",
    )
    employee_ids = fields.Many2many("hr.employee", string="Staff involved", check_company=True)
    students_reached = fields.Integer()
    evaluation = fields.Text(help="How did it go, and what do we keep or change?")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.constrains("partner_ids")
    def _check_partners(self):
        for activity in self:
            activity.partner_ids._lob_check_chain_role(activity)

    @api.constrains("students_reached")
    def _check_students_reached(self):
        for activity in self:
            if activity.students_reached < 0:
                raise ValidationError(
                    self.env._(
                        "%(activity)s: the students reached cannot be negative.",
                        activity=activity.name,
                    )
                )

    @api.depends("date")
    def _compute_year(self):
        for activity in self:
            activity.year = activity.date.year if activity.date else 0
