# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class LobExchangeExportWizard(models.TransientModel):
    """Hands out templates (with their sources, parents and vocabulary) as an LOB exchange
    file (JSON) that another company or college imports; not Odoo's list export."""

    _name = "lob.exchange.export.wizard"
    _description = "Download LOB exchange file"
    _inherit = ["lob.download.mixin"]

    template_ids = fields.Many2many("lob.talk.template", string="Templates", required=True)
    instrument_ids = fields.Many2many("lob.instrument", string="Instruments")
    policy_id = fields.Many2one("lob.policy")

    @api.model
    def _action_open(self, templates):
        """The wizard for ``templates`` (the list's or form's selection)."""
        wizard = self.create({"template_ids": [fields.Command.set(templates.ids)]})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Download LOB exchange file"),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    @api.model
    def _action_open_instruments(self, instruments):
        """The wizard for ``instruments`` (the library's selection)."""
        instruments.check_access("read")
        wizard = self.create({"instrument_ids": [fields.Command.set(instruments.ids)]})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Export for another college"),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }

    def _download(self):
        self.ensure_one()
        bridge = self.env["lob.exchange"]
        # every chosen instrument, also one the user may not read (a many2many hides those):
        # the export refuses it instead of leaving it out silently
        instruments = self.sudo().instrument_ids.with_env(self.env)
        if instruments:
            text = bridge._export_instruments_document(instruments)
            keys = instruments.mapped("key")
            name = keys[0] if len(keys) == 1 and keys[0] else "lob-instruments"
            return self._lob_download(text.encode("utf-8"), f"{name}.lob.json")
        if self.policy_id:
            text = bridge._export_policy_document(self.policy_id)
            name = self.policy_id.key or "lob-policy-frame"
            return self._lob_download(text.encode("utf-8"), f"{name}.lob.json")
        text = self.env["lob.exchange"]._export_document(self.template_ids)
        name = self.template_ids[0].key if len(self.template_ids) == 1 else "lob-templates"
        return self._lob_download(text.encode("utf-8"), f"{name}.lob.json")

    def action_export(self):
        return self._download()
