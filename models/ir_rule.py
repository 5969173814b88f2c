# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

# The models whose manager rules read hr.employee.lob_hierarchy_ids (security/*.xml).
HIERARCHY_RULE_MODELS = frozenset(
    {"lob.talk", "lob.talk.answer", "lob.talk.agreement", "lob.talk.assessment"}
)


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _compute_domain(self, model_name, mode="read"):
        # A search flushes the fields its domain filters on, but not a many2many: a hierarchy
        # changed earlier in this transaction must reach lob_hierarchy_ids before a manager
        # rule reads it, as child_of read parent_id (nothing to do, no query, otherwise).
        if model_name in HIERARCHY_RULE_MODELS:
            self.env["hr.employee"].flush_model(["lob_hierarchy_ids"])
        return super()._compute_domain(model_name, mode)
