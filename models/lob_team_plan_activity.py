# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

QUALITY = [("1", "1 - poor"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5 - excellent")]


class LobTeamPlanActivity(models.Model):
    """An LOB activity of a team work plan: what, for whom, by which role, when, how many
    hours; afterwards whether it was done, its experienced quality and evidence."""

    _name = "lob.team.plan.activity"
    _description = "Team work plan activity"
    _order = "plan_id, planned_date, id"
    _check_company_auto = True

    plan_id = fields.Many2one("lob.team.plan", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True, index=True)
    department_id = fields.Many2one(related="plan_id.department_id", store=True, index=True)
    name = fields.Char("What", required=True)
    audience = fields.Char("For", help="Which students or programme.")
    role_id = fields.Many2one("lob.role", "Owner role", ondelete="restrict")
    planned_date = fields.Date()
    hours = fields.Float()
    done = fields.Boolean()
    quality = fields.Selection(QUALITY, "Experienced quality")
    evidence = fields.Binary(attachment=True, copy=False)
    evidence_filename = fields.Char(copy=False)

    @api.constrains("hours")
    def _check_hours(self):
        for activity in self:
            if activity.hours < 0:
                raise ValidationError(
                    self.env._(
                        "%(activity)s: the hours cannot be negative.", activity=activity.name
                    )
                )
