# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

from odoo import fields, models

from ..lob_hrm.policy import Status
from ..lob_hrm.xlsx_policy import PolicyRow, write_policy_workbook


class LobPolicyExportWizard(models.TransientModel):
    """The policy sheet: every goal's indicator for the college and per team, its status,
    and the values of the reviewed school years (the trend), through the core writer."""

    _name = "lob.policy.export.wizard"
    _description = "Export the LOB policy sheet"
    _inherit = ["lob.download.mixin"]

    policy_id = fields.Many2one("lob.policy", required=True, ondelete="cascade")

    def _lob_rows(self):
        """Plain rows from the live figures and the snapshots of this policy and the
        policies before it (constant queries)."""
        policy = self.policy_id
        live = self.env["lob.policy.figure"]._lob_refresh(policy)
        chain = policy.goal_ids[:1]._lob_policy_chain() if policy.goal_ids else policy
        history = self.env["lob.policy.figure"].search_fetch(
            [("policy_id", "in", chain.ids), ("snapshot_id", "!=", False)],
            ["indicator", "department_id", "school_year", "value", "has_value"],
        )
        trend = {}
        for figure in history:
            key = (figure.indicator, figure.department_id.id)
            trend.setdefault(key, {})[figure.school_year] = (
                figure.value if figure.has_value else None
            )
        rows = []
        for goal in policy.goal_ids.filtered("indicator"):
            figures = live.filtered(lambda f, g=goal: f.indicator == g.indicator).sorted(
                lambda f: (not f.is_college, f.department_id.name or "")
            )
            for figure in figures:
                rows.append(
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
                )
        return rows

    def action_export(self):
        self.ensure_one()
        buffer = io.BytesIO()
        write_policy_workbook(buffer, self._lob_rows())
        filename = f"{self.policy_id.name}.xlsx".replace("/", "-")
        return self._lob_download(buffer.getvalue(), filename)
