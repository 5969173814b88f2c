# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import re
import zipfile

from odoo import fields, models
from odoo.exceptions import UserError


class LobDossierEvidenceWizard(models.TransientModel):
    """Zips the evidence files of a competence file, as the user reads them: a file the
    record rules hide from the user is not in their zip."""

    _name = "lob.dossier.evidence.wizard"
    _description = "Evidence files of a competence file"
    _inherit = ["lob.download.mixin"]

    dossier_id = fields.Many2one(
        "lob.dossier", "Competence file", required=True, ondelete="cascade"
    )

    def action_download(self):
        self.ensure_one()
        dossier = self.dossier_id
        dossier.check_access("read")
        files = dossier._lob_evidence_files()
        if not files:
            raise UserError(
                self.env._(
                    "The competence file of %(employee)s holds no evidence files yet.",
                    employee=dossier.employee_id.name,
                )
            )
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path, record, field in files:
                archive.writestr(path, base64.b64decode(record[field]))
        name = re.sub(r"[^\w.-]+", "-", dossier.employee_id.name or "").strip("-")
        return self._lob_download(buffer.getvalue(), f"evidence-{name}.zip")
