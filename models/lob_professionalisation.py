# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

KINDS = [
    ("training", "Training"),
    ("course", "Course"),
    ("intervision", "Intervision"),
    ("peer_consultation", "Peer consultation"),
    ("certification", "Certification"),
    ("conference", "Conference"),
    ("other", "Other"),
]


class LobProfessionalisation(models.Model):
    """A professionalisation activity of an employee (cao mbo: 59 hours a year), with the
    competencies it develops and its evidence for the competence file (bekwaamheidsdossier)."""

    _name = "lob.professionalisation"
    _description = "Professionalisation activity"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char("Title", required=True, tracking=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
        tracking=True,
        default=lambda self: self.env.user.employee_id,
    )
    kind = fields.Selection(KINDS, required=True, default="training", tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    year = fields.Integer(compute="_compute_year", store=True, index=True, aggregator=None)
    hours = fields.Float(tracking=True)
    skill_ids = fields.Many2many(
        "hr.skill",
        string="Competencies",
        domain="[('skill_type_id.lob_profile', '=', True)]",
        help="The LOB competencies this activity develops.",
    )
    agreement_id = fields.Many2one(
        "lob.talk.agreement",
        ondelete="set null",
        index="btree_not_null",
        check_company=True,
        domain="[('employee_id', '=', employee_id)]",
        help="The agreement or development action of a talk that this activity carries out.",
    )
    description = fields.Text()
    evidence = fields.Binary(attachment=True, copy=False)
    evidence_filename = fields.Char(copy=False)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done")],
        required=True,
        default="planned",
        tracking=True,
    )
    department_id = fields.Many2one(
        "hr.department",
        "Team",
        related="employee_id.department_id",
        store=True,
        index="btree_not_null",
    )
    company_id = fields.Many2one(
        "res.company", related="employee_id.company_id", store=True, index=True
    )

    @api.constrains("hours")
    def _check_hours(self):
        for activity in self:
            if activity.hours < 0:
                raise ValidationError(
                    self.env._(
                        "%(activity)s: the hours cannot be negative.", activity=activity.name
                    )
                )

    @api.constrains("agreement_id", "employee_id")
    def _check_agreement(self):
        for activity in self:
            if activity.agreement_id and activity.agreement_id.employee_id != activity.employee_id:
                raise ValidationError(
                    self.env._(
                        "%(activity)s: the agreement '%(agreement)s' was made with another "
                        "employee.",
                        activity=activity.name,
                        agreement=activity.agreement_id.display_name,
                    )
                )

    @api.depends("date")
    def _compute_year(self):
        for activity in self:
            activity.year = activity.date.year if activity.date else 0

    def action_done(self):
        self.write({"state": "done"})

    def action_planned(self):
        self.write({"state": "planned"})

    @api.model
    def _lob_hours_done(self, employees, year):
        """Hours of done activities per employee id in calendar ``year`` (one query)."""
        groups = self._read_group(
            [("employee_id", "in", employees.ids), ("year", "=", year), ("state", "=", "done")],
            ["employee_id"],
            ["hours:sum"],
        )
        return {employee.id: hours for employee, hours in groups}
