# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# what the default framework loader names default_<kind>_<key>
FRAMEWORK_MODELS = (
    "hr.skill.type",
    "hr.skill.level",
    "hr.skill",
    "lob.competency.area",
    "lob.role",
)
LOADED_PARAM = "lob_hrm.default_framework_loaded"


class LobDefaultContent(models.AbstractModel):
    """Default content that must reach databases on update, not only on install."""

    _name = "lob.default.content"
    _description = "LOB default content on update"

    @api.model
    def _load_on_update(self):
        """Load the default framework and roles into a database that never had them.

        Runs on install and on every update (data/lob_default_content_update.xml). Once the
        framework exists it is HR's: nothing is loaded again, so HR's edits stay and what HR
        deleted stays deleted. xmlids whose records are gone tell the same of databases
        from before this loader (HR deleted the framework), and loading would collide with
        them."""
        params = self.env["ir.config_parameter"].sudo()
        if params.get_param(LOADED_PARAM):
            return
        framework = self.env.ref("lob_hrm.default_framework_raamwerk_lob", False)
        if not framework and not self._deleted_default_framework():
            self.env["lob.exchange"]._load_default_framework()
        params.set_param(LOADED_PARAM, "1")

    @api.model
    def _deleted_default_framework(self):
        """Whether default framework xmlids name records that no longer exist."""
        data = (
            self.env["ir.model.data"]
            .sudo()
            .search(
                [
                    ("module", "=", "lob_hrm"),
                    ("name", "=like", "default\\_%"),
                    ("model", "in", FRAMEWORK_MODELS),
                ]
            )
        )
        for model in set(data.mapped("model")):
            res_ids = data.filtered(lambda d, m=model: d.model == m).mapped("res_id")
            if len(self.env[model].browse(res_ids).exists()) < len(set(res_ids)):
                return True
        return False
