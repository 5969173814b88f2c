# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    lob_professionalisation_norm = fields.Float(
        "Professionalisation hours per year",
        default=59.0,
        help="The yearly professionalisation norm of a full-time employee (cao mbo: 59 hours).",
    )

    @api.constrains("lob_professionalisation_norm")
    def _check_lob_professionalisation_norm(self):
        for company in self:
            if company.lob_professionalisation_norm < 0:
                raise ValidationError(
                    self.env._(
                        "%(company)s: the professionalisation hours per year cannot be negative.",
                        company=company.name,
                    )
                )
