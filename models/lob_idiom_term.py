# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.fields import Command

from ..lob_hrm import schemas
from .lob_key_mixin import KEY_HELP


class LobIdiomTerm(models.Model):
    """A term of the shared LOB vocabulary ("one LOB idiom") the whole college uses."""

    _name = "lob.idiom.term"
    _description = "LOB vocabulary term"
    _order = "term, id"
    _rec_name = "term"
    _inherit = ["lob.key.mixin"]
    _lob_key_shared = True
    _lob_key_readable_fields = ("key", "term", "definition", "avoid", "rephrase_ids")

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

    def _lob_exchange_schema(self):
        self.ensure_one()
        return schemas.IdiomTerm(
            key=self.key,
            term=self.term,
            definition=self.definition or "",
            avoid=self._avoid_list(),
            rephrase=[
                schemas.Rephrase(student=line.student, staff=line.staff)
                for line in self.rephrase_ids
            ],
        )

    @api.model
    def _lob_exchange_values(self, item, sequence, company_id, key=None):
        """``create`` values of the file's idiom term ``item``."""
        return {
            "key": key or item.key,
            "term": item.term,
            "definition": item.definition,
            "avoid": "\n".join(item.avoid),
            "company_id": company_id,
            "rephrase_ids": [
                Command.create({"student": r.student, "staff": r.staff}) for r in item.rephrase
            ],
        }

    def _avoid_list(self):
        self.ensure_one()
        return [line.strip() for line in (self.avoid or "").splitlines() if line.strip()]
