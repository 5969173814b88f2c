# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from collections import defaultdict

from odoo import api, fields, models

from ..lob_hrm.policy import PolicyRow, PolicySheet, Status
from ..lob_hrm.xlsx_policy import write_policy_workbook

FIGURE_FIELDS = ["indicator", "department_id", "school_year", "value", "has_value"]


class LobPolicyExportWizard(models.TransientModel):
    """The policy sheet: every goal's indicator for the college and per team, its status,
    and the values of the reviewed school years (the trend), through the core writer.

    The competency export writes the same sheet into its workbook with
    :meth:`_lob_policy_sheet`."""

    _name = "lob.policy.export.wizard"
    _description = "Export the LOB policy sheet"
    _inherit = ["lob.download.mixin"]

    policy_id = fields.Many2one("lob.policy", required=True, ondelete="cascade")

    @api.model
    def _lob_policy_sheet(self, policy):
        """The policy sheet of ``policy`` as plain rows: the monitor refreshed for the
        policy's school year and reference date, and the snapshots of this policy and the
        policies before it (the trend), in a constant number of queries.

        The figures are read as the current user, so their record rules decide which teams
        appear, as in the monitor: a team leader gets the college and their own teams.
        """
        Figure = self.env["lob.policy.figure"]
        Figure._lob_refresh(policy)  # as opening the monitor does (sudo: every team)
        live = Figure.search_fetch(
            [("policy_id", "=", policy.id), ("snapshot_id", "=", False)],
            [*FIGURE_FIELDS, "target", "status"],
        )
        # the chain's ids only: an earlier policy the user may not read still gives the
        # snapshot figures they may read
        chain = policy.goal_ids[:1].sudo()._lob_policy_chain() if policy.goal_ids else policy
        history = Figure.search_fetch(
            [("policy_id", "in", chain.ids), ("snapshot_id", "!=", False)], FIGURE_FIELDS
        )
        trend = defaultdict(dict)
        for figure in history:
            key = (figure.indicator, figure.department_id.id)
            trend[key][figure.school_year] = figure.value if figure.has_value else None
        per_indicator = defaultdict(list)
        for figure in live.sorted(lambda f: (bool(f.department_id), f.department_id.name or "")):
            per_indicator[figure.indicator].append(figure)
        rows = [
            PolicyRow(
                pillar=goal.pillar_id.name,
                goal=goal.name,
                indicator=goal.indicator,
                team=figure.department_id.name or None,
                value=figure.value if figure.has_value else None,
                target=figure.target if figure.status else goal.target,
                status=Status(figure.status or Status.NO_DATA.value),
                trend=trend.get((goal.indicator, figure.department_id.id), {}),
            )
            for goal in policy.goal_ids.filtered("indicator")
            for figure in per_indicator[goal.indicator]
        ]
        school_year = live[:1].school_year or policy.monitor_school_year or policy.school_year_from
        return PolicySheet(
            title=policy.name[:200],
            school_year=school_year,
            reference_date=live[:1].reference_date or policy._lob_monitor_date(school_year),
            rows=rows,
        )

    def action_export(self):
        self.ensure_one()
        buffer = io.BytesIO()
        write_policy_workbook(buffer, self._lob_policy_sheet(self.policy_id))
        filename = f"{self.policy_id.name}.xlsx".replace("/", "-")
        return self._lob_download(buffer.getvalue(), filename)
