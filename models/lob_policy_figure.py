# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .lob_policy_goal import INDICATOR_SELECTION


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
    def _lob_values(self, policy, figures, snapshot=None, on_date=None, school_year=None):
        return [
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
                "numerator": figure.numerator,
                "denominator": figure.denominator,
            }
            for figure in figures
        ]

    @api.model
    def _lob_refresh(self, policy):
        """Replace the live figures of ``policy`` with freshly computed ones."""
        school_year = policy.monitor_school_year or policy.school_year_from
        on_date = policy._lob_monitor_date(school_year)
        figures = policy._lob_figures(school_year, on_date)
        live = self.sudo().search([("policy_id", "=", policy.id), ("snapshot_id", "=", False)])
        live.unlink()
        return self.sudo().create(self._lob_values(policy, figures, None, on_date, school_year))

    def action_open_records(self):
        """The records behind this number: the talks, people, plans or agreements counted."""
        self.ensure_one()
        model, domain, title = self.env["lob.policy.monitor"]._lob_drilldown(
            self.indicator,
            self.department_id,
            self.company_id,
            self.school_year,
            self.reference_date,
        )
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": model,
            "domain": domain,
            "views": [(False, "list"), (False, "form")],
            "target": "current",
        }
