# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from pydantic import ValidationError as SchemaError

from odoo import models

from ..lob_hrm import alignment, fingerprint
from .lob_talk_template_finding import SOURCE_SIDE_CODES

# Fields an acceptance carries from the old finding to its successor of the same signature.
ACCEPTANCE_FIELDS = ("accepted", "accept_reason", "accepted_by_id", "accepted_date")


class LobTalkTemplateAlignment(models.AbstractModel):
    """How a talk template keeps its alignment current: the core checks a staff template
    against its student template and the principles of a career dialogue; the score,
    findings and drift are written back here. Part of ``lob.talk.template`` only (it uses
    its fields)."""

    _name = "lob.talk.template.alignment"
    _description = "Alignment of a talk template"

    def _lob_mirror_audiences(self):
        """The audiences whose templates mirror a student template and are aligned with it
        (extended by the trialoog)."""
        return ("staff",)

    def _lob_mark_source_reviewed(self):
        """The template follows its student template as it is now."""
        for template in self.filtered("source_id"):
            template.with_context(lob_skip_alignment=True).write(
                {
                    "source_fingerprint": fingerprint.template_fingerprint(
                        template.source_id._lob_exchange_schema()
                    )
                }
            )
        self._lob_refresh_alignment()

    def _lob_after_change(self):
        """Sections or prompts changed: refresh, unless a template write does it once."""
        if not self.env.context.get("lob_skip_alignment"):
            self._lob_refresh_alignment()

    def _lob_refresh_alignment(self):
        """Recompute score and findings of these staff templates and of the staff templates
        that mirror these student templates (their drift)."""
        # a changed student template moves its mirrors' drift, in every company
        audiences = self._lob_mirror_audiences()
        templates = (self.sudo() | self.sudo().mirror_ids).filtered(
            lambda t: t.audience in audiences
        )
        Finding = self.env["lob.talk.template.finding"].sudo()
        # the vocabulary and source schemas are shared by the templates refreshed together
        memo = {}
        results = [
            (template, *template._lob_alignment(memo))
            for template in templates.with_context(lob_skip_alignment=True)
        ]
        # the old findings go and the new ones come in one statement each, however many
        # templates are refreshed (acceptances were carried over by _lob_alignment)
        templates.finding_ids.unlink()
        Finding.create(
            [
                dict(values, template_id=template.id)
                for template, findings, *_rest in results
                for values in findings
            ]
        )
        for template, findings, checks, score, drift in results:
            template.write(
                {
                    "alignment_score": score,
                    "alignment_checks": checks,
                    "has_drift": drift,
                    "has_errors": any(
                        v["severity"] == "error" and not v.get("accepted") for v in findings
                    ),
                }
            )
        (self - templates).filtered(lambda t: t.audience == "student").sudo().with_context(
            lob_skip_alignment=True
        ).write(
            {
                "alignment_score": 0,
                "has_drift": False,
                "has_errors": False,
                "alignment_checks": False,
            }
        )

    def _lob_alignment(self, memo=None):
        """(finding values, checks, score, drift) from the core for this staff template.

        Findings HR accepted before keep their acceptance while their signature holds, and
        give their points back. ``memo`` caches what templates refreshed together share."""
        self.ensure_one()
        memo = {} if memo is None else memo
        if not self.section_ids:
            return [self._finding_values("empty_template", "error")], False, 0, False
        try:
            staff = self._lob_exchange_schema()
            source = None
            if self.source_id:
                key = ("source", self.source_id.id)
                if key not in memo:
                    memo[key] = self.source_id._lob_exchange_schema()
                source = memo[key]
        except SchemaError as exc:
            return (
                [self._finding_values("incomplete", "error", error=str(exc))],
                False,
                0,
                False,
            )
        company = self.company_id or self.env.company
        if ("vocabulary", company.id) not in memo:
            dimensions, terms = self.env["lob.exchange"]._vocabulary(company)
            memo[("vocabulary", company.id)] = (
                [dimension._lob_exchange_schema() for dimension in dimensions],
                [term._lob_exchange_schema() for term in terms],
            )
        report = alignment.align(staff, source, *memo[("vocabulary", company.id)])
        sections = {s.key: s for s in self.section_ids}
        prompts = {p.key: p for p in self.prompt_ids}
        student_prompts = {p.key: p for p in self.source_id.prompt_ids}
        self.prompt_ids._lob_capture_snapshots(student_prompts, source)
        accepted = {f.signature: f for f in self.finding_ids if f.accepted}
        values = []
        for finding in report.findings:
            source_side = finding.code in SOURCE_SIDE_CODES
            params = dict(finding.params)
            if source_side and finding.prompt:
                params["source_prompt"] = finding.prompt
            vals = self._finding_values(
                finding.code,
                finding.severity,
                message=finding.message,
                section=None if source_side else sections.get(finding.section),
                prompt=None if source_side else prompts.get(finding.prompt),
                **params,
            )
            vals["check"] = alignment.FINDING_CHECKS.get(finding.code)
            vals["signature"] = self.env["lob.talk.template.finding"]._signature(
                vals, self._lob_concerned(vals, student_prompts)
            )
            old = accepted.get(vals["signature"])
            if old:
                vals.update(old._convert_to_write({n: old[n] for n in ACCEPTANCE_FIELDS}))
            values.append(vals)
        report = alignment.rescore(report, [i for i, v in enumerate(values) if v.get("accepted")])
        drift = bool(source and self.source_fingerprint) and (
            self.source_fingerprint != fingerprint.template_fingerprint(source)
        )
        checks = [check.model_dump() for check in report.checks]
        return values, checks, report.score, drift

    def _lob_concerned(self, vals, student_prompts):
        """The content a finding is about: its acceptance lapses when this changes."""
        Prompt = self.env["lob.talk.template.prompt"]
        prompt = Prompt.browse(vals["prompt_id"])
        section = self.env["lob.talk.template.section"].browse(vals["section_id"])
        concerned = []
        if prompt:
            concerned += [prompt._lob_content(), prompt.mirror_fingerprint or ""]
            student = student_prompts.get(prompt.mirror_key)
            concerned.append(student._lob_content() if student else None)
        elif section:
            concerned += [section.title, section.phase, section.mirror_fingerprint or ""]
        if vals["code"] == "source_changed":
            concerned.append(self.source_fingerprint or "")
        return concerned

    def _finding_values(self, code, severity, message=None, section=None, prompt=None, **params):
        return {
            "code": code,
            "check": "complete" if code in ("empty_template", "incomplete") else False,
            "severity": severity,
            "params": params,
            "core_message": message,
            "section_id": section.id if section else False,
            "prompt_id": prompt.id if prompt else False,
        }
