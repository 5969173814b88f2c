# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    lob_template_count = fields.Integer(
        "Talk templates",
        compute="_compute_lob_template_count",
        help="Published staff talk templates of the employee's team.",
    )

    def _lob_template_domain(self):
        return [
            ("audience", "=", "staff"),
            ("state", "=", "published"),
            ("department_ids", "in", self.department_id.ids),
        ]

    def _compute_lob_template_count(self):
        Template = self.env["lob.talk.template"]
        departments = self.department_id
        counts = (
            dict(
                Template._read_group(
                    [
                        ("audience", "=", "staff"),
                        ("state", "=", "published"),
                        ("department_ids", "in", departments.ids),
                    ],
                    ["department_ids"],
                    ["__count"],
                )
            )
            if departments
            else {}
        )
        for employee in self:
            employee.lob_template_count = counts.get(employee.department_id, 0)

    def action_open_lob_templates(self):
        """The talk templates of the employee's team, as the employee reads them."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "lob_hrm.lob_talk_template_action_preview"
        )
        action["domain"] = self._lob_template_domain()
        action["context"] = {}
        action["display_name"] = self.env._(
            "Talk templates of %(team)s", team=self.department_id.name
        )
        return action
