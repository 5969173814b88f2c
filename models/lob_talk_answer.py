# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .lob_talk_part_mixin import lob_as_internal

PARTIES = [("employee", "Employee"), ("manager", "Manager"), ("together", "Together")]
SCALE = [("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")]
# Which party answers a prompt, by the prompt's "Answered by".
PARTY_BY_RESPONDENT = {"coachee": "employee", "coach": "manager", "together": "together"}
VALUE_FIELDS = {"value_text", "value_scale", "value_yes_no", "value_level_id"}
# Until when each party may write its answers.
EDIT_STATES = {
    "employee": ("planned", "preparation", "held"),
    "manager": ("planned", "preparation", "held"),
    "together": ("preparation", "held"),
}


class LobTalkAnswer(models.Model):
    """The answer of one party to one prompt of a talk, or a section heading (display_type).

    A record per talk x prompt x party, so that record rules can keep each party's unshared
    preparation to themselves."""

    _name = "lob.talk.answer"
    _inherit = ["lob.talk.part.mixin"]
    _description = "Talk answer"
    _order = "talk_id, section_sequence, prompt_sequence, id"
    _check_company_auto = True

    section_id = fields.Many2one(
        "lob.talk.template.section", required=True, ondelete="restrict", index=True
    )
    prompt_id = fields.Many2one(
        "lob.talk.template.prompt", ondelete="restrict", index="btree_not_null"
    )
    display_type = fields.Selection([("line_section", "Section")], readonly=True)
    party = fields.Selection(PARTIES, required=True, readonly=True, index=True)
    section_sequence = fields.Integer(compute="_compute_sequences", store=True)
    prompt_sequence = fields.Integer(compute="_compute_sequences", store=True)
    name = fields.Text("Question", compute="_compute_name")
    section_title = fields.Char(related="section_id.title")
    phase = fields.Selection(related="section_id.phase")
    intro = fields.Text(related="section_id.intro")
    guidance = fields.Text(related="prompt_id.guidance")
    answer_type = fields.Selection(related="prompt_id.answer_type")
    required = fields.Boolean(related="prompt_id.required")
    value_text = fields.Text("Answer")
    value_scale = fields.Selection(SCALE, "Score")
    value_yes_no = fields.Selection([("yes", "Yes"), ("no", "No")], "Yes / no")
    value_level_id = fields.Many2one(
        "hr.skill.level", "Level", ondelete="restrict", index="btree_not_null"
    )
    agreement_id = fields.Many2one(
        "lob.talk.agreement", "Agreement made from it", readonly=True, ondelete="set null"
    )
    is_empty = fields.Boolean(compute="_compute_is_empty")
    can_edit = fields.Boolean(compute="_compute_can_edit")
    # the talk shows the conductor the instrument of each prompt
    instrument_id = fields.Many2one(related="prompt_id.instrument_id")

    _sql_constraints = [
        (
            "prompt_party_uniq",
            "unique(talk_id, prompt_id, party)",
            "A talk has one answer per prompt and party.",
        ),
    ]

    @api.depends("section_id.sequence", "prompt_id.sequence", "display_type")
    def _compute_sequences(self):
        for answer in self:
            answer.section_sequence = answer.section_id.sequence
            answer.prompt_sequence = -1 if answer.display_type else answer.prompt_id.sequence

    @api.depends("display_type", "section_id.title", "section_id.intro", "prompt_id.text")
    def _compute_name(self):
        for answer in self.sudo():
            if not answer.display_type:
                answer.name = answer.prompt_id.text
            else:
                # a heading carries its section's intro, so that the phase reads as one line
                section = answer.section_id
                answer.name = " - ".join(part for part in (section.title, section.intro) if part)

    @api.depends("answer_type", *VALUE_FIELDS)
    def _compute_is_empty(self):
        for answer in self:
            if answer.display_type:
                answer.is_empty = False
            elif answer.answer_type == "scale":
                answer.is_empty = not answer.value_scale
            elif answer.answer_type == "yes_no":
                answer.is_empty = not answer.value_yes_no
            elif answer.answer_type == "level":
                answer.is_empty = not answer.value_level_id
            else:
                answer.is_empty = not (answer.value_text or "").strip()

    @api.depends_context("uid")
    @api.depends("party", "talk_id.state", "talk_id.employee_user_id", "talk_id.conductor_user_id")
    def _compute_can_edit(self):
        for answer in self:
            answer.can_edit = answer._lob_may_edit()

    def _lob_check_part_write(self, names):
        result = super()._lob_check_part_write(names)
        self._lob_check_edit(names)
        return result

    def _lob_check_part_unlink(self):
        raise UserError(
            self.env._(
                "The answers of the talk '%(talk)s' follow its template: they cannot be "
                "deleted one by one.",
                talk=self.talk_id[:1].name,
            )
        )

    def _lob_may_edit(self):
        self.ensure_one()
        talk = self.talk_id
        if self.display_type or talk.state not in EDIT_STATES[self.party]:
            return False
        user = self.env.user
        if self.party == "employee":
            return talk.employee_user_id == user
        if self.party == "manager":
            return talk.conductor_user_id == user
        return user in talk.employee_user_id | talk.conductor_user_id

    def _lob_check_edit(self, names):
        for answer in self:
            if names - VALUE_FIELDS:
                raise UserError(
                    self.env._(
                        "Only the answer itself can change in the talk '%(talk)s'.",
                        talk=answer.talk_id.name,
                    )
                )
            if not answer._lob_may_edit():
                raise AccessError(
                    self.env._(
                        "You cannot answer '%(prompt)s' in the talk '%(talk)s': it is for "
                        "%(party)s, and the talk is %(state)s.",
                        prompt=answer.name,
                        talk=answer.talk_id.name,
                        party=dict(self._fields["party"]._description_selection(self.env))[
                            answer.party
                        ].lower(),
                        state=dict(
                            answer.talk_id._fields["state"]._description_selection(self.env)
                        )[answer.talk_id.state].lower(),
                    )
                )

    def _lob_filter_shared(self):
        """The answers both parties may see: headings, the joint ones, and each party's
        once that party shared its preparation (as the printed report shows them)."""
        return self.filtered(
            lambda a: (
                a.display_type
                or a.party == "together"
                or (a.party == "employee" and a.talk_id.employee_shared)
                or (a.party == "manager" and a.talk_id.manager_shared)
            )
        )

    @api.model
    def _lob_sync(self, talks):
        """One answer line per prompt (for the party it asks) and a heading per section.

        Lines of another template are removed while the talk is still planned."""
        Answer = lob_as_internal(self)
        vals_list = []
        for talk in talks.sudo():
            lines = talk.answer_ids
            stale = lines.filtered(
                lambda a, t=talk: (
                    (a.prompt_id.template_id or a.section_id.template_id) != t.template_id
                )
            )
            if stale and talk.state == "planned":
                lob_as_internal(stale).unlink()
                lines -= stale
            have_prompts = set(lines.prompt_id.ids)
            have_sections = set(lines.filtered("display_type").section_id.ids)
            for section in talk.template_id.section_ids.sorted(lambda s: (s.sequence, s.id)):
                if section.id not in have_sections:
                    vals_list.append(
                        {
                            "talk_id": talk.id,
                            "section_id": section.id,
                            "display_type": "line_section",
                            "party": "together",
                        }
                    )
                for prompt in section.prompt_ids:
                    if prompt.id not in have_prompts:
                        vals_list.append(
                            {
                                "talk_id": talk.id,
                                "section_id": section.id,
                                "prompt_id": prompt.id,
                                "party": PARTY_BY_RESPONDENT[prompt.respondent],
                            }
                        )
        if vals_list:
            Answer.create(vals_list)
