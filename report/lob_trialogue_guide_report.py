# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class LobTrialogueGuideReport(models.AbstractModel):
    """The conversation guide prints trialoog templates only."""

    _name = "report.lob_hrm.lob_trialogue_guide_report"
    _description = "Trialoog conversation guide"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["lob.talk.template"].browse(docids)
        docs._lob_check_trialogue()
        return {"doc_ids": docids, "doc_model": docs._name, "docs": docs, "data": data}
