# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import json

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lob_hrm import mirror

SEVERITIES = [("error", "Error"), ("warning", "Warning"), ("info", "Info")]
# Core findings whose section/prompt keys name the *student* template's parts.
SOURCE_SIDE_CODES = {"source_prompt_not_mirrored"}
# Drift findings HR settles by taking the student change over or marking it reviewed.
DRIFT_PART_CODES = {"source_prompt_changed", "source_section_changed"}


class LobTalkTemplateFinding(models.Model):
    """One alignment finding of a staff template, written by the core's alignment check.

    Findings are rewritten on every refresh; an acceptance survives as long as the finding's
    ``signature`` (its code, place and the content it is about) stays the same."""

    _name = "lob.talk.template.finding"
    _description = "Alignment finding"
    _order = "template_id, accepted, severity_rank, id"
    _rec_name = "code"

    template_id = fields.Many2one(
        "lob.talk.template", required=True, ondelete="cascade", index=True
    )
    code = fields.Char(required=True, readonly=True)
    check = fields.Char(
        "Check code", readonly=True, help="The check of the score this finding costs points."
    )
    severity = fields.Selection(SEVERITIES, required=True, readonly=True)
    severity_rank = fields.Integer(compute="_compute_severity_rank", store=True)
    params = fields.Json(readonly=True)
    core_message = fields.Text(
        readonly=True, help="The core's English message, for codes this add-on does not know."
    )
    signature = fields.Char(readonly=True, index=True)
    check_label = fields.Char("Check", compute="_compute_message")
    message = fields.Text(
        "What is wrong and what to do",
        compute="_compute_message",
        help="The finding in the language of whoever reads it.",
    )
    why = fields.Text("Why it matters", compute="_compute_message")
    section_id = fields.Many2one("lob.talk.template.section", ondelete="cascade", readonly=True)
    prompt_id = fields.Many2one("lob.talk.template.prompt", ondelete="cascade", readonly=True)
    company_id = fields.Many2one(related="template_id.company_id", store=True)
    accepted = fields.Boolean(
        readonly=True,
        help="HR accepted this difference knowingly: it no longer lowers the score, until the "
        "prompt or the student source it is about changes.",
    )
    accepted_label = fields.Char(compute="_compute_accepted_label")
    accept_reason = fields.Text("Reason for accepting", readonly=True)
    accepted_by_id = fields.Many2one("res.users", "Accepted by", readonly=True)
    accepted_date = fields.Datetime("Accepted on", readonly=True)
    drift_before = fields.Text("Student version when mirrored", compute="_compute_drift")
    drift_after = fields.Text("Student version now", compute="_compute_drift")
    drift_proposal = fields.Text(
        "Staff wording through the idiom",
        compute="_compute_drift",
        help="The student version now, rephrased through the LOB idiom.",
    )
    can_take_over = fields.Boolean(compute="_compute_drift")
    can_mark_reviewed = fields.Boolean(compute="_compute_drift")
    can_mirror = fields.Boolean(compute="_compute_drift")

    @api.depends("severity")
    def _compute_severity_rank(self):
        ranks = {code: rank for rank, (code, _label) in enumerate(SEVERITIES)}
        for finding in self:
            finding.severity_rank = ranks.get(finding.severity, 9)

    @api.depends("code", "check", "params", "core_message")
    @api.depends_context("lang")
    def _compute_message(self):
        labels = self._check_labels()
        whys = self._check_whys()
        for finding in self:
            finding.message = finding._translated_message(
                finding.code, finding.params or {}, finding.core_message
            )
            finding.check_label = labels.get(finding.check, "")
            finding.why = whys.get(finding.check, "")

    @api.depends("accepted")
    @api.depends_context("lang")
    def _compute_accepted_label(self):
        for finding in self:
            finding.accepted_label = self.env._("Accepted") if finding.accepted else False

    @api.depends("check")
    @api.depends_context("lang")
    def _compute_display_name(self):
        labels = self._check_labels()
        for finding in self:
            finding.display_name = labels.get(finding.check) or finding.code

    @api.depends("code", "params", "prompt_id", "section_id", "template_id.source_id")
    def _compute_drift(self):
        # read once for all findings: the idiom per company and the competencies' names
        idioms = {}
        names = self.env["lob.talk.template.prompt"]._lob_dimension_names()
        for finding in self:
            before = after = proposal = False
            student = finding._student_prompt()
            prompt = finding.prompt_id
            if finding.code == "source_prompt_changed" and student and prompt:
                before = prompt._lob_snapshot_text(names) or self.env._("(not recorded)")
                after = student._lob_describe(dimension_names=names)
                proposal = finding._rephrase(student.text, idioms=idioms)
            elif finding.code == "source_prompt_not_mirrored" and student:
                after = student._lob_describe(dimension_names=names)
                proposal = finding._rephrase(student.text, idioms=idioms)
            finding.drift_before = before
            finding.drift_after = after
            finding.drift_proposal = proposal
            finding.can_take_over = (
                finding.code == "source_prompt_changed"
                and bool(proposal)
                and not prompt.is_protected
            )
            finding.can_mark_reviewed = finding.code in DRIFT_PART_CODES | {"source_changed"}
            finding.can_mirror = (
                finding.code == "source_prompt_not_mirrored"
                and bool(student)
                and bool(finding._mirror_section(student))
            )

    # -- actions ------------------------------------------------------------------------

    def action_open_card(self):
        """The finding as a card in a dialog: settling it rewrites the findings, and the
        dialog then closes onto the refreshed template or list."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.display_name,
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_open_part(self):
        """The section the finding is about, as HR edits it in the template form."""
        self.ensure_one()
        section = self.prompt_id.section_id or self.section_id
        if not section:
            return {
                "type": "ir.actions.act_window",
                "res_model": "lob.talk.template",
                "res_id": self.template_id.id,
                "view_mode": "form",
                "target": "current",
            }
        return {
            "type": "ir.actions.act_window",
            "name": section.display_name,
            "res_model": "lob.talk.template.section",
            "res_id": section.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"lob_focus_prompt_id": self.prompt_id.id},
        }

    def action_accept(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Accept the difference"),
            "res_model": "lob.finding.accept.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_finding_id": self.id},
        }

    def action_revoke(self):
        for finding in self.filtered("accepted"):
            finding.write({"accepted": False, "accept_reason": False, "accepted_by_id": False})
            finding.template_id.message_post(
                body=self.env._("No longer accepted: %(finding)s", finding=finding.message)
            )
        self.template_id._lob_refresh_alignment()
        return {"type": "ir.actions.act_window_close"}

    def _accept(self, reason):
        """Accept these findings knowingly; the reason goes to the template's chatter."""
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Say why the difference is accepted."))
        for finding in self:
            finding.write(
                {
                    "accepted": True,
                    "accept_reason": reason,
                    "accepted_by_id": self.env.uid,
                    "accepted_date": fields.Datetime.now(),
                }
            )
            finding.template_id.message_post(
                body=Markup("%s<br/>%s")
                % (
                    self.env._("Accepted: %(finding)s", finding=finding.message),
                    self.env._("Reason: %(reason)s", reason=reason),
                )
            )
        self.template_id._lob_refresh_alignment()

    def action_take_over(self):
        """Take the student prompt's change over through the idiom."""
        # settling a finding refreshes the alignment, which rewrites the findings: read first
        templates = self.template_id
        todo = []
        for finding in self:
            student = finding._student_prompt()
            if not finding.can_take_over or not student:
                raise UserError(self.env._("This finding has no student change to take over."))
            todo.append((finding.template_id, finding.prompt_id, student, finding.drift_proposal))
        for template, prompt, student, text in todo:
            prompt.write(
                {
                    "text": text,
                    "dimension_id": student.dimension_id.id,
                    "respondent": student.respondent,
                    "answer_type": student.answer_type,
                    **prompt._lob_mirror_link_values(student),
                }
            )
            template.message_post(
                body=self.env._("Took over the student change of a prompt: %(text)s", text=text)
            )
        return self._lob_after_drift_settled(templates)

    def action_mark_reviewed(self):
        """The student change was seen (and taken over by hand, or left knowingly)."""
        templates = self.template_id
        todo = []
        for finding in self:
            if not finding.can_mark_reviewed:
                raise UserError(self.env._("Only a change of the student template is reviewed."))
            todo.append(
                (
                    finding.code,
                    finding.prompt_id,
                    finding._student_prompt(),
                    finding.section_id,
                    finding.template_id,
                    finding.message,
                )
            )
        for code, prompt, student, section, template, message in todo:
            if code == "source_prompt_changed" and prompt and student:
                prompt.write(prompt._lob_mirror_link_values(student))
            elif code == "source_section_changed" and section:
                section._lob_mark_mirror_reviewed()
            else:
                template._lob_mark_source_reviewed()
            template.message_post(
                body=self.env._("Marked as reviewed: %(finding)s", finding=message)
            )
        return self._lob_after_drift_settled(templates)

    def action_mirror_prompt(self):
        """Mirror a student prompt that has no staff counterpart into its mirrored section."""
        todo = []
        for finding in self:
            student = finding._student_prompt()
            section = student and finding._mirror_section(student)
            if not section:
                raise UserError(self.env._("There is no mirrored section to add this prompt to."))
            todo.append((section, student, finding._rephrase(student.text)))
        templates = self.template_id
        Prompt = self.env["lob.talk.template.prompt"]
        for section, student, text in todo:
            Prompt.create(
                {
                    "section_id": section.id,
                    "sequence": student.sequence,
                    "text": text,
                    "dimension_id": student.dimension_id.id,
                    "respondent": student.respondent,
                    "answer_type": student.answer_type,
                    "guidance": self._rephrase(student.guidance or "", section.template_id),
                    "required": student.required,
                    "mirror_key": student.key,
                    **Prompt._lob_mirror_link_values(student),
                }
            )
        return self._lob_after_drift_settled(templates)

    @api.model
    def _lob_after_drift_settled(self, templates):
        templates._lob_refresh_alignment()
        # once every changed part is settled, the template follows its student template again
        for template in templates.filtered("has_drift"):
            if not template.finding_ids.filtered(lambda f: f.code in DRIFT_PART_CODES):
                template._lob_mark_source_reviewed()
        return {"type": "ir.actions.act_window_close"}

    # -- helpers ------------------------------------------------------------------------

    def _student_prompt(self):
        """The student prompt this finding is about, if any."""
        self.ensure_one()
        source = self.template_id.source_id
        params = self.params or {}
        key = False
        if self.code == "source_prompt_changed" or self.code == "source_prompt_not_mirrored":
            key = params.get("source_prompt")
        if not (source and key):
            return self.env["lob.talk.template.prompt"]
        return source.prompt_ids.filtered(lambda p: p.key == key)[:1]

    def _mirror_section(self, student):
        return self.template_id.section_ids.filtered(
            lambda s: s.mirror_key == student.section_id.key
        )[:1]

    def _rephrase(self, text, template=None, idioms=None):
        """``text`` in the staff idiom of the template's company; ``idioms`` keeps each
        company's idiom for the next call."""
        template = template or self.template_id
        company = template.company_id or self.env.company
        idioms = {} if idioms is None else idioms
        if company.id not in idioms:
            _dimensions, terms = self.env["lob.exchange"]._vocabulary(company)
            idioms[company.id] = [term._lob_exchange_schema() for term in terms]
        return mirror.rephrase(text, idioms[company.id])

    @api.model
    def _check_labels(self):
        _ = self.env._
        return {
            "dimensions": _("Career competencies covered"),
            "phases": _("Phases of the student talk, in order"),
            "employee_led": _("Employee-led opening (vraaggericht)"),
            "concrete_experience": _("Concrete experience (praktijkgericht)"),
            "forward_look": _("Forward look (toekomstgericht)"),
            "agreements": _("Concrete agreements (toekomstgericht)"),
            "idiom": _("LOB idiom"),
            "mirror_integrity": _("Student prompts mirrored"),
            "drift": _("Up to date with the student template"),
            "complete": _("Complete template"),
        }

    @api.model
    def _check_whys(self):
        _ = self.env._
        return {
            "dimensions": _(
                "A career dialogue works on all five career competencies; a competency staff "
                "never talk about in their own talk is one they will not practise with students."
            ),
            "phases": _(
                "Staff talks follow the phases of the student career talk, so that staff "
                "experience what they ask of students (practise what you preach)."
            ),
            "employee_led": _(
                "In a career dialogue the person being coached brings the questions and steers "
                "the talk (vraaggericht)."
            ),
            "concrete_experience": _(
                "Reflection starts from a concrete experience in practice, not from general "
                "opinions (praktijkgericht)."
            ),
            "forward_look": _(
                "A career dialogue looks ahead at choices and development (toekomstgericht)."
            ),
            "agreements": _(
                "Without concrete agreements nothing follows from the talk; they are the "
                "starting point of the next one."
            ),
            "idiom": _(
                "One LOB idiom in student and staff talks lets the whole college speak the same "
                "language (consistent configureren)."
            ),
            "mirror_integrity": _(
                "Every question of the student talk has a staff counterpart, so that both talks "
                "confirm each other (consistent configureren)."
            ),
            "drift": _(
                "When the student talk changes, the staff talks that mirror it follow it, or "
                "differ knowingly."
            ),
            "complete": _("The alignment can only be checked for a complete template."),
        }

    @api.model
    def _translated_message(self, code, params, fallback):
        """The finding in the user's language, from the core's stable code and params."""
        _ = self.env._
        phases = dict(
            self.env["lob.talk.template.section"]._fields["phase"]._description_selection(self.env)
        )
        params = dict(params)
        for name in ("phase",):
            if params.get(name):
                params[name] = phases.get(params[name], params[name])
        reasons = {
            ("no_concrete_experience", "not_coachee"): _(
                "No look-back prompt is answered by the employee. Ask the employee to describe "
                "a concrete work experience (praktijkgericht)."
            ),
            ("no_concrete_experience", "no_look_back"): _(
                "There is no look-back (terugblik) prompt. Start from a concrete work experience "
                "the employee describes (praktijkgericht)."
            ),
            ("no_agreements", "outside_action"): _(
                "Agreements are asked outside the action phase. Close the talk with an action "
                "(actie / afspraken) section holding the agreement prompts."
            ),
            ("no_agreements", "no_agreement_prompt"): _(
                "The action phase has no agreement prompt. Add one so that concrete next steps "
                "are recorded and followed up."
            ),
            ("no_agreements", "no_action"): _(
                "There is no action phase with an agreement prompt. Add one so that concrete "
                "next steps are recorded and followed up."
            ),
        }
        if (code, params.get("reason")) in reasons:
            return reasons[(code, params["reason"])]
        if code == "not_employee_led" and not params.get("respondent"):
            return _("The template has no prompts, so the employee cannot open the talk.")
        if code == "dimension_missing" and params.get("in_source") == "yes":
            code = "dimension_missing_in_source"
        messages = {
            "empty_template": _("The template has no sections yet: add the phases of the talk."),
            "incomplete": _("The template cannot be checked yet: %(error)s"),
            "dimension_missing": _(
                "No prompt covers the career competency '%(name)s'. Add a prompt for it or set "
                "it on an existing prompt."
            ),
            "dimension_missing_in_source": _(
                "No prompt covers the career competency '%(name)s', which the student template "
                "does cover. Add a prompt for it or set it on an existing prompt."
            ),
            "phase_missing": _(
                "The student template has a phase '%(phase)s' ('%(source_title)s'); this "
                "template has none. Add a section for it."
            ),
            "phase_order": _(
                "Section '%(title)s' (%(phase)s) breaks the order of the phases of the student "
                "talk. Move it."
            ),
            "not_employee_led": _(
                "The talk does not open with the employee. Let the employee open with their own "
                "experience or question (vraaggericht)."
            ),
            "no_forward_look": _(
                "There is no look-ahead (vooruitblik) prompt. Add one about the choices and "
                "development the employee wants to explore (toekomstgericht)."
            ),
            "avoided_term": _(
                "'%(found)s' is a word the LOB idiom avoids; say '%(term)s' instead."
            ),
            "student_wording": _(
                "'%(found)s' is student wording; the staff wording is '%(staff)s'."
            ),
            "source_prompt_not_mirrored": _(
                "The student prompt '%(text)s' has no staff counterpart. Mirror it, or accept "
                "the difference knowingly."
            ),
            "dimension_changed": _(
                "This prompt is about '%(name)s', while the student prompt it mirrors is about "
                "'%(source_name)s'."
            ),
            "source_mismatch": _("This template is compared with another source than its own."),
            "source_section_removed": _(
                "This section mirrors a student section that no longer exists. Keep it as a "
                "staff section or remove it."
            ),
            "source_section_changed": _(
                "The student section '%(source_title)s' changed since this section mirrored it "
                "(title, phase or prompts). Review it."
            ),
            "source_prompt_removed": _(
                "This prompt mirrors a student prompt that no longer exists. Keep it as a staff "
                "prompt or remove it."
            ),
            "source_prompt_changed": _(
                "The student prompt '%(source_text)s' changed since this prompt mirrored it. "
                "Review it."
            ),
            "source_changed": _(
                "The student template '%(name)s' changed since this template mirrored it; "
                "%(parts)s mirrored part(s) differ."
            ),
        }
        template = messages.get(code)
        if template is None:
            return fallback or code
        try:
            return template % params
        except (KeyError, TypeError, ValueError):
            return fallback or template

    @api.model
    def _signature(self, values, concerned):
        """What an acceptance holds on to: the finding and the content it is about."""
        canonical = json.dumps(
            [values["code"], values.get("params") or {}, concerned],
            ensure_ascii=False,
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
