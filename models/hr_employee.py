# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lob_hrm import schemas
from ..lob_hrm.overview import highest_targets


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    lob_template_count = fields.Integer(
        "Talk templates",
        compute="_compute_lob_template_count",
        help="Published staff talk templates of the employee's team.",
    )
    lob_role_assignment_ids = fields.One2many(
        "lob.role.assignment", "employee_id", "LOB roles", groups="hr.group_hr_user"
    )
    lob_professionalisation_hours = fields.Float(
        "Professionalisation hours",
        compute="_compute_lob_professionalisation_hours",
        groups="hr.group_hr_user",
        help="Hours of done professionalisation activities in the current calendar year.",
    )
    lob_professionalisation_norm = fields.Float(
        related="company_id.lob_professionalisation_norm", groups="hr.group_hr_user"
    )
    # The manager record rules ask "is this employee below one of the user's employees?".
    # ``child_of`` on hr.employee costs a query per level below the user, each time a rule is
    # applied (hr.employee has no parent_path: hr lets a team's manager be their own manager,
    # a loop a parent_store refuses), 18 of the 38 queries of a manager's talk form. This
    # stored chain answers it in the rule's own SQL, and the ORM keeps it current.
    lob_hierarchy_ids = fields.Many2many(
        "hr.employee",
        "lob_hr_employee_hierarchy_rel",
        "employee_id",
        "above_id",
        "Employee and managers above",
        compute="_compute_lob_hierarchy_ids",
        store=True,
        recursive=True,
        prefetch=False,  # read by the rules' SQL only, not with each employee
        help="The employee and everyone above them through their managers; the managers' "
        "record rules use it.",
    )

    def _lob_template_domain(self):
        """The published staff templates of these employees' teams."""
        return [
            ("audience", "=", "staff"),
            ("state", "=", "published"),
            ("department_ids", "in", self.department_id.ids),
        ]

    def _compute_lob_template_count(self):
        counts = (
            dict(
                self.env["lob.talk.template"]._read_group(
                    self._lob_template_domain(), ["department_ids"], ["__count"]
                )
            )
            if self.department_id
            else {}
        )
        for employee in self:
            employee.lob_template_count = counts.get(employee.department_id, 0)

    def action_open_lob_templates(self):
        """The talk templates of the employee's team, as the employee reads them."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "lob_hrm.lob_talk_template_action_preview"
        )
        action["domain"] = self._lob_template_domain()
        action["context"] = {}
        action["display_name"] = self.env._(
            "Talk templates of %(team)s", team=self.department_id.name
        )
        return action

    @api.depends("parent_id", "parent_id.lob_hierarchy_ids")
    def _compute_lob_hierarchy_ids(self):
        # walk up the managers themselves (not their chains, which may be recomputed in the
        # same batch), and stop at a loop as child_of does (archived managers count too)
        for employee in self:
            chain = employee.browse()
            current = employee
            while current and current not in chain:
                chain |= current
                current = current.parent_id
            employee.lob_hierarchy_ids = chain

    # -- staff talks --------------------------------------------------------------------

    @api.ondelete(at_uninstall=False)
    def _unlink_except_lob_talks(self):
        talks = (
            self.env["lob.talk"]
            .sudo()
            .search(
                ["|", ("employee_id", "in", self.ids), ("conductor_id", "in", self.ids)], limit=1
            )
        )
        if talks:
            raise UserError(
                self.env._(
                    "%(employee)s takes part in staff talks (e.g. '%(talk)s'): archive the "
                    "employee instead of deleting them, so the talks are kept.",
                    employee=(talks.employee_id | talks.conductor_id)
                    .filtered(lambda e: e in self)[:1]
                    .name,
                    talk=talks.name,
                )
            )

    def _lob_talk_conductor(self):
        """Who holds this employee's talk by default: their manager. hr makes a team's manager
        their own manager when they join their own team: their talk goes to the manager of the
        team above, or has no conductor (HR names one)."""
        if len(self) != 1:
            return self.browse()
        conductor = self.parent_id
        if conductor == self:
            conductor = self.department_id.parent_id.manager_id
        return conductor if conductor != self else conductor.browse()

    # -- LOB competencies --------------------------------------------------------------

    def _compute_lob_professionalisation_hours(self):
        year = fields.Date.context_today(self).year
        hours = self.env["lob.professionalisation"]._lob_hours_done(self, year)
        for employee in self:
            employee.lob_professionalisation_hours = hours.get(employee.id, 0.0)

    def action_lob_professionalisation(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "lob_hrm.lob_professionalisation_action"
        )
        action["domain"] = [("employee_id", "=", self.id)]
        action["context"] = {"default_employee_id": self.id, "search_default_this_year": 1}
        return action

    def _lob_targets(self, on_date=None):
        """The level each employee should reach per LOB competency: the highest level asked
        by the roles they hold on ``on_date`` (default today).

        Returns ``{employee_id: {skill: hr.skill.level}}``, in a constant number of queries.
        """
        Assignment = self.env["lob.role.assignment"]
        on_date = on_date or fields.Date.context_today(self)
        assignments = Assignment.search(
            [("employee_id", "in", self.ids), *Assignment._lob_current_domain(on_date)]
        )
        # The rule itself is the core's (``highest_targets``): the roles go in as core
        # schemas keyed by record id, the levels ranked by their progress. Only the targets
        # count, so name and group stay placeholders (reading them would cost a query).
        skills, levels, ranks, schema_of = {}, {}, {}, {}
        for role in assignments.role_id:
            role_targets = []
            for target in role.target_ids:
                skill_key = f"skill_{target.skill_id.id}"
                level_key = f"level_{target.skill_level_id.id}"
                skills[skill_key] = target.skill_id
                levels[level_key] = target.skill_level_id
                ranks[level_key] = target.skill_level_id.level_progress
                role_targets.append(schemas.RoleTarget(competency=skill_key, level=level_key))
            key = f"role_{role.id}"
            schema_of[role] = schemas.Role(
                key=key, name=key, group=schemas.RoleGroup.PRIMARY, targets=role_targets
            )
        held = defaultdict(list)
        for assignment in assignments:
            held[assignment.employee_id.id].append(schema_of[assignment.role_id])
        targets = defaultdict(dict)
        for employee_id, roles in held.items():
            targets[employee_id] = {
                skills[target.competency]: levels[target.level]
                for target in highest_targets(roles, ranks)
            }
        return targets

    # -- competence file (bekwaamheidsdossier) -------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        # every employee has a competence file from the start, so HR finds all of them
        self.env["lob.dossier"].sudo()._lob_create_missing(employees)
        return employees

    def action_open_lob_dossier(self):
        """The employee's competence file, if the user may read it (the employee, their
        managers and HR)."""
        self.ensure_one()
        dossier = self.env["lob.dossier"]._lob_for_employee(self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Competence file"),
            "res_model": "lob.dossier",
            "res_id": dossier.id,
            "view_mode": "form",
            "target": "current",
        }
