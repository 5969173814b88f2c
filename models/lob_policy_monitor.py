# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The seven indicators of the LOB policy monitor, computed from the add-on's own records.

Every indicator is computed per team (the employee's department) and for the college, for the
companies of a policy, a school year and a reference date, in a fixed number of queries
whatever the number of employees or teams (tests/test_policy_monitor.py counts them).

What "at the reference date" means per indicator:
1. talks signed (both signatures) from the start of the school year up to the date;
2. the roles held on the date and the competency levels as they are (the overview's rule);
   role holders whose last LOB assessment in the skill history lies over a year before it;
3. done professionalisation activities dated from the start of the school year up to it;
4. the templates as they are (templates keep no history);
5. the role assignments held on the date;
6. plans of the school year adopted (and discussed) on or before the date;
7. agreements of talks held by the date, whose deadline passed before it and that are still
   open (agreements keep no status history, so a past date sees today's status).
"""

from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

from ..lob_hrm.monitor import consistency, median_or_none, role_hours_flags, share
from ..lob_hrm.policy import IndicatorValue, school_year_bounds

SIGNED_STATES = ("signed", "done")
LEVELS = ("coach", "leader", "director")
STALE_DAYS = 365


class LobPolicyMonitor(models.AbstractModel):
    _name = "lob.policy.monitor"
    _description = "LOB policy monitor"

    @api.model
    def _lob_figures(self, companies, school_year, on_date, spread=0.25):
        """All indicators as :class:`lob_hrm.policy.IndicatorValue`, per team of
        ``companies`` (team = id) and for the college (team = None)."""
        on_date = fields.Date.to_date(on_date)
        start = school_year_bounds(school_year)[0]
        end = min(on_date, school_year_bounds(school_year)[1])
        self.env.flush_all()
        staff = self._lob_staff(companies, on_date)
        teams = sorted({team for team in staff.values() if team})
        figures = []
        figures += self._lob_talks(staff, companies, start, end, on_date)
        figures += self._lob_competencies(staff, companies, on_date)
        figures += self._lob_professionalisation(staff, companies, start, end)
        figures += self._lob_templates(teams, companies)
        figures += self._lob_role_hours(teams, companies, on_date, spread)
        figures += self._lob_plans(teams, companies, school_year, on_date)
        figures += self._lob_agreements(staff, companies, on_date)
        return figures

    # -- who is who ---------------------------------------------------------------------

    @api.model
    def _lob_staff(self, companies, on_date):
        """{employee id: team id} of the active employees of ``companies`` (one query)."""
        self.env.cr.execute(
            SQL(
                "SELECT id, department_id FROM hr_employee WHERE active AND company_id IN %s",
                tuple(companies.ids) or (0,),
            )
        )
        return dict(self.env.cr.fetchall())

    @api.model
    def _lob_levels(self, companies, on_date):
        """{employee id: level}: directors manage team leaders, team leaders manage a
        department, coaches hold an LOB role on ``on_date`` (two queries)."""
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                SELECT d.manager_id, boss.id
                  FROM hr_department d
                  JOIN hr_employee m ON m.id = d.manager_id
             LEFT JOIN hr_employee boss ON boss.id = m.parent_id AND boss.id != m.id
                 WHERE d.active AND d.company_id IN %s
                """,
                tuple(companies.ids) or (0,),
            )
        )
        rows = cr.fetchall()
        directors = {boss for _leader, boss in rows if boss}
        leaders = {leader for leader, _boss in rows} - directors
        cr.execute(
            SQL(
                """
                SELECT DISTINCT employee_id FROM lob_role_assignment
                 WHERE company_id IN %s AND date_from <= %s
                   AND (date_to IS NULL OR date_to >= %s)
                """,
                tuple(companies.ids) or (0,),
                on_date,
                on_date,
            )
        )
        levels = {employee: "coach" for (employee,) in cr.fetchall()}
        levels.update(dict.fromkeys(leaders, "leader"))
        levels.update(dict.fromkeys(directors, "director"))
        return levels

    # -- helpers -------------------------------------------------------------------------

    @staticmethod
    def _lob_shares(code, staff, counted, eligible=None):
        """Per team and for the college: the share of ``eligible`` employees (default all
        staff) that are in ``counted``."""
        eligible = staff.keys() if eligible is None else eligible
        per_team = defaultdict(lambda: [0, 0])
        college = [0, 0]
        for employee in eligible:
            hit = employee in counted
            for bucket in (per_team[staff.get(employee)], college):
                bucket[0] += hit
                bucket[1] += 1
        teams = sorted({t for t in staff.values() if t})
        values = [
            IndicatorValue(
                indicator=code,
                team=team,
                value=share(*per_team[team]) if team in per_team else None,
                numerator=per_team[team][0] if team in per_team else 0,
                denominator=per_team[team][1] if team in per_team else 0,
            )
            for team in teams
        ]
        values.append(
            IndicatorValue(
                indicator=code,
                value=share(*college),
                numerator=college[0],
                denominator=college[1],
            )
        )
        return values

    # -- 1. reflective talks at all levels ----------------------------------------------

    @api.model
    def _lob_signed_employees(self, companies, start, end):
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT employee_id FROM lob_talk
                 WHERE company_id IN %s AND state IN %s
                   AND GREATEST(employee_signed_date, conductor_signed_date)::date
                       BETWEEN %s AND %s
                """,
                tuple(companies.ids) or (0,),
                SIGNED_STATES,
                start,
                end,
            )
        )
        return {employee for (employee,) in self.env.cr.fetchall()}

    @api.model
    def _lob_talks(self, staff, companies, start, end, on_date):
        signed = self._lob_signed_employees(companies, start, end)
        levels = self._lob_levels(companies, on_date)
        figures = self._lob_shares("talks_staff", staff, signed)
        for level in LEVELS:
            eligible = [e for e in staff if levels.get(e) == level]
            figures += self._lob_shares(f"talks_{level}", staff, signed, eligible)
        return figures

    # -- 2. competencies -----------------------------------------------------------------

    @api.model
    def _lob_competencies(self, staff, companies, on_date):
        cr = self.env.cr
        overview = self.env["lob.competency.overview"]._query(on_date)
        cr.execute(
            SQL(
                """
                SELECT o.department_id, COUNT(*) FILTER (WHERE o.at_target),
                       COUNT(o.target_level_id)
                  FROM (%s) o
                 WHERE o.company_id IN %s
                 GROUP BY o.department_id
                """,
                overview,
                tuple(companies.ids) or (0,),
            )
        )
        per_team = {team: (hit, total) for team, hit, total in cr.fetchall()}
        teams = sorted({t for t in staff.values() if t})
        figures = [
            IndicatorValue(
                indicator="competency_at_target",
                team=team,
                value=share(*per_team.get(team, (0, 0))),
                numerator=per_team.get(team, (0, 0))[0],
                denominator=per_team.get(team, (0, 0))[1],
            )
            for team in teams
        ]
        hit = sum(h for h, _t in per_team.values())
        total = sum(t for _h, t in per_team.values())
        figures.append(
            IndicatorValue(
                indicator="competency_at_target",
                value=share(hit, total),
                numerator=hit,
                denominator=total,
            )
        )
        holders, stale = self._lob_unassessed(companies, on_date)
        return figures + self._lob_shares("competency_unassessed", staff, stale, holders)

    @api.model
    def _lob_unassessed(self, companies, on_date):
        """Role holders on ``on_date``, and those of them without an LOB assessment in the
        year before it (one query)."""
        self.env.cr.execute(
            SQL(
                """
                WITH holders AS (
                    SELECT DISTINCT employee_id FROM lob_role_assignment
                     WHERE company_id IN %(companies)s AND date_from <= %(on_date)s
                       AND (date_to IS NULL OR date_to >= %(on_date)s)
                )
                SELECT h.employee_id, MAX(log.date)
                  FROM holders h
             LEFT JOIN hr_employee_skill_log log
                    ON log.employee_id = h.employee_id AND log.date <= %(on_date)s
                   AND log.skill_type_id IN (SELECT id FROM hr_skill_type WHERE lob_profile)
                 GROUP BY h.employee_id
                """,
                companies=tuple(companies.ids) or (0,),
                on_date=on_date,
            )
        )
        rows = self.env.cr.fetchall()
        stale = {
            employee for employee, last in rows if not last or (on_date - last).days > STALE_DAYS
        }
        return [employee for employee, _last in rows], stale

    # -- 3. professionalisation ----------------------------------------------------------

    @api.model
    def _lob_professionalisation(self, staff, companies, start, end):
        self.env.cr.execute(
            SQL(
                """
                SELECT e.id, COALESCE(SUM(p.hours), 0), c.lob_professionalisation_norm
                  FROM hr_employee e
                  JOIN res_company c ON c.id = e.company_id
             LEFT JOIN lob_professionalisation p
                    ON p.employee_id = e.id AND p.state = 'done'
                   AND p.date BETWEEN %s AND %s
                 WHERE e.active AND e.company_id IN %s
                 GROUP BY e.id, c.lob_professionalisation_norm
                """,
                start,
                end,
                tuple(companies.ids) or (0,),
            )
        )
        rows = self.env.cr.fetchall()
        at_norm = {employee for employee, hours, norm in rows if hours >= (norm or 0)}
        figures = self._lob_shares("prof_at_norm", staff, at_norm)
        hours_per_team = defaultdict(list)
        for employee, hours, _norm in rows:
            hours_per_team[staff.get(employee)].append(hours)
        teams = sorted({t for t in staff.values() if t})
        for team in [*teams, None]:
            hours = [h for _e, h, _n in rows] if team is None else hours_per_team.get(team, [])
            figures.append(
                IndicatorValue(
                    indicator="prof_median_hours",
                    team=team,
                    value=median_or_none(hours),
                    numerator=sum(hours),
                    denominator=len(hours),
                )
            )
        return figures

    # -- 4. template alignment -----------------------------------------------------------

    @api.model
    def _lob_template_domain(self, companies):
        return [
            ("audience", "=", "staff"),
            ("state", "=", "published"),
            ("company_id", "in", [*companies.ids, False]),
            ("department_ids", "!=", False),
        ]

    @api.model
    def _lob_templates(self, teams, companies):
        templates = (
            self.env["lob.talk.template"]
            .sudo()
            .search_fetch(
                self._lob_template_domain(companies),
                ["alignment_score", "has_drift", "department_ids", "parent_id"],
            )
        )
        per_team = defaultdict(list)
        for template in templates:
            drift = template.has_drift or template.central_outdated
            for team in template.department_ids.ids:
                per_team[team].append((template.alignment_score, drift))
        figures = []
        # the college: the templates its teams use, each counted once
        known = set(teams)
        college = [
            (t.alignment_score, t.has_drift or t.central_outdated)
            for t in templates
            if known & set(t.department_ids.ids)
        ]
        for team, rows in [*((team, per_team.get(team, [])) for team in teams), (None, college)]:
            figures.append(
                IndicatorValue(
                    indicator="template_alignment",
                    team=team,
                    value=round(sum(s for s, _d in rows) / len(rows), 2) if rows else None,
                    numerator=sum(s for s, _d in rows),
                    denominator=len(rows),
                )
            )
            drifted = sum(1 for _s, d in rows if d)
            figures.append(
                IndicatorValue(
                    indicator="template_drift",
                    team=team,
                    value=share(drifted, len(rows)),
                    numerator=drifted,
                    denominator=len(rows),
                )
            )
        return figures

    # -- 5. roles and facilities consistent across teams ---------------------------------

    @api.model
    def _lob_role_hours(self, teams, companies, on_date, spread):
        self.env.cr.execute(
            SQL(
                """
                SELECT department_id, role_id, hours FROM lob_role_assignment
                 WHERE company_id IN %s AND department_id IS NOT NULL
                   AND date_from <= %s AND (date_to IS NULL OR date_to >= %s)
                """,
                tuple(companies.ids) or (0,),
                on_date,
                on_date,
            )
        )
        flags = role_hours_flags(self.env.cr.fetchall(), spread)
        per_team, college = consistency(flags)
        counts = defaultdict(lambda: [0, 0])
        for (team, _role), flagged in flags.items():
            counts[team][0] += not flagged
            counts[team][1] += 1
        figures = [
            IndicatorValue(
                indicator="role_hours_consistent",
                team=team,
                value=per_team.get(team),
                numerator=counts[team][0] if team in counts else 0,
                denominator=counts[team][1] if team in counts else 0,
            )
            for team in teams
        ]
        in_line = sum(not f for f in flags.values())
        figures.append(
            IndicatorValue(
                indicator="role_hours_consistent",
                value=college,
                numerator=in_line,
                denominator=len(flags),
            )
        )
        return figures

    # -- 6. team work plans --------------------------------------------------------------

    @api.model
    def _lob_plans(self, teams, companies, school_year, on_date):
        self.env.cr.execute(
            SQL(
                """
                SELECT department_id,
                       BOOL_OR(state IN ('adopted', 'evaluated') AND adopted_date <= %(on)s),
                       BOOL_OR(state IN ('adopted', 'evaluated') AND adopted_date <= %(on)s
                               AND discussed_date <= %(on)s)
                  FROM lob_team_plan
                 WHERE company_id IN %(companies)s AND school_year = %(year)s
                 GROUP BY department_id
                """,
                on=on_date,
                companies=tuple(companies.ids) or (0,),
                year=school_year,
            )
        )
        plans = {
            team: (bool(adopted), bool(discussed))
            for team, adopted, discussed in self.env.cr.fetchall()
        }
        figures = []
        for position, code in enumerate(("plan_adopted", "plan_discussed")):
            hits = [plans.get(team, (False, False))[position] for team in teams]
            figures += [
                IndicatorValue(
                    indicator=code, team=team, value=100.0 * hit, numerator=hit, denominator=1
                )
                for team, hit in zip(teams, hits, strict=True)
            ]
            figures.append(
                IndicatorValue(
                    indicator=code,
                    value=share(sum(hits), len(teams)),
                    numerator=sum(hits),
                    denominator=len(teams),
                )
            )
        return figures

    # -- 7. agreements -------------------------------------------------------------------

    @api.model
    def _lob_agreements(self, staff, companies, on_date):
        self.env.cr.execute(
            SQL(
                """
                SELECT a.employee_id, COUNT(*), COUNT(*) FILTER (WHERE a.status = 'open')
                  FROM lob_talk_agreement a
                  JOIN lob_talk t ON t.id = a.talk_id
                 WHERE a.company_id IN %s AND a.deadline < %s
                   AND t.held_date::date <= %s
                 GROUP BY a.employee_id
                """,
                tuple(companies.ids) or (0,),
                on_date,
                on_date,
            )
        )
        per_team = defaultdict(lambda: [0, 0])
        college = [0, 0]
        for employee, due, overdue in self.env.cr.fetchall():
            for bucket in (per_team[staff.get(employee)], college):
                bucket[0] += overdue
                bucket[1] += due
        teams = sorted({t for t in staff.values() if t})
        figures = [
            IndicatorValue(
                indicator="agreement_overdue",
                team=team,
                value=share(*per_team[team]) if team in per_team else None,
                numerator=per_team[team][0] if team in per_team else 0,
                denominator=per_team[team][1] if team in per_team else 0,
            )
            for team in teams
        ]
        figures.append(
            IndicatorValue(
                indicator="agreement_overdue",
                value=share(*college),
                numerator=college[0],
                denominator=college[1],
            )
        )
        return figures

    # -- drill-down ----------------------------------------------------------------------

    @api.model
    def _lob_drilldown(self, indicator, team, company, school_year, on_date):
        """``(model, domain, title)`` of the records behind an indicator of ``team`` (an
        empty recordset: the college)."""
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
                levels = self._lob_levels(company, on_date)
                domain.append(("employee_id", "in", [e for e, lv in levels.items() if lv == level]))
            return "lob.talk", domain, _("Signed talks")
        if indicator == "competency_at_target":
            domain = [*base, ("target_level_id", "!=", False)]
            if team:
                domain.append(("department_id", "=", team.id))
            return "lob.competency.overview", domain, _("Competencies against their targets")
        if indicator == "competency_unassessed":
            _holders, stale = self._lob_unassessed(company, on_date)
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
            domain = self._lob_template_domain(company)
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
