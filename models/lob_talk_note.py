# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class LobTalkNote(models.Model):
    """The conductor's private note on a talk: a record of its own, so that record rules keep
    it from the employee in every channel (form, RPC, export, report)."""

    _name = "lob.talk.note"
    _inherit = ["lob.talk.part.mixin"]
    _description = "Private note on a talk"
    _rec_name = "talk_id"

    author_user_id = fields.Many2one(
        "res.users",
        "Author",
        required=True,
        default=lambda self: self.env.user,
        ondelete="cascade",
        index=True,
    )
    body = fields.Text("Note")

    _sql_constraints = [
        ("talk_author_uniq", "unique(talk_id, author_user_id)", "One private note per talk."),
    ]

    @api.model
    def _lob_read_for(self, talks):
        """{talk id: body} of the current user's notes (the record rules leave only those)."""
        return {note.talk_id.id: note.body for note in self.search([("talk_id", "in", talks.ids)])}

    @api.model
    def _lob_write_for(self, talks):
        """Store each talk's ``private_note`` as the current user's note on it."""
        notes = self.search([("talk_id", "in", talks.ids)])
        for talk in talks:
            note = notes.filtered(lambda n, t=talk: n.talk_id == t)
            if note:
                note.body = talk.private_note
            elif talk.private_note:
                self.create({"talk_id": talk.id, "body": talk.private_note})
