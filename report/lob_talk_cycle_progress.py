# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class LobTalkCycleProgress(models.Model):
    """Progress of a talk cycle per team: one row per cycle and team (the team of the talk),
    read from the talks by a SQL view. Cancelled talks are left out of the counts."""

    _name = "lob.talk.cycle.progress"
    _description = "Talk cycle progress per team"
    _auto = False
    _order = "cycle_id desc, department_id"
    _rec_name = "department_id"

    cycle_id = fields.Many2one("lob.talk.cycle", "Talk cycle", readonly=True)
    department_id = fields.Many2one("hr.department", "Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    cycle_state = fields.Selection(
        [("draft", "Draft"), ("running", "Running"), ("closed", "Closed")],
        "Cycle status",
        readonly=True,
    )
    talk_count = fields.Integer("Talks", readonly=True)
    planned_count = fields.Integer(
        "Planned", readonly=True, help="Talks planned or in preparation, not yet held."
    )
    held_count = fields.Integer("Held", readonly=True, help="Talks held, not yet signed.")
    signed_count = fields.Integer("Signed", readonly=True, help="Talks signed by both parties.")
    overdue_count = fields.Integer(
        "Overdue",
        readonly=True,
        help="Talks not held by their planned date, or held but not signed two weeks later "
        "(updated daily).",
    )
    no_conductor_count = fields.Integer(
        "No conductor",
        readonly=True,
        help="Talks of employees without a manager: HR must name who holds them.",
    )
    # Shares of one team; in a pivot or graph over several teams they show the average.
    planned_share = fields.Float("Planned (%)", readonly=True, aggregator="avg")
    held_share = fields.Float("Held (%)", readonly=True, aggregator="avg")
    signed_share = fields.Float("Signed (%)", readonly=True, aggregator="avg")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %(view)s AS (
                    SELECT
                        MIN(t.id) AS id,
                        t.cycle_id,
                        t.department_id,
                        c.company_id,
                        c.state AS cycle_state,
                        COUNT(*) AS talk_count,
                        %(planned)s AS planned_count,
                        %(held)s AS held_count,
                        %(signed)s AS signed_count,
                        COUNT(*) FILTER (WHERE t.is_overdue) AS overdue_count,
                        COUNT(*) FILTER (WHERE t.conductor_id IS NULL) AS no_conductor_count,
                        100.0 * %(planned)s / COUNT(*) AS planned_share,
                        100.0 * %(held)s / COUNT(*) AS held_share,
                        100.0 * %(signed)s / COUNT(*) AS signed_share
                    FROM lob_talk t
                    JOIN lob_talk_cycle c ON c.id = t.cycle_id
                    WHERE t.state != 'cancelled'
                    GROUP BY t.cycle_id, t.department_id, c.company_id, c.state
                )
                """,
                view=SQL.identifier(self._table),
                planned=SQL("COUNT(*) FILTER (WHERE t.state IN ('planned', 'preparation'))"),
                held=SQL("COUNT(*) FILTER (WHERE t.state = 'held')"),
                signed=SQL("COUNT(*) FILTER (WHERE t.state IN ('signed', 'done'))"),
            )
        )
