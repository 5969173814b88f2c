# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
import re
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL, unique

from ..lob_hrm import schemas, xlsx
from ..lob_hrm.overview import TeamHours, highest_targets
from ..lob_hrm.policy import school_year_of
from ..models.lob_exchange import slugify_key

NO_TEAM = "(geen team)"
TALK_STATES = {state.value: state for state in schemas.TalkState}


class LobCompetencyExportWizard(models.TransientModel):
    """Writes the competency overview workbook (heatmap, team summary, development points,
    talk-cycle progress, definitions) of what the exporting user may read.

    Reading goes through the competency overview and the other models as the user, so their
    record rules decide what the workbook holds; it takes a constant number of queries,
    whatever the number of employees.
    """

    _name = "lob.competency.export.wizard"
    _inherit = ["lob.download.mixin"]
    _description = "Export competency overview"

    skill_type_id = fields.Many2one(
        "hr.skill.type",
        "Framework",
        required=True,
        domain="[('lob_profile', '=', True)]",
        default=lambda self: self.env["hr.skill.type"].search(
            [("lob_profile", "=", True)], limit=1
        ),
    )
    framework_count = fields.Integer(compute="_compute_framework_count")
    company_ids = fields.Many2many(
        "res.company",
        string="Companies",
        domain=lambda self: [("id", "in", self.env.user.company_ids.ids)],
        default=lambda self: self.env.companies,
        help="Leave empty for all your companies.",
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Teams",
        help="Only these teams and their sub-teams; leave empty for every team you may see.",
    )
    role_ids = fields.Many2many(
        "lob.role",
        string="Roles",
        help="Only employees holding one of these roles; leave empty for all roles.",
    )
    reference_date = fields.Date(
        required=True,
        default=fields.Date.context_today,
        help="The roles held on this date set the targets; professionalisation hours count "
        "in its calendar year and talks in the cycles of the twelve months before it.",
    )

    include_policy = fields.Boolean(
        "Policy sheet",
        compute="_compute_policy_id",
        store=True,
        readonly=False,
        help="Add the policy sheet: the goals of the LOB policy with their indicators per "
        "team and for the college, status and trend, from the monitor on the policy's "
        "reference date, limited to the teams you may see in the monitor.",
    )
    policy_id = fields.Many2one(
        "lob.policy",
        compute="_compute_policy_id",
        store=True,
        readonly=False,
        domain="[('state', 'in', ('adopted', 'evaluated'))]",
        help="By default the adopted policy of your company for the school year of the "
        "reference date.",
    )

    def _compute_framework_count(self):
        count = self.env["hr.skill.type"].search_count([("lob_profile", "=", True)])
        for wizard in self:
            wizard.framework_count = count

    @api.depends("reference_date", "company_ids")
    def _compute_policy_id(self):
        for wizard in self:
            wizard.policy_id = wizard._lob_adopted_policy()
            wizard.include_policy = bool(wizard.policy_id)

    def action_export(self):
        self.ensure_one()
        content = self._lob_workbook()
        return self._lob_download(content, self._lob_filename())

    # -- business methods -------------------------------------------------------------

    def _lob_companies(self):
        # never more than the user's own companies, whatever the wizard was given (the ids
        # only: the user may not read a company they do not belong to)
        allowed = self.env.user.company_ids
        chosen = self.env["res.company"].browse(self.sudo().company_ids.ids)
        return (chosen & allowed) if chosen else allowed

    def _lob_college(self):
        return ", ".join(self._lob_companies().sorted("name").mapped("name"))

    def _lob_filename(self):
        name = f"LOB-competentieoverzicht {self._lob_college()} {self.reference_date}"
        return re.sub(r'[\\/:*?"<>|]+', "-", name)[:180] + ".xlsx"

    def _lob_workbook(self):
        """The workbook's bytes."""
        inputs = self._lob_read()
        inputs["policy"] = self._lob_policy_rows()
        return self._lob_write(inputs)

    def _lob_adopted_policy(self):
        """The adopted policy for the school year of the reference date, of the current
        company when it is among the exported ones, else of the first of them that has one."""
        if not self.reference_date:
            return self.env["lob.policy"]
        companies = self._lob_companies()
        year = school_year_of(self.reference_date)
        policies = self.env["lob.policy"].search(
            [
                ("company_id", "in", companies.ids),
                ("state", "=", "adopted"),
                ("school_year_from", "<=", year),
                ("school_year_to", ">=", year),
            ]
        )
        current = policies.filtered(lambda p: p.company_id == self.env.company)
        return (current or policies.sorted(lambda p: p.company_id.name))[:1]

    def _lob_policy_rows(self):
        """The policy sheet (a :class:`lob_hrm.policy.PolicySheet`) when asked for, else
        ``None``: the monitor's figures the user may read, as the policy download has them."""
        if not (self.include_policy and self.policy_id):
            return None
        return self.env["lob.policy.export.wizard"]._lob_policy_sheet(self.policy_id)

    @api.model
    def _lob_write(self, inputs):
        """Write what ``_lob_read`` returned through the core's writer; the workbook's bytes."""
        buffer = io.BytesIO()
        xlsx.write_workbook(
            buffer,
            inputs["framework"],
            inputs["roles"],
            inputs["data"],
            dimensions=inputs["dimensions"],
            team_hours=inputs["team_hours"],
            policy=inputs.get("policy"),
        )
        return buffer.getvalue()

    def _lob_domain(self):
        domain = [
            ("skill_type_id", "=", self.skill_type_id.id),
            ("company_id", "in", self._lob_companies().ids),
        ]
        # A filter keeps only the teams and roles the user may read: one they may not read
        # filters everything out rather than nothing.
        chosen = self.sudo()
        if chosen.department_ids:
            teams = self.env["hr.department"].search([("id", "in", chosen.department_ids.ids)])
            domain.append(("department_id", "child_of", teams.ids))
        if chosen.role_ids:
            roles = self.env["lob.role"].search([("id", "in", chosen.role_ids.ids)])
            domain.append(("role_ids", "in", roles.ids))
        return domain

    def _lob_read(self):
        """Everything the workbook shows, as core schemas, read as the current user.

        Returns a dict with ``framework``, ``roles``, ``data`` (rows, talks, actions),
        ``dimensions`` and ``team_hours``.
        """
        self.ensure_one()
        on_date = self.reference_date
        skill_type = self.skill_type_id
        Exchange = self.env["lob.exchange"]
        try:
            framework = Exchange._framework_schema(skill_type)
        except ValueError as exc:
            raise Exchange._framework_export_error(skill_type, exc) from exc
        level_keys = {
            level.id: level.lob_key or slugify_key(level.name)
            for level in skill_type.skill_level_ids
        }
        known = {competency.key for competency in framework.competencies}
        skill_keys = {
            skill.id: key
            for skill in skill_type.skill_ids
            if (key := skill.lob_key or slugify_key(skill.name)) in known
        }

        Overview = self.env["lob.competency.overview"].with_context(lob_date=on_date)
        team_of, levels = self._lob_levels(Overview, skill_keys)
        employees = self.env["hr.employee"].browse(team_of)
        employees.fetch(["name"])
        departments = self.env["hr.department"].browse(unique(filter(None, team_of.values())))
        departments.fetch(["name"])
        employee_names = _unique_names({e.id: e.name for e in employees})
        team_names = _unique_names({d.id: d.name for d in departments})
        held = Overview._lob_current_roles(employees, on_date)
        roles, role_of = self._lob_roles(skill_type, held, known)

        # The view's rows, employee by employee in id order and competency by competency in
        # id order, as the view numbers them. The target of each row is its role's: the
        # view's target rule and highest_targets (combined roles) are the same rule.
        targets = {role.key: {t.competency: t.level for t in role.targets} for role in roles}
        columns = sorted(skill_keys)
        overview_rows = []
        for employee_id, department_id in team_of.items():
            role = role_of.get(employee_id)
            if role is None:
                continue
            name = employee_names[employee_id]
            team = team_names.get(department_id, NO_TEAM)
            own, aimed = levels.get(employee_id, {}), targets[role]
            overview_rows.extend(
                schemas.OverviewRow(
                    employee=name,
                    team=team,
                    role=role,
                    competency=skill_keys[skill_id],
                    level=level_keys.get(own.get(skill_id)),
                    target=aimed.get(skill_keys[skill_id]),
                )
                for skill_id in columns
            )
        data = schemas.OverviewData(
            title=f"LOB-competentieoverzicht {self._lob_college()}"[:200],
            reference_date=on_date,
            rows=overview_rows,
            talks=self._lob_talks(employees, employee_names, on_date),
            actions=self._lob_actions(employees, employee_names, skill_keys),
        )
        dimensions, _terms = Exchange._vocabulary(self.env.company)
        return {
            "framework": framework,
            "roles": roles,
            "data": data,
            "dimensions": [Exchange._dimension_schema(d) for d in dimensions],
            "team_hours": self._lob_team_hours(employees, team_of, team_names, on_date),
        }

    def _lob_levels(self, Overview, skill_keys):
        """The employees the export shows and their levels, in one query.

        Returns ``{employee id: team id}`` in id order and ``{employee id: {competency id:
        level id}}``. The employees are those of the overview rows the user may read
        (``Overview._lob_search_holders``: its domain and record rules), selected per
        employee instead of per row of the view: numbering and filtering the view's 50,000
        rows of a college was most of the export's reading time.
        """
        holders = Overview._lob_search_holders(self._lob_domain())
        table = Overview._table
        rows = self.env.execute_query(
            SQL(
                """
                SELECT h.employee_id, h.department_id,
                       array_agg(es.skill_id) FILTER (WHERE es.id IS NOT NULL),
                       array_agg(es.skill_level_id) FILTER (WHERE es.id IS NOT NULL)
                  FROM (%s) h
             LEFT JOIN hr_employee_skill es
                    ON es.employee_id = h.employee_id AND es.skill_id = ANY(%s::int[])
                 GROUP BY h.employee_id, h.department_id
                 ORDER BY h.employee_id
                """,
                holders.select(
                    SQL.identifier(table, "employee_id"), SQL.identifier(table, "department_id")
                ),
                list(skill_keys),
            )
        )
        # one row per employee: 2,000 rows of arrays instead of 50,000 tuples
        team_of = {}
        levels = {}
        for employee_id, department_id, skill_ids, level_ids in rows:
            team_of[employee_id] = department_id
            levels[employee_id] = dict(zip(skill_ids or (), level_ids or (), strict=True))
        return team_of, levels

    def _lob_roles(self, skill_type, held, competencies):
        """The roles of the framework, and one role key per employee id.

        An employee holding several roles gets a combined role (e.g. "SLB'er + Decaan")
        whose targets are the highest each role asks: the core keys employees by one role.
        """
        Exchange = self.env["lob.exchange"]
        records = (
            self.env["lob.role"]
            .with_context(active_test=False)
            .search([("skill_type_id", "=", skill_type.id)])
        )
        taken = set()
        schema_of = {}
        for role in records:
            schema = Exchange._role_schema(role)
            key = slugify_key(schema.key, taken)  # keys are unique per company only
            taken.add(key)
            targets = [t for t in schema.targets if t.competency in competencies]
            schema_of[role] = schema.model_copy(update={"key": key, "targets": targets})
        ranks = {
            level.lob_key or slugify_key(level.name): rank
            for rank, level in enumerate(
                skill_type.skill_level_ids.sorted(lambda lvl: (lvl.level_progress, lvl.id)), 1
            )
        }
        combined = {}
        role_of = {}
        for employee_id, employee_roles in held.items():
            employee_roles = employee_roles.filtered(lambda r: r in schema_of)
            if not employee_roles:
                continue
            if len(employee_roles) == 1:
                role_of[employee_id] = schema_of[employee_roles].key
                continue
            if employee_roles not in combined:
                parts = [schema_of[role] for role in employee_roles]
                key = slugify_key(" ".join(part.key for part in parts), taken)
                taken.add(key)
                combined[employee_roles] = schemas.Role(
                    key=key,
                    name=" + ".join(part.name for part in parts)[:200],
                    group=parts[0].group,
                    description=self.env._(
                        "Combination of roles: the highest level each role asks."
                    ),
                    # the one target rule of the core, as the SQL view applies it
                    targets=highest_targets(parts, ranks),
                )
            role_of[employee_id] = combined[employee_roles].key
        return [*schema_of.values(), *combined.values()], role_of

    def _lob_talks(self, employees, employee_names, on_date):
        """Talks of the cycles of the twelve months up to ``on_date``."""
        talks = self.env["lob.talk"].search_fetch(
            [
                ("employee_id", "in", employees.ids),
                ("cycle_id.date_start", "<=", on_date),
                ("cycle_id.date_end", ">=", on_date - relativedelta(years=1)),
            ],
            ["employee_id", "department_id", "cycle_id", "state", "planned_date", "template_id"],
        )
        talks.cycle_id.fetch(["name"])
        talks.department_id.fetch(["name"])
        # the kind of a talk's template, also when the template is no longer published
        kinds = {template.id: template.kind for template in talks.template_id.sudo()}
        return [
            schemas.TalkRow(
                employee=employee_names[talk.employee_id.id],
                team=talk.department_id.name or NO_TEAM,
                cycle=talk.cycle_id.name,
                kind=kinds[talk.template_id.id],
                state=TALK_STATES[talk.state],
                date=talk.planned_date.date() if talk.planned_date else None,
            )
            for talk in talks
        ]

    def _lob_actions(self, employees, employee_names, skill_keys):
        """Open agreements of talks on a competency of the framework."""
        agreements = self.env["lob.talk.agreement"].search_fetch(
            [
                ("employee_id", "in", employees.ids),
                ("skill_id", "in", list(skill_keys)),
                ("status", "=", "open"),
            ],
            ["employee_id", "skill_id", "description", "deadline"],
        )
        return [
            schemas.ActionRow(
                employee=employee_names[agreement.employee_id.id],
                competency=skill_keys[agreement.skill_id.id],
                description=agreement.description[: schemas.MAX_TEXT],
                deadline=agreement.deadline or None,
                status=schemas.ActionStatus.OPEN,
            )
            for agreement in agreements
        ]

    def _lob_team_hours(self, employees, team_of, team_names, on_date):
        """Done professionalisation hours of the reference year per team, with the norm."""
        hours = dict(
            self.env["lob.professionalisation"]._read_group(
                [
                    ("employee_id", "in", employees.ids),
                    ("year", "=", on_date.year),
                    ("state", "=", "done"),
                ],
                ["employee_id"],
                ["hours:sum"],
            )
        )
        employees.fetch(["company_id"])
        per_team = defaultdict(lambda: [0.0, 0.0])
        for employee in employees:
            team = team_names.get(team_of[employee.id], NO_TEAM)
            per_team[team][0] += hours.get(employee, 0.0)
            per_team[team][1] += employee.company_id.lob_professionalisation_norm
        return {team: TeamHours(done, norm) for team, (done, norm) in per_team.items()}


def _unique_names(names):
    """Names by id, with the id added where two records share a name."""
    counts = defaultdict(int)
    for name in names.values():
        counts[name] += 1
    return {
        record_id: name if counts[name] == 1 else f"{name} ({record_id})"
        for record_id, name in names.items()
    }
