# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import fields, models


class LobExchangeExportWizard(models.TransientModel):
    """Hands out templates (with their sources, parents and vocabulary) as an exchange file."""

    _name = "lob.exchange.export.wizard"
    _description = "Export LOB exchange file"

    template_ids = fields.Many2many("lob.talk.template", string="Templates", required=True)
    data = fields.Binary("File", readonly=True, attachment=False)
    filename = fields.Char(readonly=True)

    def _download(self):
        self.ensure_one()
        text = self.env["lob.exchange"]._export_document(self.template_ids)
        name = self.template_ids[0].key if len(self.template_ids) == 1 else "lob-templates"
        self.write({"data": base64.b64encode(text.encode("utf-8")), "filename": f"{name}.lob.json"})
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content?model={self._name}&id={self.id}&field=data"
            f"&filename_field=filename&download=true",
            "target": "self",
        }

    def action_export(self):
        return self._download()
