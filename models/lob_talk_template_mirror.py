# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError

from ..lob_hrm import mirror


class LobTalkTemplate(models.Model):
    """Creating a template that the core mirrors from a student template: the staff
    template of the mirror wizard and the trialoog take the same path."""

    _inherit = "lob.talk.template"

    def _lob_create_mirror(self, name, company, build, failure, values=None):
        """Create the template ``build(source_schema, key)`` mirrors from this student
        template, named ``name`` in ``company``, with extra ``values``.

        ``build`` calls the core's mirror; when the core refuses, the user gets
        ``failure(error)``, a translated message naming the template, and nothing is created.
        """
        self.ensure_one()
        key = self._lob_unique_key(name, company.id)
        try:
            mirrored = build(self._lob_exchange_schema(), key)
        except (mirror.MirrorError, ValueError) as exc:
            raise UserError(failure(exc)) from exc
        dimensions = {d.key: d for d in self.prompt_ids.dimension_id}
        create_values = self._lob_exchange_values(
            mirrored, dimensions, {self.key: self}, company.id, 10
        )
        return self.create({**create_values, **(values or {})})

    def _lob_action_open(self):
        """The form of this template."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }
