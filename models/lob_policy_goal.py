# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..lob_hrm.monitor import goal_status
from ..lob_hrm.policy import INDICATORS, Status, school_year_label
from .lob_key_mixin import KEY_HELP

INDICATOR_SELECTION = [(code, d.name) for code, d in INDICATORS.items()]
STATUS_SELECTION = [
    (Status.ON_TRACK.value, "On track"),
    (Status.AT_RISK.value, "At risk"),
    (Status.OFF_TRACK.value, "Off track"),
    (Status.NO_DATA.value, "No data"),
]


def check_indicator_target(record, name, indicator, target, baseline=None):
    """A goal needs an indicator, and a target and baseline inside the indicator's range."""
    if not indicator:
        raise ValidationError(
            record.env._("The goal '%(goal)s' has no indicator: say how it is measured.", goal=name)
        )
    definition = INDICATORS[indicator]
    for value in (target, baseline):
        if value is not None and value is not False and not definition.in_range(value):
            upper = "" if definition.maximum is None else f"-{definition.maximum:g}"
            shown, bounds = f"{value:g}", f"{definition.minimum:g}{upper}"
            raise ValidationError(
                record.env._(
                    "The goal '%(goal)s': %(value)s is outside the range of its indicator "
                    "(%(range)s).",
                    goal=name,
                    value=shown,
                    range=bounds,
                )
            )


class LobPolicyGoal(models.Model):
    """A goal of the policy (what): under one pillar, measured by one indicator that the
    monitor computes from the add-on's records, from a baseline to a target."""

    _name = "lob.policy.goal"
    _description = "LOB policy goal"
    _inherit = ["lob.policy.part.mixin", "lob.key.mixin"]
    # the policy scopes the key (SQL constraint below)
    _lob_key_company_field = None
    _order = "policy_id, pillar_sequence, sequence, id"

    name = fields.Char(required=True, translate=True)
    key = fields.Char(help=KEY_HELP, copy=True)
    sequence = fields.Integer(default=10)
    pillar_id = fields.Many2one("lob.policy.pillar", required=True, ondelete="restrict")
    pillar_sequence = fields.Integer("Pillar sequence", related="pillar_id.sequence", store=True)
    description = fields.Text()
    indicator = fields.Selection(INDICATOR_SELECTION, help="What the monitor measures.")
    target = fields.Float(aggregator=None)
    baseline = fields.Float(aggregator=None, help="Where the college stood when it set the goal.")
    value = fields.Float(
        "Current value",
        compute="_compute_value",
        aggregator=None,
        help="The indicator for the college in the monitored school year, on the reference date.",
    )
    has_value = fields.Boolean(compute="_compute_value")
    status = fields.Selection(STATUS_SELECTION, compute="_compute_value")
    trend = fields.Char(
        compute="_compute_trend", help="The college's value in the reviewed school years."
    )

    _sql_constraints = [
        ("key_policy_uniq", "unique(policy_id, key)", "Two goals of a policy cannot share a key.")
    ]

    @api.constrains("indicator", "target", "baseline")
    def _check_indicator(self):
        for goal in self:
            check_indicator_target(goal, goal.name, goal.indicator, goal.target, goal.baseline)

    @api.depends_context("lob_monitor_figures")
    def _compute_value(self):
        for policy in self.policy_id:
            goals = self.filtered(lambda g, p=policy: g.policy_id == p)
            college = {
                figure.indicator: figure.value
                for figure in policy._lob_figures()
                if figure.team is None
            }
            for goal in goals:
                value = college.get(goal.indicator)
                goal.value = value or 0.0
                goal.has_value = value is not None
                goal.status = (
                    goal_status(goal.indicator, value, goal.target, goal.baseline).value
                    if goal.indicator
                    else Status.NO_DATA.value
                )
        for goal in self.filtered(lambda g: not g.policy_id):
            goal.value, goal.has_value, goal.status = 0.0, False, Status.NO_DATA.value

    def _compute_trend(self):
        chains = {goal: goal._lob_policy_chain() for goal in self}
        policies = self.env["lob.policy"].union(*chains.values())
        figures = self.env["lob.policy.figure"].search_fetch(
            [
                ("policy_id", "in", policies.ids),
                ("snapshot_id", "!=", False),
                ("department_id", "=", False),
            ],
            ["policy_id", "indicator", "school_year", "value", "has_value"],
            order="school_year",
        )
        for goal in self:
            points = [
                f"{school_year_label(f.school_year)}: {f.value:g}"
                if f.has_value
                else f"{school_year_label(f.school_year)}: -"
                for f in figures
                if f.indicator == goal.indicator and f.policy_id in chains[goal]
            ]
            goal.trend = " → ".join(points)

    def _lob_policy_chain(self):
        """This policy and those before it: the trend runs across the yearly copies."""
        chain = self.env["lob.policy"]
        policy = self.policy_id
        while policy and policy not in chain:
            chain |= policy
            policy = policy.previous_policy_id
        return chain
