# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import fields, models
from odoo.exceptions import UserError


class LobExchangeImportWizard(models.TransientModel):
    """Import shared LOB instruments (templates, career competencies, idiom) from JSON."""

    _name = "lob.exchange.import.wizard"
    _description = "Import LOB exchange file"

    data = fields.Binary("File", required=True)
    filename = fields.Char()
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        help="Company of the imported records; leave empty to share them with all companies.",
    )

    def action_import(self):
        """Validate the whole file with the core first, then create everything at once.

        A bad file raises before anything is written, and the request's single transaction
        rolls back any later failure, so the import is all or nothing.
        """
        self.ensure_one()
        try:
            raw = base64.b64decode(self.data or b"", validate=True)
        except ValueError as exc:
            raise UserError(self.env._("The uploaded file could not be read.")) from exc
        bridge = self.env["lob.exchange"]
        document = bridge._load(raw)
        if not document.templates and not document.dimensions and not document.idiom:
            raise UserError(
                self.env._("The file holds no templates, career competencies or idiom.")
            )
        templates = bridge._import_document(document, company=self.company_id)
        action = self.env["ir.actions.act_window"]._for_xml_id("lob_hrm.lob_talk_template_action")
        action["domain"] = [("id", "in", templates.ids)]
        return action
