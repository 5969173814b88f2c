# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..lob_hrm import schemas
from .lob_talk_template_prompt import ALIGNMENT_FIELDS, LOCKED_PROMPT_FIELDS
from .lob_talk_template_prompt import LobTalkTemplatePrompt as PromptBase
from .lob_talk_template_trialogue import PARTIES


class LobTalkTemplatePrompt(models.Model):
    """Who answers a prompt of a trialoog: the student, the school or the company."""

    _inherit = "lob.talk.template.prompt"
    # who answers is part of the prompt: locked with it, synced to variants, and aligned
    _lob_locked_fields = LOCKED_PROMPT_FIELDS | {"party"}
    _lob_alignment_fields = ALIGNMENT_FIELDS | {"party"}
    _lob_synced_fields = (*PromptBase._lob_synced_fields, "party")

    party = fields.Selection(
        PARTIES,
        compute="_compute_party",
        store=True,
        readonly=False,
        help="In a trialoog: who answers this prompt. The student leads and opens the talk.",
    )
    template_audience = fields.Selection(related="template_id.audience", string="Audience")

    @api.depends("template_id.audience")
    def _compute_party(self):
        # a trialoog prompt always has a party (the student's until HR says otherwise);
        # a prompt of another template has none
        for prompt in self:
            if prompt.template_id.audience != "trialoog":
                prompt.party = False
            elif not prompt.party:
                prompt.party = "student"

    def _lob_exchange_schema(self):
        prompt = super()._lob_exchange_schema()
        return (
            prompt.model_copy(update={"party": schemas.Party(self.party)}) if self.party else prompt
        )

    @api.model
    def _lob_exchange_values(self, item, sequence, dimensions, parent_prompt=None):
        values = super()._lob_exchange_values(item, sequence, dimensions, parent_prompt)
        if item.party:
            values["party"] = item.party.value
        return values
