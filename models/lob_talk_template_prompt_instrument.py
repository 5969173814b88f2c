# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LobTalkTemplatePrompt(models.Model):
    """A prompt can point to an instrument ("use the qualities card here")."""

    _inherit = "lob.talk.template.prompt"

    instrument_id = fields.Many2one(
        "lob.instrument",
        ondelete="set null",
        domain="[('state', '=', 'shared')]",
        help="The instrument the conductor uses at this prompt.",
    )


class LobTalkAnswer(models.Model):
    """The talk shows the conductor the instrument of each prompt."""

    _inherit = "lob.talk.answer"

    instrument_id = fields.Many2one(related="prompt_id.instrument_id", string="Instrument")
