# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrEmployeePublic(models.Model):
    """Employees and managers without HR rights see colleagues through the public profile:
    their own and their reports' professionalisation hours show there too."""

    _inherit = "hr.employee.public"

    lob_professionalisation_hours = fields.Float(
        "Professionalisation hours", compute="_compute_lob_professionalisation_hours"
    )
    lob_professionalisation_norm = fields.Float(
        "Professionalisation hours per year", compute="_compute_lob_professionalisation_hours"
    )

    def _compute_lob_professionalisation_hours(self):
        year = fields.Date.context_today(self).year
        # the record rules leave the activities of the user and of the employees they manage
        hours = self.env["lob.professionalisation"]._lob_hours_done(self, year)
        for employee in self:
            employee.lob_professionalisation_hours = hours.get(employee.id, 0.0)
            employee.lob_professionalisation_norm = employee.company_id.lob_professionalisation_norm

    def action_lob_professionalisation(self):
        self.ensure_one()
        return self.env["hr.employee"].browse(self.id).action_lob_professionalisation()

    def action_open_lob_dossier(self):
        self.ensure_one()
        return self.env["hr.employee"].browse(self.id).action_open_lob_dossier()
