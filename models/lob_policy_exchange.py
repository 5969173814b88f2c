# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A policy's frame travels between colleges: pillars, goals with their indicators, and
bigger-story links (issue 13). A college group shares its frame; a college imports it as a
new draft policy through the two-step import, matched by key."""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command

from ..lob_hrm import exchange
from ..lob_hrm.keys import slugify_key
from ..lob_hrm.policy import PolicyFrame, school_year_label, school_year_of
from .lob_key_mixin import KEY_HELP


class LobPolicy(models.Model):
    _name = "lob.policy"
    _inherit = ["lob.policy", "lob.key.mixin"]
    # after instruments: nothing in a frame refers to them
    _lob_exchange_section = "policy_frames"
    _lob_exchange_sequence = 20

    # every new policy gets its key on create; migrations/18.0.1.2.0 keys the older ones
    key = fields.Char(copy=False, index=True, help=KEY_HELP)

    _sql_constraints = [
        (
            "key_company_uniq",
            "unique(key, company_id)",
            "The key of a policy must be unique in its company.",
        )
    ]

    @api.model_create_multi
    def create(self, vals_list):
        return super().create(self._lob_keys_on_create(vals_list))

    # -- export ----------------------------------------------------------------------------

    def _lob_exchange_schema(self):
        """This policy's frame as the core's schema; goals without a key get one from their
        name (unique in the frame)."""
        self.ensure_one()
        goal_keys, taken = {}, set()
        for goal in self.goal_ids:
            key = goal.key or slugify_key(goal.name or "goal", taken)
            goal_keys[goal] = key
            taken.add(key)
        pillars = self.goal_ids.pillar_id.sorted(lambda p: (p.sequence, p.id))
        return PolicyFrame(
            key=self._lob_exchange_key(),
            name=self.name,
            vision=str(self.vision or ""),
            school_year_from=self.school_year_from or None,
            school_year_to=self.school_year_to or None,
            pillars=[
                {"key": p._lob_exchange_key(), "name": p.name, "sequence": p.sequence}
                for p in pillars
            ],
            goals=[
                {
                    "key": goal_keys[goal],
                    "name": goal.name,
                    "pillar": goal.pillar_id._lob_exchange_key(),
                    "indicator": goal.indicator or "",
                    "target": goal.target,
                    "baseline": goal.baseline,
                    "description": goal.description or "",
                }
                for goal in self.goal_ids
            ],
            bigger_story=[
                {
                    "story": link.story_id._lob_exchange_key(),
                    "name": link.story_id.name,
                    "contribution": link.contribution or "",
                }
                for link in self.story_link_ids
            ],
        )

    def action_export_frame(self):
        """Download the policy frame for the colleges of the group."""
        self.ensure_one()
        wizard = self.env["lob.exchange.export.wizard"].create({"policy_id": self.id})
        return wizard.action_export()

    # -- import (the hooks of lob.key.mixin's generic plan) --------------------------------

    @api.model
    def _lob_exchange_fingerprint(self, item):
        return exchange.policy_frame_fingerprint(item)

    @api.model
    def _lob_exchange_company(self, company_id):
        # a policy always belongs to a college: a "shared" import goes to the user's
        return company_id or self.env.company.id

    @api.model
    def _lob_exchange_period(self, item, plan):
        """The school years of the imported policy: the wizard's choice, else the file's,
        else the current school year."""
        chosen = plan.options.get("school_year")
        if chosen and not 2000 <= chosen <= 2200:
            raise UserError(
                self.env._(
                    "%(year)s is not a school year: give its start year, such as 2027 for "
                    "2027-2028.",
                    year=chosen,
                )
            )
        if chosen:
            return chosen, chosen
        current = school_year_of(fields.Date.context_today(self))
        start = item.school_year_from or current
        return start, max(item.school_year_to or start, start)

    @api.model
    def _lob_exchange_check(self, entries, plan):
        """One policy per company and school year: an imported frame that would overlap a
        draft or adopted policy is refused before anything is written."""
        company_id = self._lob_exchange_company(plan.company_id)
        for entry in entries:
            start, end = self._lob_exchange_period(entry.item, plan)
            other = self.sudo().search(
                [
                    ("company_id", "=", company_id),
                    ("state", "in", ("draft", "adopted")),
                    ("school_year_from", "<=", end),
                    ("school_year_to", ">=", start),
                ],
                limit=1,
            )
            if other:
                period = school_year_label(start)
                if end != start:
                    period = f"{period} - {school_year_label(end)}"
                raise UserError(
                    self.env._(
                        "The file was not imported; nothing was changed.\n\nThe policy frame "
                        "'%(frame)s' would become a policy for %(period)s, which overlaps the "
                        "policy '%(other)s' of %(company)s (%(other_period)s): one policy per "
                        "company and school year. Choose another school year, or evaluate or "
                        "archive that policy first.",
                        frame=entry.item.name,
                        period=period,
                        other=other.name,
                        company=other.company_id.name,
                        other_period=other.period,
                    )
                )

    @api.model
    def _lob_exchange_import_values(self, item, key, company_id, plan):
        """A new draft policy with the frame's goals and bigger-story links. Pillars and
        bigger stories are shared lists matched by key: existing ones are used, missing
        ones created."""
        pillars = self._lob_exchange_match(
            "lob.policy.pillar",
            {p.key: {"name": p.name, "sequence": p.sequence} for p in item.pillars},
        )
        stories = self._lob_exchange_match(
            "lob.bigger.story",
            {link.story: {"name": link.name or link.story} for link in item.bigger_story},
        )
        start, end = self._lob_exchange_period(item, plan)
        return {
            "key": key,
            "name": item.name,
            "company_id": company_id,
            "school_year_from": start,
            "school_year_to": end,
            "monitor_school_year": start,
            "vision": item.vision or False,
            "goal_ids": [
                Command.create(
                    {
                        "key": goal.key,
                        "name": goal.name,
                        "sequence": sequence,
                        "pillar_id": pillars[goal.pillar].id,
                        "indicator": goal.indicator,
                        "target": goal.target,
                        "baseline": goal.baseline or 0.0,
                        "description": goal.description or False,
                    }
                )
                for sequence, goal in enumerate(item.goals, start=1)
            ],
            "story_link_ids": [
                Command.create(
                    {
                        "sequence": sequence,
                        "story_id": stories[link.story].id,
                        "contribution": link.contribution or False,
                    }
                )
                for sequence, link in enumerate(item.bigger_story, start=1)
            ],
        }

    @api.model
    def _lob_exchange_match(self, model, wanted):
        """The records of the shared list ``model`` for the keys of ``wanted`` (key ->
        create values): existing ones (archived too) by key, the missing ones created."""
        Model = self.env[model].with_context(active_test=False)
        found = {r.key: r for r in Model.search([("key", "in", list(wanted))])}
        missing = [key for key in wanted if key not in found]
        created = Model.create([{"key": key, **wanted[key]} for key in missing])
        found.update(zip(missing, created, strict=True))
        return found
