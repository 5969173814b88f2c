# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # -- LOB competencies (issue 8) -----------------------------------------------------
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
        targets = defaultdict(dict)
        for assignment in assignments:
            wanted = targets[assignment.employee_id.id]
            for target in assignment.role_id.target_ids:
                level = target.skill_level_id
                known = wanted.get(target.skill_id)
                if not known or level.level_progress > known.level_progress:
                    wanted[target.skill_id] = level
        return targets
