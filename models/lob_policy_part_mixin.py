# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class LobPolicyPartMixin(models.AbstractModel):
    """A part of an LOB policy (goal, bigger-story link, strategy action).

    Parts with ``_lob_locked_when_adopted`` cannot be added, changed or removed once the
    policy is adopted: the director reopens it first, which is tracked on the policy.
    """

    _name = "lob.policy.part.mixin"
    _description = "Part of an LOB policy"
    _check_company_auto = True
    # Override with False for parts that move on while the policy runs (strategy actions).
    _lob_locked_when_adopted = True

    policy_id = fields.Many2one("lob.policy", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="policy_id.company_id", store=True, index=True)

    @api.model_create_multi
    def create(self, vals_list):
        parts = super().create(vals_list)
        parts._lob_check_policy_open()
        return parts

    def write(self, vals):
        self._lob_check_policy_open()
        result = super().write(vals)
        if "policy_id" in vals:
            self._lob_check_policy_open()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_adopted_policy(self):
        self._lob_check_policy_open()

    def _lob_check_policy_open(self):
        if not self._lob_locked_when_adopted or self.env.context.get("lob_policy_internal"):
            return
        for part in self:
            if part.policy_id.state != "draft":
                raise UserError(
                    self.env._(
                        "The policy '%(policy)s' is %(state)s: reopen it before you change "
                        "'%(part)s'.",
                        policy=part.policy_id.display_name,
                        state=dict(
                            part.policy_id._fields["state"]._description_selection(self.env)
                        )[part.policy_id.state],
                        part=part.display_name,
                    )
                )
