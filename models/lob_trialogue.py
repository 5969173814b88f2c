# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext


class LobTrialogue(models.Model):
    """A trialoog that took place: the student, the school staff and the company supervisor
    held the student's career talk together along a trialoog template.

    Students and company supervisors are no users, so they are recorded by name and partner.
    A held trialoog belongs in the chain's record of activities: ``_lob_chain_activity_values``
    gives what a chain activity needs, and ``_lob_link_chain_activity`` keeps the link once
    one is made from it.
    """

    _name = "lob.trialogue"
    _description = "Held trialoog"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    template_id = fields.Many2one(
        "lob.talk.template",
        "Trialoog template",
        ondelete="restrict",
        domain="[('audience', '=', 'trialoog')]",
        index="btree_not_null",
    )
    student_name = fields.Char("Student name", required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        "Placement company",
        required=True,
        tracking=True,
        index=True,
        help="The company (leerbedrijf) where the student does their work placement.",
    )
    company_contact = fields.Char(
        "Company supervisor", help="The praktijkbegeleider who took part for the company."
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        string="School staff present",
        check_company=True,
        default=lambda self: self.env.user.employee_id,
    )
    department_id = fields.Many2one("hr.department", "Team", check_company=True, index=True)
    notes = fields.Html(help="What the three agreed, in the student's words.")
    chain_activity_ref = fields.Reference(
        selection="_selection_chain_activity",
        string="Chain activity",
        readonly=True,
        copy=False,
        help="The chain activity this trialoog was recorded as, once recorded.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.model
    def _selection_chain_activity(self):
        # whichever model records chain activities, once installed
        models = self.env["ir.model"].sudo().search([("model", "=", "lob.chain.activity")])
        return [(model.model, model.name) for model in models]

    @api.constrains("template_id")
    def _check_template(self):
        for trialogue in self:
            # sudo: an employee records a trialoog along a template they may not edit
            if trialogue.template_id and trialogue.template_id.sudo().audience != "trialoog":
                raise ValidationError(
                    self.env._(
                        "The trialoog with %(student)s: '%(template)s' is not a trialoog template.",
                        student=trialogue.student_name,
                        template=trialogue.template_id.sudo().name,
                    )
                )

    @api.depends("student_name", "partner_id", "date")
    def _compute_name(self):
        for trialogue in self:
            trialogue.name = " - ".join(
                filter(
                    None,
                    (
                        self.env._("Trialoog"),
                        trialogue.student_name,
                        trialogue.partner_id.name,
                        trialogue.date and fields.Date.to_string(trialogue.date),
                    ),
                )
            )

    # -- hook for chain activities ----------------------------------------------------------

    def _lob_chain_activity_values(self):
        """What a chain activity recorded from this trialoog holds: its date, the company as
        the chain partner, the school staff involved, the team, one student reached, and the
        notes as its evaluation. Plain values, so that the chain activity model decides how
        it stores them (``create`` values after mapping the names it uses)."""
        self.ensure_one()
        return {
            "name": self.name,
            "kind": "trialoog",
            "date": self.date,
            "partner_ids": self.partner_id.ids,
            "employee_ids": self.employee_ids.ids,
            "department_ids": self.department_id.ids,
            "students_reached": 1,
            "evaluation": html2plaintext(self.notes or ""),
            "company_id": self.company_id.id,
        }

    def action_record_chain_activity(self):
        """Record this held trialoog as a chain activity, once: it then counts with the
        chain's other activities (per team, per partner, per year) and keeps the link.
        The chain activity's own rules apply: its partner needs a chain role."""
        self.ensure_one()
        if self.chain_activity_ref:
            raise UserError(
                self.env._(
                    "The trialoog '%(name)s' is already recorded as the chain activity "
                    "'%(activity)s'.",
                    name=self.name,
                    activity=self.chain_activity_ref.display_name,
                )
            )
        activity = self.env["lob.chain.activity"].create(self._lob_chain_activity_values())
        self._lob_link_chain_activity(activity)
        return {
            "type": "ir.actions.act_window",
            "res_model": activity._name,
            "res_id": activity.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _lob_link_chain_activity(self, activity):
        """Remember the chain activity recorded from this trialoog (any record)."""
        self.ensure_one()
        if activity._name in dict(self._selection_chain_activity()):
            self.write({"chain_activity_ref": f"{activity._name},{activity.id}"})
        self.message_post(
            body=self.env._(
                "Recorded as the chain activity '%(name)s'.", name=activity.display_name
            )
        )
