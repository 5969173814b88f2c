# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class LobTemplatePublishWizard(models.TransientModel):
    """Names the open errors of the templates to publish, and publishes them on request."""

    _name = "lob.template.publish.wizard"
    _description = "Publish talk templates with errors"

    template_ids = fields.Many2many("lob.talk.template", required=True)
    finding_ids = fields.Many2many(
        "lob.talk.template.finding", string="Errors", compute="_compute_finding_ids"
    )

    @api.depends("template_ids")
    def _compute_finding_ids(self):
        for wizard in self:
            wizard.finding_ids = wizard.template_ids.finding_ids.filtered(
                lambda f: f.severity == "error" and not f.accepted
            )

    def action_publish(self):
        self.ensure_one()
        self.template_ids.with_context(lob_publish_confirmed=True).action_publish()
        return {"type": "ir.actions.act_window_close"}
