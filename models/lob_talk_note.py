# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LobTalkNote(models.Model):
    """The conductor's private note on a talk: a record of its own, so that record rules keep
    it from the employee in every channel (form, RPC, export, report)."""

    _name = "lob.talk.note"
    _description = "Private note on a talk"
    _rec_name = "talk_id"

    talk_id = fields.Many2one("lob.talk", required=True, ondelete="cascade", index=True)
    author_user_id = fields.Many2one(
        "res.users",
        "Author",
        required=True,
        default=lambda self: self.env.user,
        ondelete="cascade",
        index=True,
    )
    body = fields.Text("Note")
    company_id = fields.Many2one(related="talk_id.company_id", store=True, index=True)

    _sql_constraints = [
        ("talk_author_uniq", "unique(talk_id, author_user_id)", "One private note per talk."),
    ]

    def write(self, vals):
        if not self.env.context.get("lob_talk_internal"):
            self.talk_id._lob_check_locked()
        return super().write(vals)

    def unlink(self):
        if not self.env.context.get("lob_talk_internal"):
            self.talk_id._lob_check_locked()
        return super().unlink()
