# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.fields import Command

from ..lob_hrm import fingerprint, schemas
from .lob_key_mixin import KEY_HELP
from .lob_template_part_mixin import mirror_link, mirror_link_values

PHASES = [
    ("opening", "Opening"),
    ("look_back", "Look back (terugblik)"),
    ("reflection", "Reflection (reflectie)"),
    ("look_ahead", "Look ahead (vooruitblik)"),
    ("action", "Action and agreements (actie)"),
    ("closing", "Closing"),
]
# What a team variant may not change in a section locked by its central template.
LOCKED_SECTION_FIELDS = {"key", "title", "phase", "intro", "locked", "template_id"}
ALIGNMENT_FIELDS = {"key", "title", "phase", "prompt_ids", "sequence", "mirror_key", "template_id"}


class LobTalkTemplateSection(models.Model):
    _name = "lob.talk.template.section"
    _inherit = ["lob.template.part.mixin"]
    _description = "Talk template section"
    _order = "template_id, sequence, id"
    _rec_name = "title"
    _lob_locked_fields = LOCKED_SECTION_FIELDS
    _lob_alignment_fields = ALIGNMENT_FIELDS
    _lob_synced_fields = ("title", "phase", "intro", "locked")

    template_id = fields.Many2one(
        "lob.talk.template", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    key = fields.Char(help=KEY_HELP)
    title = fields.Char(required=True, translate=True)
    phase = fields.Selection(PHASES, required=True, default="look_back")
    intro = fields.Text("Introduction", translate=True)
    prompt_ids = fields.One2many("lob.talk.template.prompt", "section_id", "Prompts", copy=True)
    prompt_count = fields.Integer("Number of prompts", compute="_compute_prompt_count")
    locked = fields.Boolean(
        help="On a central template: team variants cannot remove or rewrite this section."
    )
    parent_section_id = fields.Many2one(
        "lob.talk.template.section",
        "Central section",
        ondelete="set null",
        index="btree_not_null",
        copy=False,
    )
    is_protected = fields.Boolean(
        compute="_compute_is_protected",
        help="Locked by the central template this team variant derives from.",
    )
    template_central = fields.Boolean(related="template_id.central")
    template_audience = fields.Selection(related="template_id.audience")
    mirror_key = fields.Char(readonly=True, help="Key of the student section this mirrors.")
    mirror_fingerprint = fields.Char(readonly=True)
    company_id = fields.Many2one(related="template_id.company_id", store=True)

    _sql_constraints = [
        (
            "key_template_uniq",
            "unique(template_id, key)",
            "Section keys must be unique in a template.",
        ),
    ]

    @api.depends("locked", "parent_section_id", "template_id.parent_id")
    def _compute_is_protected(self):
        for section in self:
            section.is_protected = section._protected()

    @api.depends("prompt_ids")
    def _compute_prompt_count(self):
        for section in self:
            section.prompt_count = len(section.prompt_ids)

    def _lob_exchange_schema(self):
        self.ensure_one()
        return schemas.Section(
            key=self.key,
            title=self.title,
            phase=self.phase,
            intro=self.intro or "",
            locked=self.locked,
            mirrors=mirror_link(self.mirror_key, self.mirror_fingerprint),
            prompts=[prompt._lob_exchange_schema() for prompt in self.prompt_ids],
        )

    @api.model
    def _lob_exchange_values(self, item, sequence, dimensions, parent_section=None):
        """``create`` values of the file's section ``item`` (with its prompts); a team
        variant's section is linked to the ``parent_section`` of its central template."""
        Prompt = self.env["lob.talk.template.prompt"]
        parent_prompts = {p.key: p for p in parent_section.prompt_ids} if parent_section else {}
        return {
            "sequence": sequence * 10,
            "key": item.key,
            "title": item.title,
            "phase": item.phase.value,
            "intro": item.intro,
            "locked": item.locked,
            **mirror_link_values(item.mirrors),
            "parent_section_id": parent_section.id if parent_section else False,
            "prompt_ids": [
                Command.create(
                    Prompt._lob_exchange_values(
                        prompt, number, dimensions, parent_prompts.get(prompt.key)
                    )
                )
                for number, prompt in enumerate(item.prompts, start=1)
            ],
        }

    def _lob_central_part(self):
        return self.parent_section_id

    def _lob_mark_mirror_reviewed(self):
        """This section follows the student section it mirrors as it is now."""
        for section in self.filtered("mirror_key"):
            source = section.template_id.source_id._lob_exchange_schema()
            student = next((s for s in source.sections if s.key == section.mirror_key), None)
            if student:
                section.mirror_fingerprint = fingerprint.section_fingerprint(student)

    def _lob_siblings(self):
        return self.template_id.section_ids

    def _lob_key_base(self):
        return self.title

    def _protected(self):
        """Locked by the central template this team variant derives from."""
        self.ensure_one()
        return bool(self.template_id.parent_id and self.parent_section_id and self.locked)

    def _locked_message(self):
        return self.env._(
            "The section '%(section)s' is locked by the central template '%(central)s': a team "
            "variant may add sections and prompts, but cannot remove or rewrite it. Change it "
            "in the central template instead.",
            section=self.title,
            central=self.template_id.parent_id.name,
        )
