# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

SEVERITIES = [("error", "Error"), ("warning", "Warning"), ("info", "Info")]
# Core findings whose section/prompt keys name the *student* template's parts.
SOURCE_SIDE_CODES = {"source_prompt_not_mirrored"}


class LobTalkTemplateFinding(models.Model):
    """One alignment finding of a staff template, written by the core's alignment check."""

    _name = "lob.talk.template.finding"
    _description = "Alignment finding"
    _order = "template_id, severity_rank, id"
    _rec_name = "code"

    template_id = fields.Many2one(
        "lob.talk.template", required=True, ondelete="cascade", index=True
    )
    code = fields.Char(required=True, readonly=True)
    severity = fields.Selection(SEVERITIES, required=True, readonly=True)
    severity_rank = fields.Integer(compute="_compute_severity_rank", store=True)
    params = fields.Json(readonly=True)
    core_message = fields.Text(
        readonly=True, help="The core's English message, for codes this add-on does not know."
    )
    message = fields.Text(
        compute="_compute_message", help="The finding in the language of whoever reads it."
    )
    section_id = fields.Many2one("lob.talk.template.section", ondelete="cascade", readonly=True)
    prompt_id = fields.Many2one("lob.talk.template.prompt", ondelete="cascade", readonly=True)
    company_id = fields.Many2one(related="template_id.company_id", store=True)

    @api.depends("severity")
    def _compute_severity_rank(self):
        ranks = {code: rank for rank, (code, _label) in enumerate(SEVERITIES)}
        for finding in self:
            finding.severity_rank = ranks.get(finding.severity, 9)

    @api.depends("code", "params", "core_message")
    @api.depends_context("lang")
    def _compute_message(self):
        for finding in self:
            finding.message = finding._translated_message(
                finding.code, finding.params or {}, finding.core_message
            )

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
