# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields, models

PLANNING_ACTIVITY = "lob_hrm.mail_activity_type_talk_planning"


class LobTalk(models.Model):
    """The planning to-do that a talk cycle gives the conductor of each talk it generates
    ends when the employee is invited to prepare, or when the talk is cancelled."""

    _inherit = "lob.talk"

    def action_start_preparation(self):
        result = super().action_start_preparation()
        # sudo: HR may hold the to-do of a talk without a conductor who has a user
        self.sudo().activity_feedback([PLANNING_ACTIVITY])
        return result

    def action_cancel(self):
        result = super().action_cancel()
        self.sudo().activity_unlink([PLANNING_ACTIVITY])
        return result

    def _lob_schedule_planning(self):
        """Give the conductor of each talk the to-do to plan it, in one batch: due two weeks
        into the cycle (from today if it already started), never after its end. Without a
        conductor who has a user, the HR officer who generated the talks holds it."""
        activity_type = self.env.ref(PLANNING_ACTIVITY)
        today = fields.Date.context_today(self)
        model_id = self.env["ir.model"]._get_id("lob.talk")
        vals_list = []
        for talk in self:
            cycle = talk.cycle_id
            start = max(cycle.date_start, today) if cycle else today
            deadline = start + timedelta(days=activity_type.delay_count)
            if cycle:
                deadline = max(min(deadline, cycle.date_end), today)
            vals_list.append(
                {
                    "activity_type_id": activity_type.id,
                    "summary": activity_type.summary,
                    "note": self.env._(
                        "Agree a date with %(employee)s and invite them to prepare the talk.",
                        employee=talk.employee_id.name,
                    ),
                    "date_deadline": deadline,
                    "res_model_id": model_id,
                    "res_id": talk.id,
                    "user_id": talk.conductor_user_id.id or self.env.uid,
                    "automated": True,
                }
            )
        # no mail per to-do: a team leader gets one to-do per talk, not a mail per talk
        return (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )
