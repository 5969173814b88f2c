# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

from ..lob_hrm import mirror

PARTIES = [("student", "The student"), ("school", "The school"), ("company", "The company")]


class LobTalkTemplate(models.Model):
    """The trialoog: student, school and company hold the career talk together, the student
    leading. Mirrored from the student career talk and aligned with it like a staff template;
    students and company supervisors have no user, so it is printed as a conversation guide
    with a column per party.

    It also holds the one path that creates a mirrored template, which the trialoog and the
    staff template of the mirror wizard share."""

    _inherit = "lob.talk.template"

    audience = fields.Selection(
        selection_add=[("trialoog", "Trialoog (student, school, company)")],
        ondelete={"trialoog": "cascade"},
    )

    def _lob_mirror_audiences(self):
        return (*super()._lob_mirror_audiences(), "trialoog")

    def action_mirror_trialogue(self):
        """A trialoog of student, school and company from this student template."""
        self.ensure_one()
        name = self.env._("Trialoog %(name)s", name=self.name)
        template = self._lob_create_mirror(
            name,
            self.company_id or self.env.company,
            lambda source, key: mirror.mirror_trialogue(source, key, name),
            lambda error: self.env._(
                "The template '%(name)s' cannot be mirrored as a trialoog: %(error)s",
                name=self.name,
                error=error,
            ),
        )
        return template._lob_action_open()

    def _lob_create_mirror(self, name, company, build, failure, values=None):
        """Create the template ``build(source_schema, key)`` mirrors from this student
        template, named ``name`` in ``company``, with extra ``values``.

        ``build`` calls the core's mirror; when the core refuses, the user gets
        ``failure(error)``, a translated message naming the template, and nothing is created.
        """
        self.ensure_one()
        key = self._lob_unique_key(name, company.id)
        try:
            mirrored = build(self._lob_exchange_schema(), key)
        except (mirror.MirrorError, ValueError) as exc:
            raise UserError(failure(exc)) from exc
        dimensions = {d.key: d for d in self.prompt_ids.dimension_id}
        create_values = self._lob_exchange_values(
            mirrored, dimensions, {self.key: self}, company.id, 10
        )
        return self.create({**create_values, **(values or {})})

    def _lob_action_open(self):
        """The form of this template."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_print_conversation_guide(self):
        self._lob_check_trialogue()
        return self.env.ref("lob_hrm.lob_trialogue_guide_report_action").report_action(self)

    def _lob_check_trialogue(self):
        for template in self:
            if template.audience != "trialoog":
                raise UserError(
                    self.env._(
                        "'%(name)s' is not a trialoog: only a trialoog prints as a conversation "
                        "guide for student, school and company.",
                        name=template.name,
                    )
                )

    def _lob_guide_sections(self):
        """``[(section, [(prompt, party), ...]), ...]`` in the order of the talk: what the
        printed conversation guide shows."""
        self.ensure_one()
        return [
            (section, [(prompt, prompt.party) for prompt in section.prompt_ids])
            for section in self.section_ids
        ]
