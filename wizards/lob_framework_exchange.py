# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Competency frameworks and LOB roles travel through the same exchange wizards as templates."""

from odoo import fields, models


class LobExchangeImportWizard(models.TransientModel):
    _inherit = "lob.exchange.import.wizard"

    framework_note = fields.Text("Competency framework and roles", readonly=True)

    def _framework_note(self, document, done=False):
        """What the file's framework and roles are, and what the import does with them."""
        parts = []
        if document.framework:
            parts.append(
                self.env._(
                    "Competency framework '%(name)s' with %(count)s competencies",
                    name=document.framework.name,
                    count=len(document.framework.competencies),
                )
            )
        if document.roles:
            parts.append(self.env._("%(count)s LOB roles", count=len(document.roles)))
        if not parts:
            return False
        what = "; ".join(parts)
        if done:
            return self.env._(
                "%(what)s: imported; what existed already (same key) was kept and completed.",
                what=what,
            )
        return self.env._(
            "%(what)s: what exists here already (same key) is kept and completed, the rest "
            "is created.",
            what=what,
        )

    def action_analyse(self):
        action = super().action_analyse()
        document = self.env["lob.exchange"]._load(self._raw())
        self.framework_note = self._framework_note(document)
        return action

    def action_import(self):
        """Templates go the plan's way; a framework and roles in the same file are matched by
        key and completed in the same transaction."""
        self.ensure_one()
        document = self.env["lob.exchange"]._load(self._raw())
        action = super().action_import()
        if document.framework or document.roles:
            self.env["lob.exchange"]._load_framework(document, company=self.company_id)
            self.framework_note = self._framework_note(document, done=True)
        return action

    def action_open_framework(self):
        self.ensure_one()
        return self.env["ir.actions.act_window"]._for_xml_id("lob_hrm.hr_skill_type_action_lob")


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
        return self._lob_download(text.encode("utf-8"), f"{name}.lob.json")
