# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lob_hrm import fingerprint, schemas
from .lob_key_mixin import KEY_HELP
from .lob_template_part_mixin import mirror_link, mirror_link_values

RESPONDENTS = [
    ("coachee", "Employee (or student)"),
    ("coach", "Manager (or coach)"),
    ("together", "Together"),
]
ANSWER_TYPES = [
    ("text", "Text"),
    ("scale", "Scale 1-5"),
    ("yes_no", "Yes / no"),
    ("agreement", "Agreement or development action"),
    ("level", "Competency level"),
]
# What a team variant may not change in a prompt that comes from a locked central section.
LOCKED_PROMPT_FIELDS = {
    "key",
    "text",
    "dimension_id",
    "respondent",
    "answer_type",
    "guidance",
    "required",
    "section_id",
}
ALIGNMENT_FIELDS = LOCKED_PROMPT_FIELDS | {"sequence", "mirror_key", "mirror_fingerprint"}


class LobTalkTemplatePrompt(models.Model):
    _name = "lob.talk.template.prompt"
    _inherit = ["lob.template.part.mixin"]
    _description = "Talk template prompt"
    _order = "template_id, section_sequence, sequence, id"
    _rec_name = "text"
    _lob_locked_fields = LOCKED_PROMPT_FIELDS
    _lob_alignment_fields = ALIGNMENT_FIELDS
    _lob_synced_fields = (
        "text",
        "dimension_id",
        "respondent",
        "answer_type",
        "guidance",
        "required",
    )

    section_id = fields.Many2one(
        "lob.talk.template.section", required=True, ondelete="cascade", index=True
    )
    # cascade like section_id: with "set null", deleting a template made in the same
    # transaction fails (PostgreSQL re-checks section_id on the nulling update)
    template_id = fields.Many2one(
        related="section_id.template_id", store=True, index=True, ondelete="cascade"
    )
    section_sequence = fields.Integer("Section sequence", related="section_id.sequence", store=True)
    phase = fields.Selection(related="section_id.phase", store=True)
    sequence = fields.Integer(default=10)
    key = fields.Char(help=KEY_HELP)
    text = fields.Text("Question", required=True, translate=True)
    dimension_id = fields.Many2one(
        "lob.dimension", "Career competency", ondelete="restrict", index="btree_not_null"
    )
    respondent = fields.Selection(RESPONDENTS, "Answered by", required=True, default="coachee")
    answer_type = fields.Selection(ANSWER_TYPES, required=True, default="text")
    guidance = fields.Text(
        "Guidance for the conductor", translate=True, help="How to ask, what to listen for."
    )
    required = fields.Boolean()
    parent_prompt_id = fields.Many2one(
        "lob.talk.template.prompt",
        "Central prompt",
        ondelete="set null",
        index="btree_not_null",
        copy=False,
    )
    is_protected = fields.Boolean("Locked by central template", compute="_compute_is_protected")
    section_locked = fields.Boolean("Locked", related="section_id.locked")
    is_focus = fields.Boolean(
        compute="_compute_is_focus", help="The prompt an alignment finding led HR to."
    )
    mirror_key = fields.Char(readonly=True, help="Key of the student prompt this mirrors.")
    mirror_fingerprint = fields.Char(readonly=True)
    mirror_snapshot = fields.Json(
        readonly=True,
        copy=False,
        help="The student prompt as it was when this prompt mirrored it (or was last reviewed).",
    )
    company_id = fields.Many2one(related="section_id.template_id.company_id", store=True)
    instrument_id = fields.Many2one(
        "lob.instrument",
        ondelete="set null",
        domain="[('state', '=', 'shared')]",
        help="The instrument the conductor uses at this prompt.",
    )

    _sql_constraints = [
        ("key_section_uniq", "unique(section_id, key)", "Prompt keys must be unique in a section."),
    ]

    @api.depends("parent_prompt_id", "section_id.locked", "section_id.template_id.parent_id")
    def _compute_is_protected(self):
        for prompt in self:
            prompt.is_protected = prompt._protected()

    @api.depends_context("lob_focus_prompt_id")
    def _compute_is_focus(self):
        focus = self.env.context.get("lob_focus_prompt_id")
        for prompt in self:
            prompt.is_focus = bool(focus) and prompt.id == focus

    @api.constrains("key", "template_id")
    def _check_key_unique_in_template(self):
        """A prompt key names one prompt of its template (the core matches mirrors and
        findings by it). One grouped query for the whole batch: its cost does not grow with
        the number of prompts checked."""
        clashes = self._read_group(
            [("template_id", "in", self.section_id.template_id.ids), ("key", "!=", False)],
            ["template_id", "key"],
            having=[("__count", ">", 1)],
            limit=1,
        )
        for template, key in clashes:
            raise ValidationError(
                self.env._(
                    "The prompt key '%(key)s' is used twice in '%(template)s'.",
                    key=key,
                    template=template.name,
                )
            )

    def action_open_section(self):
        """A prompt is edited in its section, as in the template form."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.section_id.display_name,
            "res_model": "lob.talk.template.section",
            "res_id": self.section_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"lob_focus_prompt_id": self.id},
        }

    def _lob_exchange_schema(self):
        self.ensure_one()
        return schemas.Prompt(
            key=self.key,
            text=self.text,
            dimension=self.dimension_id.key or None,
            respondent=self.respondent,
            answer_type=self.answer_type,
            guidance=self.guidance or "",
            required=self.required,
            mirrors=mirror_link(self.mirror_key, self.mirror_fingerprint),
        )

    @api.model
    def _lob_exchange_values(self, item, sequence, dimensions, parent_prompt=None):
        """``create`` values of the file's prompt ``item``; ``dimensions`` maps the file's
        dimension keys to the records standing for them."""
        return {
            "sequence": sequence * 10,
            "key": item.key,
            "text": item.text,
            "dimension_id": dimensions[item.dimension].id if item.dimension else False,
            "respondent": item.respondent.value,
            "answer_type": item.answer_type.value,
            "guidance": item.guidance,
            "required": item.required,
            **mirror_link_values(item.mirrors),
            "parent_prompt_id": parent_prompt.id if parent_prompt else False,
        }

    def _lob_central_part(self):
        return self.parent_prompt_id

    def _lob_content(self):
        """What a mirror follows in this prompt, as the core fingerprints it."""
        self.ensure_one()
        return {
            "text": self.text,
            "dimension": self.dimension_id.key or None,
            "respondent": self.respondent,
            "answer_type": self.answer_type,
        }

    def _lob_fingerprint(self):
        self.ensure_one()
        content = self._lob_content()
        return fingerprint.prompt_fingerprint(schemas.Prompt(key=self.key, **content))

    def _lob_mirror_link_values(self, student):
        """Values that make this prompt follow ``student`` as it is now."""
        return {
            "mirror_fingerprint": student._lob_fingerprint(),
            "mirror_snapshot": student._lob_content(),
        }

    def _lob_capture_snapshots(self, student_prompts, source):
        """Remember the student version of prompts that still follow it, so that a later
        change can be shown as before and after."""
        if source is None:
            return
        current = {p.key: fingerprint.prompt_fingerprint(p) for _s, p in source.prompts()}
        for prompt in self.filtered(lambda p: p.mirror_key and not p.mirror_snapshot):
            student = student_prompts.get(prompt.mirror_key)
            if student and current.get(prompt.mirror_key) == prompt.mirror_fingerprint:
                prompt.mirror_snapshot = student._lob_content()

    @api.model
    def _lob_dimension_names(self):
        """The name of each career competency key the user sees, in one query."""
        names = {}
        for dimension in self.env["lob.dimension"].search([]):
            names.setdefault(dimension.key, dimension.name)
        return names

    def _lob_describe(self, content=None, dimension_names=None):
        """A prompt's mirrored content in words: question, then competency, who, answer.
        ``dimension_names`` (from ``_lob_dimension_names``) saves a query per prompt."""
        content = content or self._lob_content()
        respondents = dict(self._fields["respondent"]._description_selection(self.env))
        answers = dict(self._fields["answer_type"]._description_selection(self.env))
        if dimension_names is None:
            dimension_names = self._lob_dimension_names()
        details = " · ".join(
            part
            for part in (
                dimension_names.get(content.get("dimension"), ""),
                respondents.get(content.get("respondent"), ""),
                answers.get(content.get("answer_type"), ""),
            )
            if part
        )
        return f"{content.get('text', '')}\n({details})" if details else content.get("text", "")

    def _lob_snapshot_text(self, dimension_names=None):
        self.ensure_one()
        if not self.mirror_snapshot:
            return False
        return self._lob_describe(self.mirror_snapshot, dimension_names)

    def _lob_siblings(self):
        return self.template_id.prompt_ids

    def _lob_key_base(self):
        return f"prompt {self.id}"

    def _protected(self):
        self.ensure_one()
        return bool(self.parent_prompt_id and self.section_id.locked and self.template_id.parent_id)

    def _locked_message(self):
        return self.env._(
            "The prompt '%(prompt)s' belongs to the section '%(section)s', which the central "
            "template '%(central)s' locks: a team variant cannot remove or rewrite it.",
            prompt=self.text,
            section=self.section_id.title,
            central=self.template_id.parent_id.name,
        )
