# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .lob_exchange import KEY_HELP, check_key, check_shared_keys, create_shared_key_index


class LobIdiomTerm(models.Model):
    """A term of the shared LOB vocabulary ("one LOB idiom") the whole college uses."""

    _name = "lob.idiom.term"
    _description = "LOB vocabulary term"
    _order = "term, id"
    _rec_name = "term"

    term = fields.Char(required=True, translate=True)
    key = fields.Char(required=True, help=KEY_HELP)
    definition = fields.Text(translate=True)
    avoid = fields.Text(
        "Words to avoid",
        help="Synonyms the college agreed not to use, one per line. Alignment reports staff "
        "templates that still use them.",
    )
    rephrase_ids = fields.One2many(
        "lob.idiom.rephrase",
        "term_id",
        "Student and staff wordings",
        copy=True,
        help="How a student-side wording reads in a staff talk. Mirroring replaces them.",
    )
    company_id = fields.Many2one(
        "res.company", help="Leave empty to share the term with all companies."
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("key_company_uniq", "unique(key, company_id)", "The key of a term must be unique."),
        (
            "key_shared_uniq",
            "",  # a partial unique index, created in init()
            "The key of a term shared with all companies must be unique.",
        ),
    ]

    def init(self):
        create_shared_key_index(self)

    @api.constrains("key", "company_id")
    def _check_key_shared(self):
        check_shared_keys(self)

    @api.constrains("key", "term", "definition", "avoid", "rephrase_ids")
    def _check_readable(self):
        bridge = self.env["lob.exchange"]
        bridge._check_readable(self, bridge._idiom_schema)

    @api.constrains("key")
    def _check_key(self):
        for term in self:
            check_key(term, term.key)

    def _avoid_list(self):
        self.ensure_one()
        return [line.strip() for line in (self.avoid or "").splitlines() if line.strip()]
