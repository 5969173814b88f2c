# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import fields, models, tools
from odoo.tools import SQL

COMPLETED_TALK_STATES = ("signed", "done")


class LobCompetencyTeamSummary(models.Model):
    """One row per team with LOB staff: how many, the share of targets reached, the
    professionalisation hours of this year against the norm and the progress of the talk
    cycles of the last twelve months.

    The figures are computed as the reading user, from the competency overview, the
    professionalisation activities and the talks they may read: a manager sees the figures
    of the employees below them, HR officers those of whole teams.
    """

    _name = "lob.competency.team.summary"
    _description = "LOB team summary"
    _auto = False
    _order = "company_id, name, id"
    _rec_name = "department_id"

    department_id = fields.Many2one("hr.department", "Team", readonly=True)
    name = fields.Char("Team name", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    manager_id = fields.Many2one("hr.employee", "Team manager", readonly=True)
    employee_count = fields.Integer("Employees", compute="_compute_figures")
    at_target_share = fields.Float(
        "At target",
        compute="_compute_figures",
        help="Targets reached out of all targets the team's roles set.",
    )
    below_target_count = fields.Integer(
        "Open gaps", compute="_compute_figures", help="Competencies below target."
    )
    professionalisation_hours = fields.Float(
        "Hours done",
        compute="_compute_figures",
        help="Hours of done professionalisation activities this calendar year.",
    )
    professionalisation_norm = fields.Float(
        "Norm",
        compute="_compute_figures",
        help="Employees × the company's yearly professionalisation norm (full-time).",
    )
    professionalisation_share = fields.Float("Hours / norm", compute="_compute_figures")
    talk_count = fields.Integer(
        "Talks",
        compute="_compute_figures",
        help="Talks not cancelled of the talk cycles of the last twelve months.",
    )
    talk_done_count = fields.Integer(
        "Completed", compute="_compute_figures", help="Signed or done."
    )
    talk_done_share = fields.Float("Cycle progress", compute="_compute_figures")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %s AS (
                    SELECT d.id, d.id AS department_id, d.company_id, d.manager_id,
                           d.complete_name AS name
                      FROM hr_department d
                     WHERE d.active AND EXISTS (
                           SELECT 1
                             FROM lob_role_assignment a
                             JOIN hr_employee e ON e.id = a.employee_id AND e.active
                            WHERE e.department_id = d.id
                              AND a.date_from <= CURRENT_DATE
                              AND (a.date_to IS NULL OR a.date_to >= CURRENT_DATE))
                )
                """,
                SQL.identifier(self._table),
            )
        )

    def _compute_figures(self):
        figures = self._lob_figures(self.department_id, fields.Date.context_today(self))
        for summary in self:
            summary.update(figures.get(summary.department_id.id) or dict.fromkeys(FIGURES, 0))

    def _lob_figures(self, departments, on_date):
        """Figures per department id, in a constant number of queries, as the current user."""
        Overview = self.env["lob.competency.overview"]
        staff = defaultdict(set)
        companies = {}
        for department, employee, company in Overview._read_group(
            [("department_id", "in", departments.ids)],
            ["department_id", "employee_id", "company_id"],
        ):
            staff[department.id].add(employee.id)
            companies[department.id] = company
        targets = {
            department.id: (rate, below)
            for department, rate, below in Overview._read_group(
                [("department_id", "in", departments.ids)],
                ["department_id"],
                ["at_target_rate:avg", "below_target:sum"],
            )
        }
        employee_ids = [employee for ids in staff.values() for employee in ids]
        hours = defaultdict(float)
        for department, total in self.env["lob.professionalisation"]._read_group(
            [
                ("employee_id", "in", employee_ids),
                ("department_id", "in", departments.ids),
                ("year", "=", on_date.year),
                ("state", "=", "done"),
            ],
            ["department_id"],
            ["hours:sum"],
        ):
            hours[department.id] = total
        talks = defaultdict(lambda: [0, 0])
        for department, state, count in self.env["lob.talk"]._read_group(
            [
                ("department_id", "in", departments.ids),
                ("state", "!=", "cancelled"),
                ("cycle_id.date_start", "<=", on_date),
                ("cycle_id.date_end", ">=", on_date - relativedelta(years=1)),
            ],
            ["department_id", "state"],
            ["__count"],
        ):
            talks[department.id][0] += count
            if state in COMPLETED_TALK_STATES:
                talks[department.id][1] += count
        result = {}
        for department_id, employees in staff.items():
            norm = len(employees) * companies[department_id].lob_professionalisation_norm
            rate, below = targets.get(department_id, (None, 0))
            total, done = talks[department_id]
            result[department_id] = {
                "employee_count": len(employees),
                "at_target_share": rate or 0.0,
                "below_target_count": below,
                "professionalisation_hours": hours[department_id],
                "professionalisation_norm": norm,
                "professionalisation_share": hours[department_id] / norm if norm else 0.0,
                "talk_count": total,
                "talk_done_count": done,
                "talk_done_share": done / total if total else 0.0,
            }
        return result


FIGURES = (
    "employee_count",
    "at_target_share",
    "below_target_count",
    "professionalisation_hours",
    "professionalisation_norm",
    "professionalisation_share",
    "talk_count",
    "talk_done_count",
    "talk_done_share",
)
