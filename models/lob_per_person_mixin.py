# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One record per person and parent record: a colleague's reaction to a success, a
colleague's use and rating of an instrument.

A model inherits ``lob.per.person.mixin`` and sets ``_lob_parent_field`` (the many2one to
what is reacted to or rated). It declares its own unique constraint on (parent, user_id),
since the message names the model. ``_lob_update_on_create``: a second ``create`` by the same
person updates their first record (an instrument rated again) instead of being refused by
that constraint (a reaction, changed through ``_lob_set_mine`` only). The mixin gives:

- ``user_id``: always whoever creates the record; only the superuser (demo data, imports)
  may name someone else;
- ``_lob_mine(parents)``: the current user's records of ``parents``;
- ``_lob_set_mine(parent, values)``: create the current user's record of ``parent``, or
  update the one they have, so that a person never has two.
"""

from odoo import api, fields, models


class LobPerPersonMixin(models.AbstractModel):
    _name = "lob.per.person.mixin"
    _description = "One per person"

    _lob_parent_field = None
    _lob_update_on_create = False

    user_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user, readonly=True, index=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        # always the current user's own, never someone else's in their name
        for vals in vals_list:
            if not self.env.su or "user_id" not in vals:
                vals["user_id"] = self.env.uid
        if not self._lob_update_on_create:
            return super().create(vals_list)
        parent = self._lob_parent_field
        updated = self.browse()
        new_vals = []
        for vals in vals_list:
            existing = self.search(
                [(parent, "=", vals.get(parent)), ("user_id", "=", vals["user_id"])], limit=1
            )
            if existing:
                existing.write({k: v for k, v in vals.items() if k not in (parent, "user_id")})
                updated |= existing
            else:
                new_vals.append(vals)
        return updated | super().create(new_vals)

    @api.model
    def _lob_mine(self, parents):
        """The current user's records of ``parents``."""
        return self.search(
            [(self._lob_parent_field, "in", parents.ids), ("user_id", "=", self.env.uid)]
        )

    @api.model
    def _lob_set_mine(self, parent, values):
        """The current user's record of ``parent`` with ``values``: a second one updates the
        first."""
        mine = self._lob_mine(parent)
        if mine:
            mine.write(values)
            return mine
        return self.create({self._lob_parent_field: parent.id, **values})
