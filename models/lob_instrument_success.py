# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class LobInstrument(models.Model):
    """An instrument shows the successes it led to, and records a new one."""

    _inherit = "lob.instrument"

    success_ids = fields.One2many("lob.success", "instrument_id", "Successes")
    success_count = fields.Integer(
        "Successes (count)",
        compute="_compute_success_count",
        help="The successes it led to that you may see.",
    )

    @api.depends_context("uid")
    def _compute_success_count(self):
        # counted within the record rules: a team's success stays with those who see it
        counts = dict(
            self.env["lob.success"]._read_group(
                [("instrument_id", "in", self.ids)], ["instrument_id"], ["__count"]
            )
        )
        for instrument in self:
            instrument.success_count = counts.get(instrument, 0)

    def action_record_success(self):
        self.ensure_one()
        employee = self.env.user.employee_id
        return self.env["lob.success"]._lob_action_record(
            {
                "instrument_id": self.id,
                "name": self.env._("Success with %(instrument)s", instrument=self.name),
                "department_id": employee.department_id.id or self.department_id.id,
                "company_id": self.company_id.id,
            }
        )

    def action_view_successes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("lob_hrm.lob_success_action")
        action.update(
            {
                "name": self.env._("Successes with %(instrument)s", instrument=self.name),
                "domain": [("instrument_id", "=", self.id)],
                "context": {"default_instrument_id": self.id},
            }
        )
        return action
