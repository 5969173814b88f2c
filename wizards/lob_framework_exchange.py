# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Competency frameworks and LOB roles travel through the same exchange wizards as templates."""

import base64

from odoo import fields, models


class LobExchangeImportWizard(models.TransientModel):
    _inherit = "lob.exchange.import.wizard"

    def action_import(self):
        """Import a file with a framework or roles; other files go the templates' way."""
        self.ensure_one()
        try:
            raw = base64.b64decode(self.data or b"", validate=True)
        except ValueError:
            return super().action_import()  # which explains that the file cannot be read
        bridge = self.env["lob.exchange"]
        document = bridge._load(raw)
        if not document.framework and not document.roles:
            return super().action_import()
        templates = self.env["lob.talk.template"]
        if document.templates or document.dimensions or document.idiom:
            templates = bridge._import_document(document, company=self.company_id)
        skill_type = bridge._load_framework(document, company=self.company_id)
        if templates:
            action = self.env["ir.actions.act_window"]._for_xml_id(
                "lob_hrm.lob_talk_template_action"
            )
            action["domain"] = [("id", "in", templates.ids)]
            return action
        action = self.env["ir.actions.act_window"]._for_xml_id("lob_hrm.hr_skill_type_action_lob")
        if skill_type:
            action.update(
                {"res_id": skill_type.id, "view_mode": "form", "views": [(False, "form")]}
            )
        return action


class LobExchangeExportWizard(models.TransientModel):
    _inherit = "lob.exchange.export.wizard"

    template_ids = fields.Many2many(required=False)
    skill_type_id = fields.Many2one("hr.skill.type", "Competency framework")

    def _download(self):
        self.ensure_one()
        if self.template_ids or not self.skill_type_id:
            return super()._download()
        text = self.env["lob.exchange"]._export_framework_document(self.skill_type_id)
        name = self.skill_type_id.lob_key or "lob-framework"
        self.write({"data": base64.b64encode(text.encode("utf-8")), "filename": f"{name}.lob.json"})
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content?model={self._name}&id={self.id}&field=data"
            f"&filename_field=filename&download=true",
            "target": "self",
        }
