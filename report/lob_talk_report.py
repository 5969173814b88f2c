# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class LobTalkReport(models.AbstractModel):
    """The printed talk: refuse plainly, before rendering, talks the user may not read."""

    _name = "report.lob_hrm.lob_talk_report"
    _description = "Staff talk report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["lob.talk"].browse(docids)
        docs.check_access("read")
        return {"doc_ids": docids, "doc_model": "lob.talk", "docs": docs, "data": data}
