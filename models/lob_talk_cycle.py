# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LobTalkCycle(models.Model):
    """A round of staff talks (gesprekkencyclus) for a set of teams within a date window."""

    _name = "lob.talk.cycle"
    _description = "Talk cycle"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    template_id = fields.Many2one(
        "lob.talk.template",
        "Talk template",
        required=True,
        ondelete="restrict",
        domain="[('audience', '=', 'staff'), ('state', '=', 'published')]",
        tracking=True,
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Teams",
        check_company=True,
        help="The talks are generated for the active employees of these teams and their sub-teams.",
    )
    date_start = fields.Date("Start", required=True, tracking=True)
    date_end = fields.Date("End", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    talk_ids = fields.One2many("lob.talk", "cycle_id", "Talks")
