# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The parts of a talk (answers, notes, agreements, ...): records that live and die with
their talk, and that nobody changes once the talk is signed, except the talk itself.

The one context key below marks the talk's own internal writes; nothing else sets it."""

from odoo import api, fields, models

# Marks the talk's own internal writes (through ``lob_as_internal``). It counts only in a
# superuser environment: a form or an RPC call can put any key in its context.
INTERNAL_CONTEXT_KEY = "lob_talk_internal"


def lob_as_internal(records):
    """``records`` as the talk's own internal writes see them: superuser, past the talk and
    part rules. Check access rights before (as ``_lob_internal_write`` does)."""
    return records.sudo().with_context(**{INTERNAL_CONTEXT_KEY: True})


def lob_internal_write(records, vals):
    """Write as the talk's own methods do: past the talk and part rules, not past the access
    rights and record rules of the current user."""
    records.check_access("write")
    return lob_as_internal(records).write(vals)


def lob_is_internal(env):
    return env.su and bool(env.context.get(INTERNAL_CONTEXT_KEY))


class LobTalkPartMixin(models.AbstractModel):
    """Part of a talk: it brings ``talk_id`` (required, deleted with the talk, indexed) and
    the talk's stored ``company_id``, and guards the part while its talk is locked.

    Class attributes:

    - ``_lob_parent_field``: the Many2one to the record the parts belong to (``talk_id``);
      that record offers ``_lob_check_locked()``, which raises while it is locked. A part of
      another kind of record (a trialoog's, say) names its own Many2one here.
    - ``_lob_open_when_locked``: fields a user may still write on a part of a locked parent
      (e.g. the progress of an agreement).

    Hooks, called only outside the talk's internal writes (override and call ``super()``):

    - ``_lob_check_part_create()``: on the created records, after they are created;
    - ``_lob_check_part_write(names)``: before a write of the field ``names``;
    - ``_lob_check_part_unlink()``: before an unlink (after the access rights);
    - ``_lob_check_parent_open()``: what the three above call to refuse while the parent is
      locked; override it to refuse in the part's own words.

    The talk writes its parts through ``lob_as_internal(records)`` (superuser, past these
    rules) or ``records._lob_internal_write(vals)`` (the same, after the user's access
    rights and record rules)."""

    _name = "lob.talk.part.mixin"
    _description = "Part of a talk"

    _lob_parent_field = "talk_id"
    _lob_open_when_locked = frozenset()

    talk_id = fields.Many2one("lob.talk", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="talk_id.company_id", store=True, index=True)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not lob_is_internal(self.env):
            records._lob_check_part_create()
        return records

    def write(self, vals):
        if not lob_is_internal(self.env):
            self._lob_check_part_write(set(vals))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_locked_part(self):
        if not lob_is_internal(self.env):
            self._lob_check_part_unlink()

    def _lob_parent(self):
        return self.mapped(self._lob_parent_field)

    def _lob_check_parent_open(self):
        self._lob_parent()._lob_check_locked()

    def _lob_check_part_create(self):
        self._lob_check_parent_open()

    def _lob_check_part_write(self, names):
        if names - self._lob_open_when_locked:
            self._lob_check_parent_open()

    def _lob_check_part_unlink(self):
        self._lob_check_parent_open()

    def _lob_internal_write(self, vals):
        return lob_internal_write(self, vals)
