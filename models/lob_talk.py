# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

TALK_STATES = [
    ("planned", "Planned"),
    ("preparation", "Preparation"),
    ("held", "Held"),
    ("signed", "Signed"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]


class LobTalk(models.Model):
    """One staff talk held with a published staff template (functionerings-,
    ontwikkelingsgesprek, ...): the employee prepares, the conductor holds it, both sign."""

    _name = "lob.talk"
    _description = "Staff talk"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "planned_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    template_id = fields.Many2one(
        "lob.talk.template",
        "Talk template",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        domain="[('audience', '=', 'staff'), ('state', '=', 'published')]",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
    )
    employee_user_id = fields.Many2one(
        "res.users", related="employee_id.user_id", store=True, index="btree_not_null"
    )
    conductor_id = fields.Many2one(
        "hr.employee",
        compute="_compute_conductor_id",
        store=True,
        readonly=False,
        ondelete="restrict",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        help="Who holds the talk: by default the employee's manager.",
    )
    conductor_user_id = fields.Many2one(
        "res.users", related="conductor_id.user_id", store=True, index="btree_not_null"
    )
    participant_ids = fields.Many2many(
        "res.users",
        string="Extra participants",
        help="HR, a peer coach or a second manager who takes part in the talk.",
    )
    department_id = fields.Many2one(
        "hr.department",
        "Team",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", related="employee_id.company_id", store=True, index=True
    )
    cycle_id = fields.Many2one(
        "lob.talk.cycle", "Talk cycle", ondelete="restrict", index="btree_not_null"
    )
    planned_date = fields.Datetime(tracking=True)
    preparation_deadline = fields.Date(tracking=True)
    state = fields.Selection(
        TALK_STATES, default="planned", required=True, tracking=True, copy=False, index=True
    )

    @api.depends("template_id", "employee_id")
    def _compute_name(self):
        for talk in self:
            talk.name = " - ".join(
                part for part in (talk.template_id.name, talk.employee_id.name) if part
            )

    @api.depends("employee_id")
    def _compute_conductor_id(self):
        for talk in self:
            talk.conductor_id = talk.employee_id.parent_id

    @api.depends("employee_id")
    def _compute_department_id(self):
        for talk in self:
            talk.department_id = talk.employee_id.department_id
