# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command

from ..lob_hrm import schemas
from .lob_key_mixin import KEY_HELP
from .lob_template_part_mixin import mirror_link

AUDIENCES = [("student", "Student"), ("staff", "Staff")]
KINDS = [
    ("career", "Career talk (loopbaangesprek)"),
    ("planning", "Planning talk"),
    ("performance", "Performance talk (functioneringsgesprek)"),
    ("development", "Development talk (ontwikkelingsgesprek)"),
    ("pdp", "Personal development plan talk (POP)"),
    ("appraisal", "Appraisal talk (beoordelingsgesprek)"),
]
# Fields whose change can move the alignment of a template or of its mirrors.
ALIGNMENT_FIELDS = {"audience", "kind", "source_id", "source_fingerprint", "section_ids", "name"}


class LobTalkTemplate(models.Model):
    """A talk format (gespreksformat): ordered sections (phases) with prompts.

    A staff template may mirror a student template (``source_id``); a central template
    (kader) may lock sections, which its team variants (``parent_id``) cannot remove or
    rewrite.
    """

    _name = "lob.talk.template"
    _description = "Talk template"
    _inherit = ["mail.thread", "lob.key.mixin", "lob.talk.template.alignment"]
    _lob_key_shared = True
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    key = fields.Char(help=KEY_HELP, copy=False, index=True)
    sequence = fields.Integer(default=10)
    audience = fields.Selection(AUDIENCES, required=True, default="staff", tracking=True)
    kind = fields.Selection(
        KINDS, "Kind of talk", required=True, default="performance", tracking=True
    )
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published"), ("archived", "Archived")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    description = fields.Text(translate=True)
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        help="Leave empty to share the template with all companies.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Teams",
        check_company=True,
        help="The teams (departments) that hold their talks with this template.",
    )
    section_ids = fields.One2many("lob.talk.template.section", "template_id", copy=True)
    prompt_ids = fields.One2many("lob.talk.template.prompt", "template_id")
    # which answer columns a talk form with this template needs, stored: every read of a talk
    # form asks, and its template's row is read anyway (no search of its prompts)
    has_scale = fields.Boolean("Asks for a score", compute="_compute_answer_types", store=True)
    has_yes_no = fields.Boolean("Asks yes or no", compute="_compute_answer_types", store=True)
    has_level = fields.Boolean("Asks for a level", compute="_compute_answer_types", store=True)
    central = fields.Boolean(
        "Central framework",
        tracking=True,
        help="A central template (kader) for all teams: its locked sections cannot be removed "
        "or rewritten in the team variants derived from it.",
    )
    parent_id = fields.Many2one(
        "lob.talk.template",
        "Central template",
        domain="[('central', '=', True), ('id', '!=', id)]",
        ondelete="restrict",
        index="btree_not_null",
        copy=False,
    )
    variant_ids = fields.One2many("lob.talk.template", "parent_id", "Team variants")
    source_id = fields.Many2one(
        "lob.talk.template",
        "Mirrors student template",
        domain="[('audience', '=', 'student')]",
        ondelete="set null",
        index="btree_not_null",
        tracking=True,
    )
    source_fingerprint = fields.Char(
        readonly=True, copy=True, help="Fingerprint of the student template when it was mirrored."
    )
    mirror_ids = fields.One2many("lob.talk.template", "source_id", "Mirrored staff templates")
    alignment_score = fields.Integer(
        readonly=True,
        copy=False,
        aggregator="avg",
        help="How consistently this staff template follows its student template and the "
        "principles of a career dialogue (0-100).",
    )
    central_outdated = fields.Boolean(
        "Central template changed",
        compute="_compute_central_outdated",
        help="The central template's locked sections changed since this team variant took "
        "them over.",
    )
    finding_ids = fields.One2many("lob.talk.template.finding", "template_id", readonly=True)
    has_drift = fields.Boolean(
        "Student template changed",
        readonly=True,
        copy=False,
        help="The student template changed after this template was mirrored from it.",
    )
    has_errors = fields.Boolean(
        readonly=True,
        copy=False,
        help="The alignment check found errors that HR has not accepted.",
    )
    alignment_checks = fields.Json(
        readonly=True, copy=False, help="The score per check: code, weight, points earned."
    )
    alignment_display = fields.Char("Alignment", compute="_compute_alignment_display")
    alignment_breakdown = fields.Html(
        "Score per check", compute="_compute_alignment_breakdown", sanitize=False
    )
    preview_html = fields.Html(
        "Preview",
        compute="_compute_preview_html",
        sanitize=False,
        help="The talk as the employee will have it: phases, introductions and the questions "
        "to prepare.",
    )

    _sql_constraints = [
        ("key_company_uniq", "unique(key, company_id)", "The key of a template must be unique."),
        (
            "key_shared_uniq",
            "",  # a partial unique index, created in init()
            "The key of a template shared with all companies must be unique.",
        ),
    ]

    @api.constrains("parent_id", "source_id", "audience")
    def _check_links(self):
        for template in self:
            if template.parent_id and not template.parent_id.central:
                raise ValidationError(
                    self.env._("A team variant can only derive from a central template.")
                )
            if template.parent_id == template or template.source_id == template:
                raise ValidationError(self.env._("A template cannot refer to itself."))
            if template.source_id and template.audience not in self._lob_mirror_audiences():
                raise ValidationError(
                    self.env._("Only a staff template can mirror a student template.")
                )

    @api.depends("prompt_ids.answer_type")
    def _compute_answer_types(self):
        for template in self:
            types = set(template.prompt_ids.mapped("answer_type"))
            template.has_scale = "scale" in types
            template.has_yes_no = "yes_no" in types
            template.has_level = "level" in types

    @api.depends("alignment_score", "audience")
    def _compute_alignment_display(self):
        for template in self:
            template.alignment_display = (
                f"{template.alignment_score} / 100"
                if template.audience in self._lob_mirror_audiences()
                else False
            )

    @api.depends("alignment_checks", "finding_ids.check", "finding_ids.accepted")
    @api.depends_context("lang")
    def _compute_alignment_breakdown(self):
        Finding = self.env["lob.talk.template.finding"]
        labels = Finding._check_labels()
        _ = self.env._
        for template in self:
            rows = []
            for check in template.alignment_checks or []:
                findings = template.finding_ids.filtered(
                    lambda f, code=check["code"]: f.check == code and not f.accepted
                )
                if not check.get("applicable", True):
                    points, cost = _("does not apply"), ""
                else:
                    lost = round(check["weight"] - check["earned"], 1)
                    points = f"{round(check['earned'], 1):g} / {check['weight']}"
                    cost = f"\u2212{lost:g}" if lost else ""
                rows.append(
                    Markup(
                        "<tr><td>%s</td><td class='text-end'>%s</td>"
                        "<td class='text-end text-danger'>%s</td><td class='text-end'>%s</td></tr>"
                    )
                    % (labels.get(check["code"], check["code"]), points, cost, len(findings) or "")
                )
            template.alignment_breakdown = (
                Markup(
                    "<table class='table table-sm o_lob_breakdown'><thead><tr><th>%s</th>"
                    "<th class='text-end'>%s</th><th class='text-end'>%s</th>"
                    "<th class='text-end'>%s</th></tr></thead><tbody>%s</tbody></table>"
                )
                % (_("Check"), _("Points"), _("Cost"), _("Open findings"), Markup().join(rows))
                if rows
                else False
            )

    @api.depends(
        "section_ids.title",
        "section_ids.phase",
        "section_ids.intro",
        "section_ids.sequence",
        "prompt_ids.text",
        "prompt_ids.respondent",
        "prompt_ids.sequence",
    )
    @api.depends_context("lang")
    def _compute_preview_html(self):
        phases = dict(
            self.env["lob.talk.template.section"]._fields["phase"]._description_selection(self.env)
        )
        _ = self.env._
        for template in self:
            parts = []
            for number, section in enumerate(template.section_ids, start=1):
                questions = section.prompt_ids.filtered(
                    lambda p: p.respondent in ("coachee", "together")
                )
                items = Markup().join(
                    Markup("<li>%s%s</li>")
                    % (
                        prompt.text,
                        Markup(" <span class='text-muted'>(%s)</span>") % _("together")
                        if prompt.respondent == "together"
                        else "",
                    )
                    for prompt in questions
                )
                parts.append(
                    Markup(
                        "<section class='mb-3'><h4>%s. %s "
                        "<small class='text-muted'>%s</small></h4>%s%s</section>"
                    )
                    % (
                        number,
                        section.title,
                        # the phase, unless the title says it already
                        ""
                        if phases.get(section.phase, "").casefold() == section.title.casefold()
                        else phases.get(section.phase, ""),
                        Markup("<p>%s</p>") % section.intro if section.intro else "",
                        Markup("<p class='mb-1 fw-bold'>%s</p><ul>%s</ul>") % (_("Prepare:"), items)
                        if questions
                        else "",
                    )
                )
            template.preview_html = Markup().join(parts) or False

    @api.model_create_multi
    def create(self, vals_list):
        # keys given or made earlier in this batch: two new "Functioneringsgesprek" get two keys
        batch_keys = {vals["key"] for vals in vals_list if vals.get("key")}
        for vals in vals_list:
            if vals.get("parent_id") and not vals.get("section_ids"):
                # a new team variant starts from its central template, linked to it
                parent = self.browse(vals["parent_id"])
                vals["section_ids"] = [
                    Command.create(section) for section in parent._variant_sections()
                ]
                if parent.source_id and not vals.get("source_id"):
                    vals["source_id"] = parent.source_id.id
                    vals["source_fingerprint"] = parent.source_fingerprint
            if not vals.get("key"):
                vals["key"] = self._lob_unique_key(
                    vals.get("name") or "template", vals.get("company_id"), batch_keys
                )
                batch_keys.add(vals["key"])
        templates = super(LobTalkTemplate, self.with_context(lob_skip_alignment=True)).create(
            vals_list
        )
        templates = templates.with_env(self.env)
        if not self.env.context.get("lob_skip_alignment"):
            templates._lob_refresh_alignment()
        return templates

    def write(self, vals):
        if "parent_id" in vals:
            for template in self.filtered("parent_id"):
                if template.parent_id.id != vals["parent_id"]:
                    raise UserError(
                        self.env._(
                            "'%(name)s' is a team variant of '%(central)s'; it cannot be "
                            "detached from its central template or moved to another one.",
                            name=template.name,
                            central=template.parent_id.name,
                        )
                    )
        result = super(LobTalkTemplate, self.with_context(lob_skip_alignment=True)).write(vals)
        if ALIGNMENT_FIELDS & set(vals) and not self.env.context.get("lob_skip_alignment"):
            self._lob_refresh_alignment()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_central_with_variants(self):
        for template in self:
            kept = template.with_context(active_test=False).variant_ids - self
            if kept:
                names = ", ".join(kept.mapped("name"))
                raise UserError(
                    self.env._(
                        "'%(name)s' cannot be deleted: the team variants %(variants)s are "
                        "derived from it. Delete or archive those variants first, or archive "
                        "this template instead.",
                        name=template.name,
                        variants=names,
                    )
                )

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        default = default or {}
        for template, vals in zip(self, vals_list, strict=True):
            if "name" not in default:
                vals["name"] = self.env._("%(name)s (copy)", name=template.name)
        return vals_list

    # -- exchange -----------------------------------------------------------------------

    def _lob_exchange_schema(self):
        """The core's view of a template; raises pydantic's ValidationError when incomplete."""
        self.ensure_one()
        return schemas.TalkTemplate(
            key=self.key,
            name=self.name,
            audience=self.audience,
            kind=self.kind,
            description=self.description or "",
            central=self.central,
            parent=self.parent_id.key or None,
            source=mirror_link(self.source_id.key, self.source_fingerprint),
            sections=[section._lob_exchange_schema() for section in self.section_ids],
        )

    @api.model
    def _lob_exchange_values(self, item, dimensions, keyed, company_id, sequence, key=None):
        """``create`` values of the file's template ``item``: ``keyed`` maps the file's
        template keys to the records standing for them (its parent and source come first)."""
        parent = keyed.get(item.parent) if item.parent else None
        parent_sections = {s.key: s for s in parent.section_ids} if parent else {}
        Section = self.env["lob.talk.template.section"]
        source = keyed[item.source.key] if item.source else None
        return {
            "key": key or item.key,
            "name": item.name,
            "audience": item.audience.value,
            "kind": item.kind.value,
            "description": item.description,
            "central": item.central,
            "sequence": sequence * 10,
            "company_id": company_id,
            "parent_id": parent.id if parent else False,
            "source_id": source.id if source else False,
            "source_fingerprint": item.source.fingerprint if item.source else False,
            "section_ids": [
                Command.create(
                    Section._lob_exchange_values(
                        section, number, dimensions, parent_sections.get(section.key)
                    )
                )
                for number, section in enumerate(item.sections, start=1)
            ],
        }

    # -- actions ------------------------------------------------------------------------

    def action_publish(self):
        """Publish; open errors of the alignment check are named and confirmed first."""
        for template in self:
            if not template.section_ids.prompt_ids:
                raise UserError(
                    self.env._(
                        "Add at least one prompt before publishing '%(name)s'.", name=template.name
                    )
                )
        errors = self.finding_ids.filtered(lambda f: f.severity == "error" and not f.accepted)
        if errors and not self.env.context.get("lob_publish_confirmed"):
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Publish with errors?"),
                "res_model": "lob.template.publish.wizard",
                "view_mode": "form",
                "target": "new",
                "context": {"default_template_ids": [Command.set(self.ids)]},
            }
        self.write({"state": "published"})
        return True

    def action_set_archived(self):
        self.write({"state": "archived"})

    def action_reset_to_draft(self):
        self.write({"state": "draft"})

    @api.model
    def _lob_templates_action(self):
        """The templates menu: HR officers configure them, everyone else previews the
        published staff templates, those of their own team first."""
        if self.env.user.has_group("lob_hrm.group_lob_officer"):
            return self.env["ir.actions.act_window"]._for_xml_id("lob_hrm.lob_talk_template_action")
        return self.env["ir.actions.act_window"]._for_xml_id(
            "lob_hrm.lob_talk_template_action_preview"
        )

    def action_open_mirror_wizard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Mirror for staff"),
            "res_model": "lob.template.mirror.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_source_id": self.id},
        }

    def action_create_variant(self):
        """A team variant of a central template: locked sections come along, linked."""
        self.ensure_one()
        if not self.central:
            raise UserError(self.env._("Only a central template has team variants."))
        variant = self.create(
            {
                "name": self.env._("%(name)s (team variant)", name=self.name),
                "audience": self.audience,
                "kind": self.kind,
                "description": self.description,
                "company_id": self.company_id.id,
                "parent_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": variant.id,
            "view_mode": "form",
        }

    def _variant_sections(self):
        return [self._variant_section_values(section) for section in self.section_ids]

    @api.model
    def _variant_section_values(self, section):
        """Values of a team variant's copy of a central ``section``, linked to it."""
        vals = section.copy_data({"parent_section_id": section.id, "prompt_ids": []})[0]
        vals.pop("template_id", None)
        vals["prompt_ids"] = [
            Command.create(self._variant_prompt_values(prompt)) for prompt in section.prompt_ids
        ]
        return vals

    @api.model
    def _variant_prompt_values(self, prompt):
        vals = prompt.copy_data({"parent_prompt_id": prompt.id})[0]
        vals.pop("section_id", None)
        return vals

    @api.depends(
        *(f"parent_id.section_ids.{name}" for name in ("title", "phase", "intro", "locked")),
        *(f"section_ids.{name}" for name in ("title", "phase", "intro", "locked")),
        *(
            f"{side}prompt_ids.{name}"
            for side in ("parent_id.", "")
            for name in ("text", "dimension_id", "respondent", "answer_type", "guidance")
        ),
        "parent_id.prompt_ids.required",
        "prompt_ids.required",
    )
    def _compute_central_outdated(self):
        for template in self:
            template.central_outdated = bool(template.parent_id and template._central_changes())

    def _central_changes(self):
        """Locked central parts this team variant does not (or no longer) follow:
        [(central section, variant section or None, [(central prompt, variant prompt)])]."""
        self.ensure_one()
        copies = {s.parent_section_id: s for s in self.section_ids if s.parent_section_id}
        changes = []
        for central in self.parent_id.section_ids:
            section = copies.get(central)
            if not central.locked and not (section and section.locked):
                continue
            if not section:
                changes.append((central, section, []))
                continue
            prompts = {p.parent_prompt_id: p for p in section.prompt_ids if p.parent_prompt_id}
            stale = [
                (prompt, prompts.get(prompt))
                for prompt in central.prompt_ids
                if prompt not in prompts or prompts[prompt]._lob_differs_from_central()
            ]
            if stale or section._lob_differs_from_central():
                changes.append((central, section, stale))
        return changes

    def action_sync_from_central(self):
        """Take over the central template's locked sections as they are now: changed texts,
        new prompts and sections, locks set or lifted. The variant's own parts stay."""
        for template in self.filtered("parent_id"):
            variant = template.with_context(lob_sync_from_central=True, lob_skip_alignment=True)
            # parts reached from ``variant`` carry its context: the locks step aside
            for central, section, stale in variant._central_changes():
                if not section:
                    variant.write(
                        {"section_ids": [Command.create(self._variant_section_values(central))]}
                    )
                    continue
                section.write(section._lob_central_values())
                for central_prompt, prompt in stale:
                    if prompt:
                        prompt.write(prompt._lob_central_values())
                    else:
                        section.write(
                            {
                                "prompt_ids": [
                                    Command.create(self._variant_prompt_values(central_prompt))
                                ]
                            }
                        )
            template._lob_refresh_alignment()

    def action_export_json(self):
        return self.env["lob.exchange.export.wizard"].create({"template_ids": self.ids})._download()

    def action_view_findings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Alignment findings"),
            "res_model": "lob.talk.template.finding",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("template_id", "=", self.id)],
            "context": {"search_default_open": 1},
        }
