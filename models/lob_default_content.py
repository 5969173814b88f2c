# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
import threading

from odoo import api, models
from odoo.tools import convert_file

_logger = logging.getLogger(__name__)

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

    @api.model
    def _lob_tell_demo(self, path, version):
        """Load the demo file ``path`` as on install, ``<function>`` steps included.

        Odoo loads demo files as ``noupdate``: on update it creates the demo records that are
        missing but skips every ``<function>``, so a demo database that receives a demo file
        on an upgrade keeps its story untold. The migrations of ``version`` tell it once.
        As Odoo loads demo data: in a savepoint, flagged as testing (no mail leaves), and a
        failure is a warning, never a failed upgrade."""
        thread = threading.current_thread()
        testing = getattr(thread, "testing", False)
        thread.testing = True
        try:
            with self.env.cr.savepoint():
                convert_file(self.env, "lob_hrm", path, {}, "init", noupdate=True, kind="demo")
            _logger.info("lob_hrm %s: the demo story of %s was told", version, path)
        except Exception:
            _logger.warning("lob_hrm %s: %s failed", version, path, exc_info=True)
        finally:
            thread.testing = testing
