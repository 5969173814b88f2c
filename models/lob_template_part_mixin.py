# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError

from ..lob_hrm import schemas
from ..lob_hrm.keys import slugify_key


def mirror_link(key, fingerprint):
    """The core's link to a mirrored student template, section or prompt, or None."""
    if key and fingerprint:
        return schemas.MirrorLink(key=key, fingerprint=fingerprint)
    return None


def mirror_link_values(link):
    """The ``mirror_key``/``mirror_fingerprint`` values of a file's ``mirrors`` link."""
    return {
        "mirror_key": link.key if link else False,
        "mirror_fingerprint": link.fingerprint if link else False,
    }


def value_differs(record, name, value):
    """Whether writing ``value`` (as in ``write`` vals) to ``record[name]`` changes it."""
    current = record[name]
    if isinstance(current, models.BaseModel):
        return current.id != (value or False)
    return (current or False) != (value or False)


class LobTemplatePartMixin(models.AbstractModel):
    """What sections and prompts share: a key unique in their template, the locks a central
    template puts on a team variant's copy, and keeping the template's alignment current."""

    _name = "lob.template.part.mixin"
    _description = "Part of a talk template"
    _inherit = ["lob.key.mixin"]
    _lob_key_company_field = None  # unique in its template (SQL and Python constraints)

    # fields a team variant may not change while the part is locked by its central template
    _lob_locked_fields = frozenset()
    # fields whose change moves the alignment of the template
    _lob_alignment_fields = frozenset()
    # fields a team variant's copy takes over from the central part when it is updated
    _lob_synced_fields = ()

    @api.model_create_multi
    def create(self, vals_list):
        parts = super().create(vals_list)
        for part in parts.filtered(lambda p: not p.key):
            taken = set((part._lob_siblings() - part).mapped("key"))
            part.key = slugify_key(part._lob_key_base(), taken)
        parts.template_id._lob_after_change()
        return parts

    def write(self, vals):
        locked_change = self._lob_locked_fields & set(vals)
        if locked_change and not self.env.context.get("lob_sync_from_central"):
            for part in self.filtered(lambda p: p._protected()):
                if any(value_differs(part, name, vals[name]) for name in locked_change):
                    raise UserError(part._locked_message())
        templates = self.template_id
        result = super().write(vals)
        if self._lob_alignment_fields & set(vals):
            (templates | self.template_id)._lob_after_change()
        return result

    def unlink(self):
        for part in self.filtered(lambda p: p._protected()):
            raise UserError(part._locked_message())
        templates = self.template_id
        result = super().unlink()
        templates.exists()._lob_after_change()
        return result

    def _lob_central_values(self):
        """The central part's values of the synced fields, as ``write`` takes them."""
        central = self._lob_central_part()
        return {
            name: central[name].id if isinstance(central[name], models.BaseModel) else central[name]
            for name in self._lob_synced_fields
        }

    def _lob_differs_from_central(self):
        return any(
            value_differs(self, name, value) for name, value in self._lob_central_values().items()
        )

    def _lob_central_part(self):
        raise NotImplementedError

    def _lob_siblings(self):
        raise NotImplementedError

    def _lob_key_base(self):
        raise NotImplementedError

    def _protected(self):
        raise NotImplementedError

    def _locked_message(self):
        raise NotImplementedError
