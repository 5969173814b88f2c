# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .lob_talk_workflow_mixin import LOCKED_STATES

LEVEL_FIELDS = (
    "current_level_id",
    "target_level_id",
    "employee_level_id",
    "manager_level_id",
    "agreed_level_id",
)
# What the employee fills in themselves; the rest is the manager's side of the talk.
EMPLOYEE_FIELDS = {"self_level_id"}
LEVEL_DOMAIN = "[('skill_type_id', '=', skill_type_id)]"


class LobTalkAssessment(models.Model):
    """One LOB competency assessed in a talk: where the employee stands, what their roles
    ask, how the employee and the manager see it, and the level both agree on.

    The agreed level reaches the employee's skills (``hr.employee.skill``) only when the talk
    is signed, dated at the signing.
    """

    _name = "lob.talk.assessment"
    _inherit = ["lob.talk.part.mixin"]
    _description = "Competency assessment in a talk"
    _order = "talk_id, sequence, id"
    _rec_name = "skill_id"
    # written when the agreed level reaches the employee's skills, after the signing
    _lob_open_when_locked = frozenset({"applied_on"})

    employee_id = fields.Many2one(
        "hr.employee", related="talk_id.employee_id", store=True, index=True
    )
    talk_state = fields.Selection(related="talk_id.state")
    sequence = fields.Integer(default=10)
    skill_id = fields.Many2one(
        "hr.skill",
        "Competency",
        required=True,
        ondelete="restrict",
        index=True,
        domain="[('skill_type_id.lob_profile', '=', True)]",
    )
    skill_type_id = fields.Many2one(related="skill_id.skill_type_id")
    area_id = fields.Many2one(related="skill_id.lob_area_id")
    current_level_id = fields.Many2one(
        "hr.skill.level",
        "Current level",
        ondelete="restrict",
        domain=LEVEL_DOMAIN,
        help="The employee's level when the talk was prepared.",
    )
    target_level_id = fields.Many2one(
        "hr.skill.level",
        "Target level",
        ondelete="restrict",
        domain=LEVEL_DOMAIN,
        help="The highest level the employee's current roles ask.",
    )
    # The employee's self-assessment is private until they share their preparation: the
    # stored value is out of reach of every user's reads (field groups), and the shown one is
    # computed for whoever may see it.
    employee_level_id = fields.Many2one(
        "hr.skill.level",
        "Stored self-assessment",
        ondelete="restrict",
        groups="base.group_system",
        copy=False,
    )
    self_level_id = fields.Many2one(
        "hr.skill.level",
        "Self-assessment",
        compute="_compute_self_level_id",
        inverse="_inverse_self_level_id",
        domain=LEVEL_DOMAIN,
    )
    manager_level_id = fields.Many2one(
        "hr.skill.level", "Manager's assessment", ondelete="restrict", domain=LEVEL_DOMAIN
    )
    agreed_level_id = fields.Many2one(
        "hr.skill.level",
        "Agreed level",
        ondelete="restrict",
        domain=LEVEL_DOMAIN,
        help="Written to the employee's skills when the talk is signed.",
    )
    justification = fields.Text()
    applied_on = fields.Date(
        "Applied on",
        readonly=True,
        copy=False,
        help="The signing date at which the agreed level reached the employee's skills.",
    )

    _sql_constraints = [
        (
            "talk_skill_uniq",
            "unique(talk_id, skill_id)",
            "A talk assesses each competency once.",
        ),
    ]

    @api.constrains("skill_id", *LEVEL_FIELDS)
    def _check_levels(self):
        # sudo: the stored self-assessment is out of reach of the users' own reads
        for assessment in self.sudo():
            scale = assessment.skill_id.skill_type_id
            for name in LEVEL_FIELDS:
                level = assessment[name]
                if level and level.skill_type_id != scale:
                    raise ValidationError(
                        self.env._(
                            "%(talk)s: the level '%(level)s' is not on the scale of the "
                            "competency '%(skill)s' (%(scale)s).",
                            talk=assessment.talk_id.display_name,
                            level=level.name,
                            skill=assessment.skill_id.name,
                            scale=scale.name,
                        )
                    )

    @api.depends("employee_level_id", "talk_id.employee_shared")
    @api.depends_context("uid")
    def _compute_self_level_id(self):
        # as the talk's answers: the employee's own part reaches others once shared
        for assessment in self:
            stored = assessment.sudo()
            visible = (
                self.env.su
                or stored.employee_id.user_id == self.env.user
                or stored.talk_id.employee_shared
            )
            assessment.self_level_id = stored.employee_level_id if visible else False

    def _inverse_self_level_id(self):
        for assessment in self:
            assessment.sudo().employee_level_id = assessment.self_level_id

    def _lob_check_part_write(self, names):
        result = super()._lob_check_part_write(names)
        if names - self._lob_open_when_locked:
            self._check_party_fields(names)
        return result

    def _check_party_fields(self, names):
        """The employee gives their self-assessment; only the manager side gives the
        manager's assessment and the agreed level. Record rules decide which assessments a
        user reaches at all; this decides which of their values each party may set."""
        if self.env.su or self.env.user.has_group("lob_hrm.group_lob_officer"):
            return
        user = self.env.user
        for assessment in self:
            own = assessment.employee_id.user_id == user
            conducts = assessment.talk_id.conductor_user_id == user
            forbidden = names - EMPLOYEE_FIELDS if own and not conducts else names & EMPLOYEE_FIELDS
            if forbidden:
                raise UserError(
                    self.env._(
                        "%(talk)s: you cannot set %(fields)s of this competency assessment.",
                        talk=assessment.talk_id.display_name,
                        fields=", ".join(
                            self._fields[name].get_description(self.env)["string"]
                            for name in sorted(forbidden)
                        ),
                    )
                )

    def _lob_check_parent_open(self):
        # the part's own words: the assessments of a signed talk are history
        locked = self.filtered(lambda a: a.talk_id.state in LOCKED_STATES)
        if locked:
            raise UserError(
                self.env._(
                    "%(talk)s is signed: its competency assessments cannot change.",
                    talk=locked[0].talk_id.display_name,
                )
            )

    # -- business methods -------------------------------------------------------------

    @api.model
    def _lob_prepare(self, talks):
        """Create the assessment lines of ``talks`` from each employee's current roles:
        one line per competency a role asks, with the current and the target level.

        Competencies a talk already assesses are left alone, so preparing twice adds only
        what a new role asks. The number of queries does not depend on the number of talks
        or competencies.
        """
        talks = talks.filtered(lambda t: t.state not in (*LOCKED_STATES, "cancelled"))
        if not talks:
            return self.browse()
        employees = talks.employee_id
        targets = employees._lob_targets()
        current = {
            (skill.employee_id.id, skill.skill_id): skill.skill_level_id
            for skill in self.env["hr.employee.skill"].search(
                [
                    ("employee_id", "in", employees.ids),
                    ("skill_type_id.lob_profile", "=", True),
                ]
            )
        }
        assessed = defaultdict(set)
        for assessment in self.search([("talk_id", "in", talks.ids)]):
            assessed[assessment.talk_id.id].add(assessment.skill_id)
        vals_list = []
        no_level = self.env["hr.skill.level"]
        for talk in talks:
            wanted = targets.get(talk.employee_id.id, {})
            skills = sorted(wanted, key=lambda s: (s.lob_area_id.sequence, s.sequence, s.id))
            for sequence, skill in enumerate(skills, start=1):
                if skill in assessed[talk.id]:
                    continue
                vals_list.append(
                    {
                        "talk_id": talk.id,
                        "sequence": sequence * 10,
                        "skill_id": skill.id,
                        "current_level_id": current.get((talk.employee_id.id, skill), no_level).id,
                        "target_level_id": wanted[skill].id,
                    }
                )
        return self.create(vals_list)

    @api.model
    def _lob_apply(self, talks, signed_on):
        """Write the agreed levels of signed ``talks`` to the employees' skills, dated
        ``signed_on`` in the skill history. Talks that are not signed change nothing.

        Runs as superuser: signing, agreed by both parties, is what allows the change, and
        an employee may not otherwise write skill history.
        """
        signed_on = fields.Date.to_date(signed_on)
        talks = talks.filtered(lambda t: t.state in LOCKED_STATES)
        env = self.sudo().with_context(lob_skill_log_date=signed_on).env
        assessments = env["lob.talk.assessment"].search(
            [("talk_id", "in", talks.ids), ("agreed_level_id", "!=", False)]
        )
        if not assessments:
            return assessments
        EmployeeSkill = env["hr.employee.skill"]
        existing = {
            (skill.employee_id.id, skill.skill_id.id): skill
            for skill in EmployeeSkill.search(
                [
                    ("employee_id", "in", assessments.employee_id.ids),
                    ("skill_id", "in", assessments.skill_id.ids),
                ]
            )
        }
        # the latest signed talk wins when several assess the same competency
        agreed = {
            (assessment.employee_id.id, assessment.skill_id): assessment.agreed_level_id
            for assessment in assessments.sorted(lambda a: (a.talk_id.id, a.id))
        }
        to_write = defaultdict(lambda: EmployeeSkill)
        to_create = []
        for (employee_id, skill), level in agreed.items():
            employee_skill = existing.get((employee_id, skill.id))
            if not employee_skill:
                to_create.append(
                    {
                        "employee_id": employee_id,
                        "skill_type_id": skill.skill_type_id.id,
                        "skill_id": skill.id,
                        "skill_level_id": level.id,
                    }
                )
            elif employee_skill.skill_level_id != level:
                to_write[level] |= employee_skill
        for level, employee_skills in to_write.items():
            employee_skills.write({"skill_level_id": level.id})
        if to_create:
            EmployeeSkill.create(to_create)
        assessments.write({"applied_on": signed_on})
        return assessments.with_env(self.env)
