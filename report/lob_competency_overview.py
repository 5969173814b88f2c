# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models, tools
from odoo.osv import expression
from odoo.tools import SQL
from odoo.tools.query import Query


class LobCompetencyOverview(models.Model):
    """One row per employee holding an LOB role and per competency of the role's framework:
    current level, target, gap. A PostgreSQL view, as hr_skills' own skill report.

    Definitions shared with the Excel workbook (``lob_hrm.overview``): levels are ranked
    1, 2, ... by ``level_progress`` within their framework; not assessed counts as rank 0;
    the target is the highest level the employee's current roles ask (the ``targets`` CTE
    below is the SQL home of that rule; ``lob_hrm.overview.highest_targets`` its Python
    home, which the export uses for combined roles); the gap is
    ``max(0, target rank - current rank)``, 0 without a target; *at target* is empty
    without a target.
    """

    _name = "lob.competency.overview"
    _description = "LOB competency overview"
    _auto = False
    _order = "department_id, employee_id, sequence, skill_id"
    _rec_name = "employee_id"
    # Flush what the view reads before reading it.
    _depends = {
        "lob.role.assignment": ["employee_id", "role_id", "date_from", "date_to"],
        "lob.role": ["sequence", "skill_type_id"],
        "lob.role.target": ["role_id", "skill_id", "skill_level_id"],
        "hr.skill.level": ["skill_type_id", "level_progress"],
        "hr.skill.type": ["active"],
        "hr.skill": ["skill_type_id", "lob_area_id", "sequence"],
        "hr.employee": ["active", "company_id", "department_id"],
        "hr.employee.skill": ["employee_id", "skill_id", "skill_level_id"],
        "hr.employee.skill.log": ["employee_id", "skill_id", "date"],
    }

    employee_id = fields.Many2one("hr.employee", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    department_id = fields.Many2one("hr.department", "Team", readonly=True)
    role_id = fields.Many2one(
        "lob.role",
        readonly=True,
        help="The current role that asks the highest level of this competency; where none "
        "of the employee's roles asks it, their first role.",
    )
    role_ids = fields.Many2many(
        "lob.role",
        string="Current roles",
        compute="_compute_role_ids",
        search="_search_role_ids",
        help="The LOB roles the employee holds today.",
    )
    skill_type_id = fields.Many2one("hr.skill.type", "Framework", readonly=True)
    area_id = fields.Many2one("lob.competency.area", readonly=True)
    skill_id = fields.Many2one("hr.skill", "Competency", readonly=True)
    sequence = fields.Integer(readonly=True, aggregator=None)
    current_level_id = fields.Many2one("hr.skill.level", "Current level", readonly=True)
    target_level_id = fields.Many2one("hr.skill.level", "Target level", readonly=True)
    current_rank = fields.Integer(
        readonly=True, aggregator="avg", help="1 for the lowest level, 0 when not assessed."
    )
    target_rank = fields.Integer(readonly=True, aggregator="avg")
    gap = fields.Integer(
        readonly=True,
        aggregator="sum",
        help="Levels still to grow to the target; 0 at target or without target.",
    )
    at_target = fields.Boolean(readonly=True)
    at_target_rate = fields.Float(
        "Share at target",
        readonly=True,
        aggregator="avg",
        help="1 at target, 0 below it, empty without target: its average is the share of "
        "the targets reached.",
    )
    below_target = fields.Integer(
        "Below target", readonly=True, aggregator="sum", help="1 when below the target."
    )
    assessed = fields.Boolean(readonly=True)
    last_assessed = fields.Date(
        "Last assessed", readonly=True, aggregator="max", help="Latest date in the skill history."
    )

    @property
    def _table_query(self):
        """The view as of the context's ``lob_date`` (the export's reference date); without
        it, the view itself, as of today."""
        on_date = self.env.context.get("lob_date")
        return self._query(fields.Date.to_date(on_date)) if on_date else None

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # CURRENT_DATE keeps the view current without refresh.
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                self._query(SQL("CURRENT_DATE")),
            )
        )

    @api.model
    def _query(self, on_date):
        """Employees holding an LOB role on ``on_date`` × the competencies of its framework.

        ``on_date`` decides which roles, and so which targets, count; levels are the
        employees' current ones (``hr.employee.skill``).
        """
        return SQL(
            """
            WITH levels AS (
                SELECT id, level_progress,
                       row_number() OVER (
                           PARTITION BY skill_type_id ORDER BY level_progress, id
                       ) AS rank
                  FROM hr_skill_level
            ), held AS (
                SELECT a.employee_id, a.role_id, r.skill_type_id, r.sequence, a.id
                  FROM lob_role_assignment a
                  JOIN lob_role r ON r.id = a.role_id
                 WHERE a.date_from <= %(on_date)s
                   AND (a.date_to IS NULL OR a.date_to >= %(on_date)s)
            ), first_role AS (
                SELECT DISTINCT ON (employee_id, skill_type_id)
                       employee_id, skill_type_id, role_id
                  FROM held
                 ORDER BY employee_id, skill_type_id, sequence, role_id
            ), targets AS (
                SELECT DISTINCT ON (h.employee_id, t.skill_id)
                       h.employee_id, t.skill_id, t.skill_level_id, lv.rank, h.role_id
                  FROM held h
                  JOIN lob_role_target t ON t.role_id = h.role_id
                  JOIN levels lv ON lv.id = t.skill_level_id
                 ORDER BY h.employee_id, t.skill_id, lv.level_progress DESC, lv.rank DESC,
                          h.sequence, h.role_id
            ), assessed AS (
                SELECT employee_id, skill_id, MAX(date) AS last_assessed
                  FROM hr_employee_skill_log
                 GROUP BY employee_id, skill_id
            )
            SELECT row_number() OVER (ORDER BY fr.employee_id, s.id) AS id,
                   fr.employee_id,
                   e.company_id,
                   e.department_id,
                   COALESCE(tg.role_id, fr.role_id) AS role_id,
                   s.skill_type_id,
                   s.lob_area_id AS area_id,
                   s.id AS skill_id,
                   s.sequence,
                   es.skill_level_id AS current_level_id,
                   tg.skill_level_id AS target_level_id,
                   COALESCE(cur.rank, 0) AS current_rank,
                   tg.rank AS target_rank,
                   CASE WHEN tg.skill_id IS NULL THEN 0
                        ELSE GREATEST(0, tg.rank - COALESCE(cur.rank, 0)) END AS gap,
                   CASE WHEN tg.skill_id IS NULL THEN NULL
                        ELSE COALESCE(cur.rank, 0) >= tg.rank END AS at_target,
                   CASE WHEN tg.skill_id IS NULL THEN NULL
                        WHEN COALESCE(cur.rank, 0) >= tg.rank THEN 1.0
                        ELSE 0.0 END AS at_target_rate,
                   CASE WHEN tg.skill_id IS NOT NULL AND COALESCE(cur.rank, 0) < tg.rank
                        THEN 1 ELSE 0 END AS below_target,
                   es.skill_level_id IS NOT NULL AS assessed,
                   ass.last_assessed
              FROM first_role fr
              JOIN hr_employee e ON e.id = fr.employee_id AND e.active
              JOIN hr_skill_type st ON st.id = fr.skill_type_id AND st.active
              JOIN hr_skill s ON s.skill_type_id = fr.skill_type_id
         LEFT JOIN hr_employee_skill es
                ON es.employee_id = fr.employee_id AND es.skill_id = s.id
         LEFT JOIN levels cur ON cur.id = es.skill_level_id
         LEFT JOIN targets tg ON tg.employee_id = fr.employee_id AND tg.skill_id = s.id
         LEFT JOIN assessed ass ON ass.employee_id = fr.employee_id AND ass.skill_id = s.id
            """,
            on_date=on_date,
        )

    @api.model
    def _lob_holders_query(self, on_date):
        """The view's employees without their competencies: one row per employee holding
        an LOB role on ``on_date`` and framework of that role (with at least one
        competency), with the columns of the view that depend on those two only."""
        return SQL(
            """
            SELECT DISTINCT a.employee_id, e.company_id, e.department_id, r.skill_type_id
              FROM lob_role_assignment a
              JOIN lob_role r ON r.id = a.role_id
              JOIN hr_employee e ON e.id = a.employee_id AND e.active
              JOIN hr_skill_type st ON st.id = r.skill_type_id AND st.active
             WHERE a.date_from <= %(on_date)s
               AND (a.date_to IS NULL OR a.date_to >= %(on_date)s)
               AND EXISTS (SELECT FROM hr_skill s WHERE s.skill_type_id = r.skill_type_id)
            """,
            on_date=on_date,
        )

    @api.model
    def _lob_search_holders(self, domain):
        """The employees of the rows matching ``domain`` that the user may read, as of the
        context's ``lob_date``: a query on ``_lob_holders_query`` with this model's domain
        and record rules, as ``_search`` builds them.

        For a whole college the view yields one row per employee and competency; the export
        needs only which employees it may show, and the domain and the rules select on
        employee, company, team and framework, which are the same on all rows of an employee
        and framework. A rule on another column of the view fails here with an SQL error
        (that column is missing) rather than leaking rows.
        """
        self.browse().check_access("read")
        for model_name, field_names in self._depends.items():
            self.env[model_name].flush_model(field_names)
        query = Query(self.env, self._table, SQL("(%s)", self._lob_holders_query(self._lob_date())))
        if domain:
            expression.expression(domain, self, self._table, query)
        self._apply_ir_rules(query, "read")
        return query

    def _compute_role_ids(self):
        roles = self._lob_current_roles(self.employee_id, self._lob_date())
        for row in self:
            row.role_ids = roles.get(row.employee_id.id, self.env["lob.role"])

    def _search_role_ids(self, operator, value):
        if operator not in ("in", "=", "ilike"):
            raise NotImplementedError(self.env._("Unsupported search on roles."))
        Assignment = self.env["lob.role.assignment"]
        holders = Assignment.search(
            [("role_id", operator, value), *Assignment._lob_current_domain(self._lob_date())]
        )
        return [("employee_id", "in", holders.employee_id.ids)]

    @api.model
    def _lob_date(self):
        """The date the rows describe: the context's ``lob_date``, else today (as the view)."""
        return fields.Date.to_date(self.env.context.get("lob_date")) or fields.Date.today()

    @api.model
    def _lob_current_roles(self, employees, on_date):
        """Roles per employee id held on ``on_date``, in role order (constant queries)."""
        Assignment = self.env["lob.role.assignment"]
        assignments = Assignment.search_fetch(
            [
                ("employee_id", "in", employees.ids),
                *Assignment._lob_current_domain(on_date),
            ],
            ["employee_id", "role_id"],
        )
        roles = defaultdict(lambda: self.env["lob.role"])
        for assignment in assignments.sorted(lambda a: (a.role_id.sequence, a.role_id.id)):
            roles[assignment.employee_id.id] |= assignment.role_id
        return roles
