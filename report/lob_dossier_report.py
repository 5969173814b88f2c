# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class LobDossierReport(models.AbstractModel):
    """The printed competence file: refused outright to whoever may not read the file,
    before any of it is rendered."""

    _name = "report.lob_hrm.lob_dossier_report"
    _description = "Competence file report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["lob.dossier"].browse(docids)
        docs.check_access("read")
        return {"doc_ids": docids, "doc_model": "lob.dossier", "docs": docs, "data": data}
