# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class LobCertificate(models.Model):
    """A certificate or diploma of an employee (a coaching course, a BPV supervisor
    certificate, ...): the file with who issued it and until when it is valid. It belongs in
    the employee's competence file (bekwaamheidsdossier), optionally with the activity that
    earned it."""

    _name = "lob.certificate"
    _description = "Certificate"
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char("Certificate", required=True)
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
        default=lambda self: self.env.user.employee_id,
    )
    issuer = fields.Char("Issued by")
    date = fields.Date("Issued on", required=True, default=fields.Date.context_today)
    valid_until = fields.Date(
        "Valid until", help="Leave empty when the certificate does not expire."
    )
    is_valid = fields.Boolean("Valid", compute="_compute_is_valid")
    professionalisation_id = fields.Many2one(
        "lob.professionalisation",
        "Professionalisation activity",
        ondelete="set null",
        index="btree_not_null",
        check_company=True,
        domain="[('employee_id', '=', employee_id)]",
        help="The activity that earned this certificate.",
    )
    file = fields.Binary(attachment=True, copy=False)
    filename = fields.Char(copy=False)
    company_id = fields.Many2one(
        "res.company", related="employee_id.company_id", store=True, index=True
    )

    @api.constrains("date", "valid_until")
    def _check_dates(self):
        for certificate in self:
            if certificate.valid_until and certificate.valid_until < certificate.date:
                raise ValidationError(
                    self.env._(
                        "%(certificate)s: it cannot be valid until %(end)s, before it was "
                        "issued on %(start)s.",
                        certificate=certificate.name,
                        end=certificate.valid_until,
                        start=certificate.date,
                    )
                )

    @api.constrains("professionalisation_id", "employee_id")
    def _check_professionalisation(self):
        for certificate in self:
            activity = certificate.professionalisation_id
            if activity and activity.employee_id != certificate.employee_id:
                raise ValidationError(
                    self.env._(
                        "%(certificate)s: the activity '%(activity)s' is another employee's.",
                        certificate=certificate.name,
                        activity=activity.name,
                    )
                )

    @api.depends("valid_until")
    def _compute_is_valid(self):
        today = fields.Date.context_today(self)
        for certificate in self:
            certificate.is_valid = not certificate.valid_until or certificate.valid_until >= today
