# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LobIdiomRephrase(models.Model):
    _name = "lob.idiom.rephrase"
    _description = "Student wording and its staff counterpart"
    _order = "sequence, id"

    term_id = fields.Many2one("lob.idiom.term", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    student = fields.Char("Student wording", required=True)
    staff = fields.Char("Staff wording", required=True)
