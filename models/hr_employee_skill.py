# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class HrEmployeeSkill(models.Model):
    _inherit = "hr.employee.skill"

    def _create_logs(self):
        """Date the history at the signing of the talk that agreed the level.

        hr_skills logs every skill of the employee at today's date; a level agreed in a
        talk belongs in the history at the day the talk was signed, and only the skills
        the talk changed move.
        """
        log_date = self.env.context.get("lob_skill_log_date")
        if not log_date:
            return super()._create_logs()
        Log = self.env["hr.employee.skill.log"]
        existing = Log.search(
            [
                ("employee_id", "in", self.employee_id.ids),
                ("skill_id", "in", self.skill_id.ids),
                ("date", "=", log_date),
            ]
        )
        logs = {(log.employee_id, log.department_id, log.skill_id): log for log in existing}
        to_create = []
        for employee_skill in self:
            employee = employee_skill.employee_id
            log = logs.get((employee, employee.department_id, employee_skill.skill_id))
            if log:
                log.skill_level_id = employee_skill.skill_level_id
                continue
            to_create.append(
                {
                    "employee_id": employee.id,
                    "skill_id": employee_skill.skill_id.id,
                    "skill_level_id": employee_skill.skill_level_id.id,
                    "department_id": employee.department_id.id,
                    "skill_type_id": employee_skill.skill_type_id.id,
                    "date": log_date,
                }
            )
        if to_create:
            Log.create(to_create)
