# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class LobRoleAssignment(models.Model):
    """An employee holds an LOB role for a team, with hours per year, from a date to a date.

    Comparing assignments across teams shows whether teams configure LOB consistently:
    which team gives its SLB'ers how many hours.
    """

    _name = "lob.role.assignment"
    _description = "LOB role assignment"
    _order = "date_from desc, id desc"
    _check_company_auto = True

    employee_id = fields.Many2one(
        "hr.employee", required=True, ondelete="cascade", index=True, check_company=True
    )
    role_id = fields.Many2one(
        "lob.role", required=True, ondelete="restrict", index=True, check_company=True
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
    hours = fields.Float(
        "Hours per year", help="The hours per year the team facilitates for this role."
    )
    date_from = fields.Date("From", required=True, default=fields.Date.context_today)
    date_to = fields.Date("To", help="Leave empty while the employee holds the role.")
    is_current = fields.Boolean(
        "Current", compute="_compute_is_current", search="_search_is_current"
    )
    company_id = fields.Many2one(
        "res.company", related="employee_id.company_id", store=True, index=True
    )
    note = fields.Text()

    @api.constrains("hours")
    def _check_hours(self):
        for assignment in self:
            if assignment.hours < 0:
                raise ValidationError(
                    self.env._(
                        "%(employee)s - %(role)s: the hours per year cannot be negative.",
                        employee=assignment.employee_id.name,
                        role=assignment.role_id.name,
                    )
                )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for assignment in self:
            if assignment.date_to and assignment.date_to < assignment.date_from:
                raise ValidationError(
                    self.env._(
                        "%(employee)s - %(role)s: the assignment cannot end (%(end)s) before "
                        "it starts (%(start)s).",
                        employee=assignment.employee_id.name,
                        role=assignment.role_id.name,
                        end=assignment.date_to,
                        start=assignment.date_from,
                    )
                )

    @api.depends("employee_id")
    def _compute_department_id(self):
        for assignment in self:
            if not assignment.department_id:
                assignment.department_id = assignment.employee_id.department_id

    @api.depends("date_from", "date_to")
    @api.depends_context("lob_date")
    def _compute_is_current(self):
        today = self._lob_reference_date()
        for assignment in self:
            assignment.is_current = assignment._lob_holds_on(today)

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Unsupported search on current assignments."))
        domain = self._lob_current_domain(self._lob_reference_date())
        return domain if (operator == "=") == value else ["!", *domain]

    @api.model
    def _lob_reference_date(self):
        return fields.Date.to_date(self.env.context.get("lob_date")) or fields.Date.context_today(
            self
        )

    @api.model
    def _lob_current_domain(self, on_date):
        return [
            "&",
            ("date_from", "<=", on_date),
            "|",
            ("date_to", "=", False),
            ("date_to", ">=", on_date),
        ]

    def _lob_holds_on(self, on_date):
        self.ensure_one()
        return self.date_from <= on_date and (not self.date_to or self.date_to >= on_date)
