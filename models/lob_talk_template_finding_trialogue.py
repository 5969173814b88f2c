# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class LobTalkTemplateFinding(models.Model):
    _inherit = "lob.talk.template.finding"

    @api.model
    def _translated_message(self, code, params, fallback):
        if code == "not_student_led":
            parties = dict(
                self.env["lob.talk.template.prompt"]
                ._fields["party"]
                ._description_selection(self.env)
            )
            return self.env._(
                "The trialoog does not open with the student (it opens with %(party)s). "
                "Let the student open with their own experience or question; school and "
                "company follow.",
                party=parties.get(params.get("party"), params.get("party") or "").lower(),
            )
        return super()._translated_message(code, params, fallback)
