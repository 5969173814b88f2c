# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

CHAIN_ROLES = [
    ("vmbo", "vmbo school"),
    ("hbo", "hbo / university"),
    ("company", "Company / leerbedrijf"),
    ("alumni", "Alumni network"),
]
# A partner of the chain, or a contact of one (e.g. a company supervisor): what a chain
# activity or a chain participant of a professionalisation activity may name.
CHAIN_PARTNER_DOMAIN = (
    "['|', ('lob_chain_role', '!=', False), ('commercial_partner_id.lob_chain_role', '!=', False)]"
)


class ResPartner(models.Model):
    """A partner of the chain (ketenbenadering): the vmbo school before, hbo and the work
    field after. Its contacts (e.g. company supervisors) share its role."""

    _inherit = "res.partner"

    lob_chain_role = fields.Selection(CHAIN_ROLES, "Chain role", index="btree_not_null")
    lob_chain_role_effective = fields.Selection(
        CHAIN_ROLES,
        "Chain role (of the company)",
        compute="_compute_lob_chain_role_effective",
        help="The contact's own chain role, or else that of its company.",
    )

    @api.depends("lob_chain_role", "commercial_partner_id.lob_chain_role")
    def _compute_lob_chain_role_effective(self):
        for partner in self:
            partner.lob_chain_role_effective = (
                partner.lob_chain_role or partner.commercial_partner_id.lob_chain_role
            )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("lob_chain_role") for vals in vals_list):
            self._lob_check_chain_manager()
        return super().create(vals_list)

    def write(self, vals):
        if "lob_chain_role" in vals:
            self._lob_check_chain_manager()
        elif "active" in vals and not vals["active"]:
            self._lob_check_chain_partner_kept()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_chain_partner(self):
        self._lob_check_chain_partner_kept()

    def _lob_check_chain_manager(self):
        """HR and LOB coordinators (LOB managers) manage the chain partners."""
        if self.env.su or self.env.user.has_group("lob_hrm.group_lob_manager"):
            return
        raise AccessError(
            self.env._("Only HR and LOB coordinators set the chain role of a partner.")
        )

    def _lob_check_chain_partner_kept(self):
        """Archiving or deleting a chain partner is managing the chain, too: a contact with
        "Contact Creation" alone may not make a vmbo school disappear from the activities."""
        if self.env.su or self.env.user.has_group("lob_hrm.group_lob_manager"):
            return
        chain = self.filtered("lob_chain_role")
        if chain:
            raise AccessError(
                self.env._(
                    "Only HR and LOB coordinators archive or delete a chain partner such as "
                    "%(partner)s.",
                    partner=chain[0].display_name,
                )
            )

    def _lob_check_chain_role(self, record):
        """Refuse these partners on ``record`` (a chain activity, a professionalisation
        activity) when one of them has no chain role of its own or of its company."""
        lacking = self.filtered(lambda p: not p.lob_chain_role_effective)
        if lacking:
            raise ValidationError(
                self.env._(
                    "%(activity)s: %(partners)s has no chain role. Give the partner a "
                    "chain role (vmbo school, hbo, company or alumni network) first.",
                    activity=record.display_name,
                    partners=", ".join(lacking.mapped("display_name")),
                )
            )
