# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

CYCLE_STATES = [("draft", "Draft"), ("running", "Running"), ("closed", "Closed")]


class LobTalkCycle(models.Model):
    """A round of staff talks (gesprekkencyclus) for a set of teams within a date window."""

    _name = "lob.talk.cycle"
    _description = "Talk cycle"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    template_id = fields.Many2one(
        "lob.talk.template",
        "Talk template",
        required=True,
        ondelete="restrict",
        domain="[('audience', '=', 'staff'), ('state', '=', 'published'), "
        "('company_id', 'in', [company_id, False])]",
        tracking=True,
    )
    department_ids = fields.Many2many(
        "hr.department",
        string="Teams",
        check_company=True,
        help="The talks are generated for the active employees of these teams and their sub-teams.",
    )
    date_start = fields.Date("Start", required=True, tracking=True)
    date_end = fields.Date("End", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    talk_ids = fields.One2many("lob.talk", "cycle_id", "Talks")
    state = fields.Selection(
        CYCLE_STATES, default="draft", required=True, tracking=True, copy=False, index=True
    )
    progress_ids = fields.One2many(
        "lob.talk.cycle.progress", "cycle_id", "Progress per team", readonly=True
    )
    talk_count = fields.Integer("Number of talks", compute="_compute_talk_stats")
    signed_share = fields.Integer(
        "Signed (%)",
        compute="_compute_talk_stats",
        help="Share of the talks of this cycle (cancelled ones left out) that both parties "
        "have signed.",
    )
    overdue_count = fields.Integer("Overdue", compute="_compute_talk_stats")

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for cycle in self:
            if cycle.date_end < cycle.date_start:
                raise ValidationError(
                    self.env._(
                        "The talk cycle %(name)s ends (%(end)s) before it starts (%(start)s).",
                        name=cycle.name,
                        end=cycle.date_end,
                        start=cycle.date_start,
                    )
                )

    @api.constrains("template_id", "company_id")
    def _check_template(self):
        for cycle in self:
            # sudo: the template of another company is what we name, and cannot be read
            template = cycle.template_id.sudo()
            if template.audience != "staff":
                raise ValidationError(
                    self.env._(
                        "The talk cycle %(name)s needs a staff template; %(template)s is a "
                        "student template.",
                        name=cycle.name,
                        template=template.name,
                    )
                )
            if template.company_id and template.company_id != cycle.company_id:
                raise ValidationError(
                    self.env._(
                        "The talk cycle %(name)s belongs to %(company)s, but its template "
                        "%(template)s belongs to %(template_company)s.",
                        name=cycle.name,
                        company=cycle.company_id.name,
                        template=template.name,
                        template_company=template.company_id.name,
                    )
                )

    @api.depends("talk_ids.state")
    def _compute_talk_stats(self):
        # one grouped query for all cycles: the form and the list show these for many cycles
        groups = self.env["lob.talk"]._read_group(
            [("cycle_id", "in", self.ids), ("state", "!=", "cancelled")],
            ["cycle_id", "state"],
            ["__count"],
        )
        counts = {}
        for cycle, state, count in groups:
            counts.setdefault(cycle.id, {})[state] = count
        overdue = dict(
            self.env["lob.talk.cycle.progress"]._read_group(
                [("cycle_id", "in", self.ids)], ["cycle_id"], ["overdue_count:sum"]
            )
        )
        for cycle in self:
            per_state = counts.get(cycle.id, {})
            total = sum(per_state.values())
            signed = per_state.get("signed", 0) + per_state.get("done", 0)
            cycle.talk_count = total
            cycle.signed_share = int(100 * signed / total + 0.5) if total else 0
            cycle.overdue_count = overdue.get(cycle, 0)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_talks(self):
        for cycle in self:
            if cycle.talk_ids:
                raise UserError(
                    self.env._(
                        "The talk cycle %(name)s has talks and cannot be deleted; close it "
                        "instead.",
                        name=cycle.name,
                    )
                )

    def action_start(self):
        self._check_state("draft")
        self.state = "running"

    def action_close(self):
        self._check_state("running")
        self.state = "closed"

    def action_reopen(self):
        self._check_state("closed")
        self.state = "running"

    def action_reset_to_draft(self):
        for cycle in self:
            if cycle.talk_ids:
                raise UserError(
                    self.env._(
                        "The talk cycle %(name)s already has talks: it cannot go back to draft.",
                        name=cycle.name,
                    )
                )
        self.state = "draft"

    def action_generate_talks(self):
        """Plan a talk for every active employee of the cycle's teams (sub-teams included)
        who has none in the cycle yet, and start the cycle. Running it again only adds the
        employees who joined since."""
        talks = self._generate_talks()
        message = (
            self.env._("%(count)s talks planned.", count=len(talks))
            if talks
            else self.env._("Every employee of these teams already has a talk in this cycle.")
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "message": message,
                "type": "success" if talks else "info",
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_view_talks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "lob_hrm.lob_talk_cycle_action_talks"
        )
        action["domain"] = [("cycle_id", "=", self.id)]
        action["context"] = {
            "default_cycle_id": self.id,
            "default_template_id": self.template_id.id,
        }
        return action

    def _check_state(self, state):
        """Refuse a step that does not start from ``state`` (a stale screen, a double click)."""
        labels = dict(self._fields["state"]._description_selection(self.env))
        for cycle in self:
            if cycle.state != state:
                raise UserError(
                    self.env._(
                        "The talk cycle %(name)s is %(state)s; this step needs a cycle that "
                        "is %(expected)s.",
                        name=cycle.name,
                        state=labels[cycle.state].lower(),
                        expected=labels[state].lower(),
                    )
                )

    def _generate_talks(self):
        """Create the missing talks of the cycles in one batch; return them.

        The number of queries does not depend on the number of employees: one search for
        the employees, one for the existing talks, one batch create."""
        # generating changes the cycle: HR officers only, whatever the talk rights say
        self.check_access("write")
        for cycle in self:
            if cycle.state == "closed":
                raise UserError(
                    self.env._(
                        "The talk cycle %(name)s is closed: reopen it to generate talks.",
                        name=cycle.name,
                    )
                )
            if not cycle.department_ids:
                raise UserError(
                    self.env._(
                        "The talk cycle %(name)s has no teams: add the teams whose employees "
                        "hold a talk.",
                        name=cycle.name,
                    )
                )
            if cycle.template_id.state != "published":
                raise UserError(
                    self.env._(
                        "The template %(template)s of the talk cycle %(name)s is not published.",
                        template=cycle.template_id.name,
                        name=cycle.name,
                    )
                )
        # a talk the current user may not read still counts: no duplicates whoever generates
        existing = {
            (talk.cycle_id.id, talk.employee_id.id)
            for talk in self.env["lob.talk"]
            .sudo()
            .search_fetch([("cycle_id", "in", self.ids)], ["cycle_id", "employee_id"])
        }
        vals_list = []
        for cycle in self:
            employees = self.env["hr.employee"].search_fetch(
                [
                    ("department_id", "child_of", cycle.department_ids.ids),
                    ("company_id", "=", cycle.company_id.id),
                ],
                # what the talks read on creation, in one query for all
                ["company_id", "department_id", "parent_id", "user_id", "name"],
                order="name, id",
            )
            vals_list += [
                cycle._talk_values(employee)
                for employee in employees
                if (cycle.id, employee.id) not in existing
            ]
        talks = self.env["lob.talk"].create(vals_list)
        talks._lob_schedule_planning()
        self.filtered(lambda c: c.state == "draft").state = "running"
        return talks

    def _talk_values(self, employee):
        """The values of the planned talk of ``employee`` in this cycle."""
        conductor = employee._lob_talk_conductor()
        return {
            "cycle_id": self.id,
            "template_id": self.template_id.id,
            "employee_id": employee.id,
            "conductor_id": conductor.id,
        }
