# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_round

# Talks whose report is final: both signed.
SIGNED_STATES = ("signed", "done")


class LobDossier(models.Model):
    """The competence file (bekwaamheidsdossier, Wet BIO) of one employee.

    The file stores nothing but its employee: everything it shows is read from the records
    it gathers (roles, LOB levels and their history, signed talks, agreements,
    professionalisation, certificates) *as the current user*, so the record rules of those
    models decide what appears, and the file's own rules decide who may open it at all.
    """

    _name = "lob.dossier"
    _description = "Competence file"
    _rec_name = "employee_id"
    _order = "employee_id"
    _check_company_auto = True

    employee_id = fields.Many2one(
        "hr.employee", required=True, ondelete="cascade", index=True, check_company=True
    )
    employee_user_id = fields.Many2one(
        "res.users", "Employee's user", related="employee_id.user_id", store=True, index=True
    )
    department_id = fields.Many2one(
        "hr.department", "Team", related="employee_id.department_id", store=True
    )
    company_id = fields.Many2one(
        "res.company", related="employee_id.company_id", store=True, index=True
    )
    role_assignment_ids = fields.Many2many(
        "lob.role.assignment", string="Roles and hours", compute="_compute_contents"
    )
    skill_ids = fields.Many2many(
        "hr.employee.skill", string="LOB competency levels", compute="_compute_contents"
    )
    skill_log_ids = fields.Many2many(
        "hr.employee.skill.log", string="Competency history", compute="_compute_contents"
    )
    talk_ids = fields.Many2many("lob.talk", string="Signed talks", compute="_compute_contents")
    agreement_ids = fields.Many2many(
        "lob.talk.agreement", string="Agreements", compute="_compute_contents"
    )
    professionalisation_ids = fields.Many2many(
        "lob.professionalisation", compute="_compute_contents"
    )
    certificate_ids = fields.Many2many(
        "lob.certificate", string="Certificates", compute="_compute_contents"
    )
    hours_summary = fields.Html(
        "Professionalisation hours per year",
        compute="_compute_hours_summary",
        sanitize=False,
        help="Hours of done professionalisation activities per calendar year, against the "
        "company's yearly norm.",
    )
    evidence_count = fields.Integer("Evidence files", compute="_compute_contents")

    _sql_constraints = [
        ("employee_uniq", "unique(employee_id)", "An employee has one competence file."),
    ]

    @api.depends("employee_id")
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_contents(self):
        """Everything in a constant number of queries, whatever the number of files, read
        as the current user: what their rules hide stays out of the file."""
        employees = self.employee_id
        lob_skill = [("employee_id", "in", employees.ids), ("skill_type_id.lob_profile", "=", True)]
        found = {
            "role_assignment_ids": self.env["lob.role.assignment"].search(
                [("employee_id", "in", employees.ids)]
            ),
            "skill_ids": self.env["hr.employee.skill"].search(lob_skill),
            "skill_log_ids": self.env["hr.employee.skill.log"].search(
                lob_skill, order="date desc, id desc"
            ),
            "talk_ids": self.env["lob.talk"].search(
                [("employee_id", "in", employees.ids), ("state", "in", SIGNED_STATES)]
            ),
            "agreement_ids": self.env["lob.talk.agreement"].search(
                [("employee_id", "in", employees.ids), ("talk_id.state", "in", SIGNED_STATES)]
            ),
            "professionalisation_ids": self.env["lob.professionalisation"].search(
                [("employee_id", "in", employees.ids)]
            ),
            "certificate_ids": self.env["lob.certificate"].search(
                [("employee_id", "in", employees.ids)]
            ),
        }
        by_employee = {name: defaultdict(list) for name in found}
        for name, records in found.items():
            for record in records:
                by_employee[name][record.employee_id.id].append(record.id)
        for dossier in self:
            employee_id = dossier.employee_id.id
            for name, records in found.items():
                dossier[name] = records.browse(by_employee[name][employee_id])
        # once every file holds its records, their evidence is read for all files at once;
        # bin_size: count the files without loading them
        for dossier in self.with_context(bin_size=True):
            dossier.evidence_count = len(dossier._lob_evidence_files())

    @api.depends("employee_id")
    @api.depends_context("uid", "allowed_company_ids", "lang")
    def _compute_hours_summary(self):
        rows_by_employee = self._lob_hours_per_year()
        header = Markup(
            "<table class='table table-sm o_lob_dossier_hours'><thead><tr>"
            "<th>%s</th><th class='text-end'>%s</th><th class='text-end'>%s</th>"
            "<th class='text-end'>%s</th></tr></thead><tbody>"
        ) % (
            self.env._("Year"),
            self.env._("Hours"),
            self.env._("Norm"),
            self.env._("Of the norm"),
        )
        for dossier in self:
            rows = rows_by_employee.get(dossier.employee_id.id)
            if not rows:
                dossier.hours_summary = Markup("<p class='text-muted'>%s</p>") % self.env._(
                    "No professionalisation hours recorded yet."
                )
                continue
            body = Markup().join(
                Markup(
                    "<tr><td>%s</td><td class='text-end'>%s</td><td class='text-end'>%s</td>"
                    "<td class='text-end'>%s%%</td></tr>"
                )
                % (row["year"], row["hours"], row["norm"], row["percent"])
                for row in rows
            )
            dossier.hours_summary = header + body + Markup("</tbody></table>")

    @api.model_create_multi
    def create(self, vals_list):
        employees = self.env["hr.employee"].sudo().browse(v.get("employee_id") for v in vals_list)
        for employee in employees:
            self._lob_check_company(employee)
        return super().create(vals_list)

    def action_print(self):
        return self.env.ref("lob_hrm.lob_dossier_report_action").report_action(self)

    def action_download_evidence(self):
        """All evidence files the user may read, as one zip."""
        self.ensure_one()
        wizard = self.env["lob.dossier.evidence.wizard"].create({"dossier_id": self.id})
        return wizard.action_download()

    # -- business methods ---------------------------------------------------------------

    @api.model
    def _lob_check_company(self, employee):
        """Refuse a file for an employee of a company the user does not work in."""
        if self.env.su or not employee.company_id or employee.company_id in self.env.companies:
            return
        raise UserError(
            self.env._(
                "The competence file of %(employee)s belongs to %(company)s, which is not one "
                "of your companies.",
                employee=employee.name,
                company=employee.company_id.name,
            )
        )

    @api.model
    def _lob_for_employee(self, employee):
        """The competence file of ``employee`` as the current user reads it: created on first
        use (it holds nothing of its own), then checked against the file's record rules, so
        that only the employee, their managers and HR get it."""
        employee = employee.sudo()
        employee.ensure_one()
        self._lob_check_company(employee)
        dossier = self.sudo().search([("employee_id", "=", employee.id)], limit=1)
        if not dossier:
            dossier = self.sudo().create({"employee_id": employee.id})
        dossier = dossier.with_env(self.env)
        dossier.check_access("read")
        return dossier

    @api.model
    def _lob_create_missing(self, employees=None):
        """Give each of ``employees`` (default: all employees) without a competence file
        its file; called on install and when employees are created."""
        if employees is None:
            employees = self.env["hr.employee"].with_context(active_test=False).search([])
        known = self.with_context(active_test=False).search([("employee_id", "in", employees.ids)])
        missing = employees - known.employee_id
        return self.create([{"employee_id": employee.id} for employee in missing])

    def _lob_hours_per_year(self):
        """``{employee_id: [{year, hours, norm, percent}, ...]}``, newest year first: the
        hours of done activities the user may read, against each company's yearly norm."""
        groups = self.env["lob.professionalisation"]._read_group(
            [("employee_id", "in", self.employee_id.ids), ("state", "=", "done")],
            ["employee_id", "year"],
            ["hours:sum"],
        )
        rows = defaultdict(list)
        for employee, year, hours in groups:
            norm = employee.sudo().company_id.lob_professionalisation_norm
            rows[employee.id].append(
                {
                    "year": year,
                    "hours": float_round(hours, 2),
                    "norm": norm,
                    "percent": round(100 * hours / norm) if norm else 0,
                }
            )
        for employee_rows in rows.values():
            employee_rows.sort(key=lambda row: row["year"], reverse=True)
        return rows

    def _lob_evidence_files(self):
        """``[(path in the zip, record, field name)]`` of every evidence file in this file
        that the user may read: the professionalisation evidence and the certificates."""
        self.ensure_one()
        files = []
        for activity in self.professionalisation_ids.filtered("evidence"):
            name = activity.evidence_filename or activity.name
            files.append((f"professionalisation/{activity.date} {name}", activity, "evidence"))
        for certificate in self.certificate_ids.filtered("file"):
            name = certificate.filename or certificate.name
            files.append((f"certificates/{certificate.date} {name}", certificate, "file"))
        # two files of the same name and date each keep their own place in the zip
        seen = defaultdict(int)
        unique = []
        for path, record, field in files:
            seen[path] += 1
            if seen[path] > 1:
                stem, dot, ext = path.rpartition(".")
                path = f"{stem} ({seen[path]}).{ext}" if dot else f"{path} ({seen[path]})"
            unique.append((path, record, field))
        return unique

    def _lob_report_talks(self):
        """The signed talks the printed file shows, each only as its own report shows it
        (``lob.talk._lob_report_answers``): never a private note or an unshared answer."""
        self.ensure_one()
        return self.talk_ids.filtered(lambda talk: talk.state in SIGNED_STATES)
