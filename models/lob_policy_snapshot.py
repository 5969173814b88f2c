# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lob_hrm.policy import school_year_label


class LobPolicySnapshot(models.Model):
    """Every indicator per team and for the college at the end of a school year, stored by
    the yearly review. Immutable for everyone: the trend over the years rests on it."""

    _name = "lob.policy.snapshot"
    _description = "LOB monitor snapshot"
    _order = "school_year desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name")
    policy_id = fields.Many2one("lob.policy", required=True, ondelete="restrict", index=True)
    company_id = fields.Many2one(related="policy_id.company_id", store=True, index=True)
    school_year = fields.Integer(required=True, aggregator=None)
    reference_date = fields.Date(required=True)
    figure_ids = fields.One2many("lob.policy.figure", "snapshot_id", "Figures")

    def _compute_name(self):
        for snapshot in self:
            snapshot.name = self.env._(
                "Snapshot %(year)s (%(date)s)",
                year=school_year_label(snapshot.school_year),
                date=snapshot.reference_date,
            )

    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.su or self.env.context.get("lob_policy_internal")):
            raise UserError(self.env._("Snapshots are taken by the yearly review only."))
        return super().create(vals_list)

    def write(self, vals):
        if self:
            raise UserError(self.env._("A snapshot of the monitor cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(self.env._("A snapshot of the monitor cannot be removed."))

    @api.model
    def _lob_take(self, policy, school_year, on_date):
        """Compute every indicator and store it, per team and for the college."""
        snapshot = (
            self.sudo()
            .with_context(lob_policy_internal=True)
            .create({"policy_id": policy.id, "school_year": school_year, "reference_date": on_date})
        )
        figures = policy._lob_figures(school_year, on_date)
        Figure = self.env["lob.policy.figure"].sudo()
        Figure.create(
            Figure._lob_values(policy, figures, snapshot, on_date, school_year)
        )._lob_store_empty()
        return snapshot.with_env(self.env)
