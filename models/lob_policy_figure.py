# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..lob_hrm.monitor import goal_status
from ..lob_hrm.policy import school_year_bounds
from .lob_policy_goal import INDICATOR_SELECTION, STATUS_SELECTION
from .lob_policy_monitor import LEVELS, SIGNED_STATES

# the heatmap colours this measure: 3 on track, 2 at risk, 1 off track, 0 no goal or no data
HEALTH = {"on_track": 3.0, "at_risk": 2.0, "off_track": 1.0}
# measures whose total over the teams is the college's own figure (see _read_group_select);
# the first three stay empty over several indicators
COLLEGE_TOTALS = {
    "value:avg": (SQL("AVG"), True),
    "numerator:sum": (SQL("SUM"), True),
    "denominator:sum": (SQL("SUM"), True),
    "health:avg": (SQL("AVG"), False),
}


class LobPolicyFigure(models.Model):
    """One number of the monitor: an indicator for a team (or, without team, the college),
    for a school year on a reference date.

    Live figures (no snapshot) are recomputed whenever the monitor opens; figures of a
    snapshot are written once by the yearly review and never change: the trend is built
    from them. The pivot of teams × indicators is the monitor's heatmap.
    """

    _name = "lob.policy.figure"
    _description = "LOB monitor figure"
    _order = "school_year desc, department_id, indicator"
    _check_company_auto = True
    _rec_name = "indicator"

    policy_id = fields.Many2one("lob.policy", required=True, ondelete="cascade", index=True)
    snapshot_id = fields.Many2one(
        "lob.policy.snapshot", ondelete="cascade", index="btree_not_null", readonly=True
    )
    company_id = fields.Many2one("res.company", required=True, index=True, readonly=True)
    department_id = fields.Many2one(
        "hr.department", "Team", index="btree_not_null", readonly=True, help="Empty: the college."
    )
    is_college = fields.Boolean("College", readonly=True)
    school_year = fields.Integer(readonly=True, aggregator=None, index=True)
    reference_date = fields.Date(readonly=True)
    indicator = fields.Selection(INDICATOR_SELECTION, required=True, readonly=True)
    value = fields.Float(readonly=True, aggregator="avg")
    has_value = fields.Boolean("Has data", readonly=True)
    target = fields.Float(
        readonly=True,
        aggregator=None,
        help="The goal's target: the team plan's where the team set one, else the college's.",
    )
    status = fields.Selection(STATUS_SELECTION, "Goal status", readonly=True)
    health = fields.Float(
        "Status",
        readonly=True,
        aggregator="avg",
        help="3 on track, 2 at risk, 1 off track; 0 without goal or data.",
    )
    numerator = fields.Float("Counted", readonly=True, aggregator="sum")
    denominator = fields.Float("Out of", readonly=True, aggregator="sum")

    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.su or self.env.context.get("lob_policy_internal")):
            raise UserError(self.env._("Monitor figures are computed, never typed in."))
        return super().create(vals_list)

    def write(self, vals):
        if self:
            raise UserError(self.env._("Monitor figures are computed, never typed in."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_snapshot(self):
        if self.filtered("snapshot_id") and not self.env.context.get("lob_uninstall"):
            raise UserError(
                self.env._("The figures of a review snapshot cannot be changed or removed.")
            )

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):
        """The college's row reads as the college (the pivot and graph would say "None")."""
        groups = super().read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy
        )
        groupby = [groupby] if isinstance(groupby, str) else list(groupby)
        if "department_id" in (groupby[:1] if lazy else groupby):
            label = self.env._("Whole college")
            for group in groups:
                if group.get("department_id") is False:
                    group["department_id"] = (False, label)
        return groups

    def _read_group_select(self, aggregate_spec, query):
        """Totals a director can read. The college is not the average of its teams (it
        counts everyone once, and people without a team): a group that holds the college's
        figure of an indicator shows that figure, so the pivot's total row is the college.
        Values and counts of different indicators don't add up: over several indicators
        they stay empty; the status (health) is averaged, the team's overall standing."""
        if aggregate_spec not in COLLEGE_TOTALS:
            return super()._read_group_select(aggregate_spec, query)
        fname = aggregate_spec.split(":")[0]
        function, per_indicator = COLLEGE_TOTALS[aggregate_spec]
        column = self._field_to_sql(self._table, fname, query)
        total = SQL(
            "COALESCE(%(f)s(%(c)s) FILTER (WHERE %(college)s), %(f)s(%(c)s))",
            f=function,
            c=column,
            college=self._field_to_sql(self._table, "is_college", query),
        )
        if not per_indicator:
            return total
        return SQL(
            "CASE WHEN COUNT(DISTINCT %s) = 1 THEN %s END",
            self._field_to_sql(self._table, "indicator", query),
            total,
        )

    @api.model
    def _lob_values(self, policy, figures, snapshot=None, on_date=None, school_year=None):
        """Values of figure records, each with its goal's status: the team plan's target
        where the team set one for the indicator, else the college goal's."""
        college = {}
        for goal in policy.goal_ids.filtered("indicator"):
            college.setdefault(goal.indicator, (goal.target, goal.baseline))
        teams = {}
        plans = policy.team_plan_ids.filtered(lambda p: p.school_year == school_year)
        for goal in plans.goal_ids.filtered("indicator"):
            teams.setdefault((goal.department_id.id, goal.indicator), (goal.target, None))
        values = []
        for figure in figures:
            goal = teams.get((figure.team, figure.indicator)) or college.get(figure.indicator)
            status = goal_status(figure.indicator, figure.value, *goal).value if goal else False
            values.append(
                {
                    "policy_id": policy.id,
                    "snapshot_id": snapshot.id if snapshot else False,
                    "company_id": policy.company_id.id,
                    "department_id": figure.team or False,
                    "is_college": figure.team is None,
                    "school_year": school_year,
                    "reference_date": on_date,
                    "indicator": figure.indicator,
                    "value": figure.value or 0.0,
                    "has_value": figure.value is not None,
                    "target": goal[0] if goal else 0.0,
                    "status": status,
                    "health": HEALTH.get(status, 0.0),
                    "numerator": figure.numerator,
                    "denominator": figure.denominator,
                }
            )
        return values

    @api.model
    def _lob_refresh(self, policy):
        """Replace the live figures of ``policy`` with freshly computed ones."""
        school_year = policy.monitor_school_year or policy.school_year_from
        on_date = policy._lob_monitor_date(school_year)
        figures = policy._lob_figures(school_year, on_date)
        live = self.sudo().search([("policy_id", "=", policy.id), ("snapshot_id", "=", False)])
        live.unlink()
        return (
            self.sudo()
            .create(self._lob_values(policy, figures, None, on_date, school_year))
            ._lob_store_empty()
        )

    def _lob_store_empty(self):
        """No data is NULL, not 0, so that the pivot leaves the cell empty and averages skip
        it (the ORM writes 0 for an empty float)."""
        self.flush_recordset()
        self.env.cr.execute(
            SQL(
                """
                UPDATE lob_policy_figure
                   SET value = CASE WHEN has_value THEN value END,
                       health = NULLIF(health, 0)
                 WHERE id IN %s
                """,
                tuple(self.ids) or (0,),
            )
        )
        self.invalidate_recordset(["value", "health"])
        return self

    def action_open_records(self):
        """The records behind this number: the talks, people, plans or agreements counted."""
        self.ensure_one()
        model, domain, title = self._lob_records()
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": model,
            "domain": domain,
            "views": [(False, "list"), (False, "form")],
            "target": "current",
        }

    def _lob_records(self):
        """``(model, domain, title)`` of the records behind this figure: its team's, or the
        college's when it has no team. The same rules as the monitor's queries, as domains
        (the monitor, ``lob.policy.monitor``, counts; this lists)."""
        self.ensure_one()
        indicator, team, company = self.indicator, self.department_id, self.company_id
        school_year, on_date = self.school_year, self.reference_date
        Monitor = self.env["lob.policy.monitor"]
        start, last = school_year_bounds(school_year)
        end = min(on_date, last)
        end_dt = fields.Datetime.to_datetime(end).replace(hour=23, minute=59, second=59)
        on_dt = fields.Datetime.to_datetime(on_date).replace(hour=23, minute=59, second=59)
        in_team = [("employee_id.department_id", "=", team.id)] if team else []
        base = [("company_id", "=", company.id)]
        _ = self.env._
        if indicator.startswith("talks_"):
            domain = [
                *base,
                *in_team,
                ("state", "in", SIGNED_STATES),
                ("employee_signed_date", "<=", end_dt),
                ("conductor_signed_date", "<=", end_dt),
                "|",
                ("employee_signed_date", ">=", start),
                ("conductor_signed_date", ">=", start),
            ]
            level = indicator.removeprefix("talks_")
            if level in LEVELS:
                levels = Monitor._lob_levels(company, on_date)
                domain.append(("employee_id", "in", [e for e, lv in levels.items() if lv == level]))
            return "lob.talk", domain, _("Signed talks")
        if indicator == "competency_at_target":
            domain = [*base, ("target_level_id", "!=", False)]
            if team:
                domain.append(("department_id", "=", team.id))
            return "lob.competency.overview", domain, _("Competencies against their targets")
        if indicator == "competency_unassessed":
            _holders, stale = Monitor._lob_unassessed(company, on_date)
            domain = [("id", "in", list(stale))]
            if team:
                domain.append(("department_id", "=", team.id))
            return "hr.employee", domain, _("Role holders not assessed for a year")
        if indicator.startswith("prof_"):
            domain = [
                *base,
                *in_team,
                ("state", "=", "done"),
                ("date", ">=", start),
                ("date", "<=", end),
            ]
            return "lob.professionalisation", domain, _("Professionalisation")
        if indicator.startswith("template_"):
            domain = Monitor._lob_template_domain(company)
            if team:
                domain.append(("department_ids", "in", team.ids))
            return "lob.talk.template", domain, _("Staff templates of the teams")
        if indicator == "role_hours_consistent":
            Assignment = self.env["lob.role.assignment"]
            domain = [*base, *Assignment._lob_current_domain(on_date)]
            if team:
                domain.append(("department_id", "=", team.id))
            return "lob.role.assignment", domain, _("Role hours")
        if indicator.startswith("plan_"):
            domain = [*base, ("school_year", "=", school_year)]
            if team:
                domain.append(("department_id", "=", team.id))
            return "lob.team.plan", domain, _("Team work plans")
        domain = [
            *base,
            *in_team,
            ("status", "=", "open"),
            ("deadline", "<", on_date),
            ("talk_id.held_date", "<=", on_dt),
        ]
        return "lob.talk.agreement", domain, _("Overdue agreements")
