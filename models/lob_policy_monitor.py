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
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

from ..lob_hrm.monitor import share
from ..lob_hrm.policy import IndicatorValue, school_year_bounds

SIGNED_STATES = ("signed", "done")
LEVELS = ("coach", "leader", "director")
STALE_DAYS = 365


class LobPolicyMonitor(models.AbstractModel):
    """The indicators are computed college-wide in SQL, without record rules: who sees which
    team's numbers is decided by the rules on ``lob.policy.figure`` (the stored figures),
    and only the policy's readers open its monitor.

    Each indicator is one set-based query that aggregates per team and for the college at
    once (``GROUPING SETS ((team), ())``), so the number of queries is fixed and the work
    grows with the rows PostgreSQL reads, not with teams × employees in Python.
    """

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
        teams = self._lob_teams(companies)
        figures = []
        figures += self._lob_talks(teams, companies, start, end, on_date)
        figures += self._lob_competencies(teams, companies, on_date)
        figures += self._lob_professionalisation(teams, companies, start, end)
        figures += self._lob_templates(teams, companies)
        figures += self._lob_role_hours(teams, companies, on_date, spread)
        figures += self._lob_plans(teams, companies, school_year, on_date)
        figures += self._lob_agreements(teams, companies, on_date)
        return figures

    # -- who is who ---------------------------------------------------------------------

    @api.model
    def _lob_teams(self, companies):
        """The teams: the departments of the active employees of ``companies``, sorted by
        id (one query)."""
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT department_id FROM hr_employee
                 WHERE active AND company_id IN %s AND department_id IS NOT NULL
                 ORDER BY department_id
                """,
                self._lob_ids(companies),
            )
        )
        return [team for (team,) in self.env.cr.fetchall()]

    @api.model
    def _lob_holders_sql(self, companies, on_date):
        """The role assignments of ``companies`` held on ``on_date``."""
        return SQL(
            """
            SELECT employee_id, department_id, role_id, COALESCE(hours, 0) AS hours
              FROM lob_role_assignment
             WHERE company_id IN %(companies)s AND date_from <= %(on_date)s
               AND (date_to IS NULL OR date_to >= %(on_date)s)
            """,
            companies=self._lob_ids(companies),
            on_date=on_date,
        )

    @api.model
    def _lob_levels_sql(self, companies, on_date):
        """``(employee_id, level)``: directors manage team leaders, team leaders manage a
        department, coaches hold an LOB role on ``on_date``; the highest level wins."""
        return SQL(
            """
            WITH heads AS (
                SELECT d.manager_id AS leader, boss.id AS boss
                  FROM hr_department d
                  JOIN hr_employee m ON m.id = d.manager_id
             LEFT JOIN hr_employee boss ON boss.id = m.parent_id AND boss.id != m.id
                 WHERE d.active AND d.company_id IN %(companies)s
            ), ranked AS (
                SELECT boss AS employee_id, 3 AS rank FROM heads WHERE boss IS NOT NULL
                 UNION ALL
                SELECT leader, 2 FROM heads
                 UNION ALL
                SELECT employee_id, 1 FROM (%(holders)s) holders
            )
            SELECT employee_id, (ARRAY['coach', 'leader', 'director'])[MAX(rank)] AS level
              FROM ranked
             GROUP BY employee_id
            """,
            companies=self._lob_ids(companies),
            holders=self._lob_holders_sql(companies, on_date),
        )

    @api.model
    def _lob_levels(self, companies, on_date):
        """{employee id: level} (one query)."""
        self.env.cr.execute(self._lob_levels_sql(companies, on_date))
        return dict(self.env.cr.fetchall())

    # -- helpers -------------------------------------------------------------------------

    @staticmethod
    def _lob_ids(records):
        return tuple(records.ids) or (0,)

    @staticmethod
    def _lob_emit(code, teams, counts, value=None):
        """The figures of indicator ``code`` for every team and the college.

        ``counts``: {team id, or None for the college: (numerator, denominator)}; teams
        without an entry count 0 of 0. ``value(numerator, denominator, team)`` gives the
        value, by default the share (no data when the denominator is 0).
        """
        figures = []
        for team in [*teams, None]:
            numerator, denominator = counts.get(team, (0, 0))
            figures.append(
                IndicatorValue(
                    indicator=code,
                    team=team,
                    value=(
                        share(numerator, denominator)
                        if value is None
                        else value(numerator, denominator, team)
                    ),
                    numerator=numerator,
                    denominator=denominator,
                )
            )
        return figures

    def _lob_grouped(self, query):
        """Rows of a query grouped by ``GROUPING SETS ((department_id), ())`` whose first
        columns are the code, the team and ``GROUPING(team)``: {code: {team or None (the
        college): rest of the row}}. Employees without a team only count for the college."""
        self.env.cr.execute(query)
        grouped = defaultdict(dict)
        for code, team, college, *rest in self.env.cr.fetchall():
            if college:
                grouped[code][None] = tuple(rest)
            elif team:
                grouped[code][team] = tuple(rest)
        return grouped

    # -- 1. reflective talks at all levels ----------------------------------------------

    @api.model
    def _lob_talks(self, teams, companies, start, end, on_date):
        """The share of staff with a signed talk in the school year, for all staff and per
        level (one query)."""
        grouped = self._lob_grouped(
            SQL(
                """
                WITH levels AS (%(levels)s),
                signed AS (
                    SELECT DISTINCT employee_id FROM lob_talk
                     WHERE company_id IN %(companies)s AND state IN %(states)s
                       AND GREATEST(employee_signed_date, conductor_signed_date)
                           >= %(start)s::timestamp
                       AND GREATEST(employee_signed_date, conductor_signed_date)
                           < %(end)s::timestamp + interval '1 day'
                ), people AS (
                    SELECT e.department_id, lv.level, s.employee_id IS NOT NULL AS signed
                      FROM hr_employee e
                 LEFT JOIN levels lv ON lv.employee_id = e.id
                 LEFT JOIN signed s ON s.employee_id = e.id
                     WHERE e.active AND e.company_id IN %(companies)s
                )
                SELECT 'talks_' || COALESCE(level, 'staff'), department_id,
                       GROUPING(department_id), COUNT(*) FILTER (WHERE signed), COUNT(*)
                  FROM people
                 GROUP BY GROUPING SETS ((department_id), (), (department_id, level), (level))
                HAVING GROUPING(level) = 1 OR level IS NOT NULL
                """,
                levels=self._lob_levels_sql(companies, on_date),
                companies=self._lob_ids(companies),
                states=SIGNED_STATES,
                start=start,
                end=end,
            )
        )
        figures = []
        for code in ("talks_staff", *(f"talks_{level}" for level in LEVELS)):
            figures += self._lob_emit(code, teams, grouped.get(code, {}))
        return figures

    # -- 2. competencies -----------------------------------------------------------------

    @staticmethod
    def _lob_level_key(alias):
        """A level's place in its framework as one number: by progress, then id (the
        overview's ranking); an empty progress ranks last, as the overview's ``ORDER BY``
        puts it."""
        return SQL(
            "(COALESCE(%s, 101)::bigint << 31) + %s",
            SQL.identifier(alias, "level_progress"),
            SQL.identifier(alias, "id"),
        )

    @api.model
    def _lob_unassessed_sql(self, companies, on_date):
        """``(employee_id, stale)``: the role holders on ``on_date``, stale when their last
        LOB assessment in the skill history lies over a year before it, or never was."""
        return SQL(
            """
            WITH holders AS (
                SELECT DISTINCT employee_id FROM (%(holders)s) held
            ), assessed AS (
                SELECT log.employee_id, MAX(log.date) AS last
                  FROM hr_employee_skill_log log
                 WHERE log.employee_id IN (SELECT employee_id FROM holders)
                   AND log.date <= %(on_date)s
                   AND log.skill_type_id IN (SELECT id FROM hr_skill_type WHERE lob_profile)
                 GROUP BY log.employee_id
            )
            SELECT h.employee_id, COALESCE(a.last < %(stale_before)s, TRUE) AS stale
              FROM holders h
         LEFT JOIN assessed a ON a.employee_id = h.employee_id
            """,
            holders=self._lob_holders_sql(companies, on_date),
            on_date=on_date,
            stale_before=on_date - timedelta(days=STALE_DAYS),
        )

    @api.model
    def _lob_unassessed(self, companies, on_date):
        """Role holders on ``on_date``, and those of them without an LOB assessment in the
        year before it (one query)."""
        self.env.cr.execute(self._lob_unassessed_sql(companies, on_date))
        rows = self.env.cr.fetchall()
        return [employee for employee, _stale in rows], {e for e, stale in rows if stale}

    @api.model
    def _lob_competencies(self, teams, companies, on_date):
        """The share of LOB competencies at target level, and of role holders without an
        assessment for over a year (one query).

        At target follows the competency overview's rule (``lob.competency.overview``): per
        role holder and competency, the highest level their roles held on ``on_date`` ask,
        for the competencies of the frameworks of those roles, against the current level;
        counted for active employees only. The overview ranks the levels of a framework by
        (progress, id); comparing those pairs directly (:meth:`_lob_level_key`) gives the
        same order without the ranking window, whose per-row lookups made this the slowest
        indicator. Every join can use an index: the plan stays sound when the planner's
        statistics are behind (a join on a materialised CTE went quadratic then).
        """
        grouped = self._lob_grouped(
            SQL(
                """
                WITH held AS NOT MATERIALIZED (
                    SELECT h.employee_id, h.role_id, r.skill_type_id
                      FROM (%(holders)s) h
                      JOIN lob_role r ON r.id = h.role_id
                ), targets AS (
                    SELECT h.employee_id, t.skill_id, MAX(%(target_key)s) AS top
                      FROM held h
                      JOIN lob_role_target t ON t.role_id = h.role_id
                      JOIN hr_skill_level lv ON lv.id = t.skill_level_id
                     GROUP BY h.employee_id, t.skill_id
                ), at_target AS (
                    SELECT e.department_id,
                           cur.id IS NOT NULL AND %(current_key)s >= tg.top AS hit
                      FROM targets tg
                      JOIN hr_employee e ON e.id = tg.employee_id AND e.active
                       AND e.company_id IN %(companies)s
                      JOIN hr_skill s ON s.id = tg.skill_id
                      JOIN hr_skill_type st ON st.id = s.skill_type_id AND st.active
                 LEFT JOIN hr_employee_skill es
                        ON es.employee_id = tg.employee_id AND es.skill_id = tg.skill_id
                 LEFT JOIN hr_skill_level cur ON cur.id = es.skill_level_id
                     WHERE EXISTS (
                               SELECT 1 FROM held h
                                WHERE h.employee_id = tg.employee_id
                                  AND h.skill_type_id = s.skill_type_id
                           )
                ), unassessed AS (%(unassessed)s)
                SELECT 'competency_at_target', department_id, GROUPING(department_id),
                       COUNT(*) FILTER (WHERE hit), COUNT(*)
                  FROM at_target
                 GROUP BY GROUPING SETS ((department_id), ())
                 UNION ALL
                SELECT 'competency_unassessed', e.department_id, GROUPING(e.department_id),
                       COUNT(*) FILTER (WHERE u.stale), COUNT(*)
                  FROM unassessed u
             LEFT JOIN hr_employee e
                    ON e.id = u.employee_id AND e.active AND e.company_id IN %(companies)s
                 GROUP BY GROUPING SETS ((e.department_id), ())
                """,
                holders=self._lob_holders_sql(companies, on_date),
                unassessed=self._lob_unassessed_sql(companies, on_date),
                companies=self._lob_ids(companies),
                target_key=self._lob_level_key("lv"),
                current_key=self._lob_level_key("cur"),
            )
        )
        return self._lob_emit(
            "competency_at_target", teams, grouped.get("competency_at_target", {})
        ) + self._lob_emit("competency_unassessed", teams, grouped.get("competency_unassessed", {}))

    # -- 3. professionalisation ----------------------------------------------------------

    @api.model
    def _lob_professionalisation(self, teams, companies, start, end):
        """The share of staff at or above their company's hours norm, and the median hours
        of done activities in the school year (one query)."""
        self.env.cr.execute(
            SQL(
                """
                WITH hours AS (
                    SELECT e.department_id, COALESCE(SUM(p.hours), 0) AS hours,
                           COALESCE(c.lob_professionalisation_norm, 0) AS norm
                      FROM hr_employee e
                      JOIN res_company c ON c.id = e.company_id
                 LEFT JOIN lob_professionalisation p
                        ON p.employee_id = e.id AND p.state = 'done'
                       AND p.date BETWEEN %(start)s AND %(end)s
                     WHERE e.active AND e.company_id IN %(companies)s
                     GROUP BY e.id, e.department_id, c.lob_professionalisation_norm
                )
                SELECT department_id, GROUPING(department_id),
                       COUNT(*) FILTER (WHERE hours >= norm), COUNT(*),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY hours), COALESCE(SUM(hours), 0)
                  FROM hours
                 GROUP BY GROUPING SETS ((department_id), ())
                """,
                start=start,
                end=end,
                companies=self._lob_ids(companies),
            )
        )
        at_norm, medians = {}, {}
        for team, college, hit, total, median, hours in self.env.cr.fetchall():
            key = None if college else team
            if college or team:
                at_norm[key] = (hit, total)
                medians[key] = (hours, total, median)
        return self._lob_emit("prof_at_norm", teams, at_norm) + self._lob_emit(
            "prof_median_hours",
            teams,
            {team: (hours, total) for team, (hours, total, _m) in medians.items()},
            value=lambda _n, _d, team: medians[team][2] if team in medians else None,
        )

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
        """The mean alignment score of the published staff templates each team uses, and
        the share of them that drifted from their student template or their central
        template (one query; the central template's changes are the template's own rule,
        read through the ORM for the team variants only)."""
        self.env.cr.execute(
            SQL(
                """
                SELECT t.id, rel.hr_department_id, COALESCE(t.alignment_score, 0),
                       COALESCE(t.has_drift, FALSE), t.parent_id
                  FROM lob_talk_template t
                  JOIN hr_department_lob_talk_template_rel rel
                    ON rel.lob_talk_template_id = t.id
                 WHERE t.audience = 'staff' AND t.state = 'published'
                   AND (t.company_id IS NULL OR t.company_id IN %(companies)s)
                   AND rel.hr_department_id IN %(teams)s
                """,
                companies=self._lob_ids(companies),
                teams=tuple(teams) or (0,),
            )
        )
        rows = self.env.cr.fetchall()
        # variants and their central templates in one prefetch set: their sections and
        # prompts are read together, in a fixed number of queries
        variants = {template: central for template, _team, _s, _d, central in rows if central}
        Template = self.env["lob.talk.template"].sudo()
        batch = Template.browse({*variants, *variants.values()})
        outdated = {
            template.id
            for template in Template.browse(variants).with_prefetch(batch._prefetch_ids)
            if template.central_outdated
        }
        templates, per_team = {}, defaultdict(list)
        for template, team, score, drift, _variant in rows:
            templates[template] = (score, drift or template in outdated)
            per_team[team].append(templates[template])
        # the college: the templates its teams use, each counted once
        per_team[None] = list(templates.values())
        scores = {team: (sum(s for s, _d in used), len(used)) for team, used in per_team.items()}
        drifted = {team: (sum(d for _s, d in used), len(used)) for team, used in per_team.items()}

        def mean(total, count, _team):
            return round(total / count, 2) if count else None

        return self._lob_emit("template_alignment", teams, scores, value=mean) + self._lob_emit(
            "template_drift", teams, drifted
        )

    # -- 5. roles and facilities consistent across teams ---------------------------------

    @api.model
    def _lob_role_hours(self, teams, companies, on_date, spread):
        """Per team, the share of its roles whose hours per holder lie within ``spread`` of
        the college median of the role; for the college, the share of all team × role pairs
        in line (one query; the rule of :func:`lob_hrm.monitor.role_hours_flags`)."""
        self.env.cr.execute(
            SQL(
                """
                WITH held AS (
                    SELECT department_id, role_id, hours FROM (%(holders)s) h
                     WHERE department_id IS NOT NULL
                ), medians AS (
                    SELECT role_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) AS median
                      FROM held GROUP BY role_id
                ), pairs AS (
                    SELECT h.department_id,
                           CASE WHEN m.median = 0 THEN AVG(h.hours) > 0
                                ELSE abs(AVG(h.hours) - m.median) / m.median > %(spread)s
                           END AS flagged
                      FROM held h
                      JOIN medians m ON m.role_id = h.role_id
                     GROUP BY h.department_id, h.role_id, m.median
                )
                SELECT department_id, GROUPING(department_id),
                       COUNT(*) FILTER (WHERE NOT flagged), COUNT(*)
                  FROM pairs
                 GROUP BY GROUPING SETS ((department_id), ())
                """,
                holders=self._lob_holders_sql(companies, on_date),
                spread=spread,
            )
        )
        counts = {
            None if college else team: (in_line, total)
            for team, college, in_line, total in self.env.cr.fetchall()
        }
        return self._lob_emit("role_hours_consistent", teams, counts)

    # -- 6. team work plans --------------------------------------------------------------

    @api.model
    def _lob_plans(self, teams, companies, school_year, on_date):
        """Whether each team's plan of the school year was adopted (and discussed) by
        ``on_date``; for the college, the share of the teams (one query)."""
        self.env.cr.execute(
            SQL(
                """
                SELECT department_id,
                       BOOL_OR(state IN ('adopted', 'evaluated') AND adopted_date <= %(on)s),
                       BOOL_OR(state IN ('adopted', 'evaluated') AND adopted_date <= %(on)s
                               AND discussed_date <= %(on)s)
                  FROM lob_team_plan
                 WHERE company_id IN %(companies)s AND school_year = %(year)s
                   AND department_id IN %(teams)s
                 GROUP BY department_id
                """,
                on=on_date,
                companies=self._lob_ids(companies),
                year=school_year,
                teams=tuple(teams) or (0,),
            )
        )
        plans = {team: (adopted, discussed) for team, adopted, discussed in self.env.cr.fetchall()}
        figures = []
        for position, code in enumerate(("plan_adopted", "plan_discussed")):
            counts = {team: (int(bool(plans.get(team, (0, 0))[position])), 1) for team in teams}
            counts[None] = (sum(hit for hit, _one in counts.values()), len(teams))
            figures += self._lob_emit(code, teams, counts)
        return figures

    # -- 7. agreements -------------------------------------------------------------------

    @api.model
    def _lob_agreements(self, teams, companies, on_date):
        """The share of the agreements due by ``on_date`` (of talks held by then) that are
        still open (one query)."""
        grouped = self._lob_grouped(
            SQL(
                """
                SELECT 'agreement_overdue', e.department_id, GROUPING(e.department_id),
                       COUNT(*) FILTER (WHERE a.status = 'open'), COUNT(*)
                  FROM lob_talk_agreement a
                  JOIN lob_talk t ON t.id = a.talk_id
             LEFT JOIN hr_employee e
                    ON e.id = a.employee_id AND e.active AND e.company_id IN %(companies)s
                 WHERE a.company_id IN %(companies)s AND a.deadline < %(on)s
                   AND t.held_date < %(on)s::timestamp + interval '1 day'
                 GROUP BY GROUPING SETS ((e.department_id), ())
                """,
                companies=self._lob_ids(companies),
                on=on_date,
            )
        )
        return self._lob_emit("agreement_overdue", teams, grouped.get("agreement_overdue", {}))
