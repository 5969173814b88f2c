# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The bridge between Odoo records and the Odoo-free core (``lob_hrm/``).

Each exchangeable model describes its own part of the format (``_lob_exchange_schema`` and
``_lob_exchange_values``, see ``lob.key.mixin``); this model gathers them into documents:
reading a file (here), exporting (``lob_exchange_export.py``), importing
(``lob_exchange_import.py``) and wording the core's problems (``lob_exchange_messages.py``),
so that the command line and Odoo validate a shared file with one and the same code.
"""

from pydantic import ValidationError as SchemaError

from odoo import api, models
from odoo.exceptions import ValidationError

from ..lob_hrm import errors, exchange
from ..lob_hrm.keys import slugify_key  # noqa: F401 (imported from here by older callers)


class LobExchange(models.AbstractModel):
    _name = "lob.exchange"
    _description = "LOB exchange format bridge"
    # each concern in its own file; callers use them all through ``lob.exchange``
    _inherit = ["lob.exchange.messages", "lob.exchange.export", "lob.exchange.import"]

    # -- records -> core --------------------------------------------------------------

    @api.model
    def _schema(self, record):
        """``record`` as the core's schema (each model describes itself); raises pydantic's
        ValidationError when the record cannot be one (an incomplete template)."""
        return record._lob_exchange_schema()

    # the names callers know, one per kind of record
    _dimension_schema = _idiom_schema = _template_schema = _schema
    _framework_schema = _role_schema = _schema

    @api.model
    def _vocabulary(self, company):
        """Active dimensions and idiom terms that apply to ``company`` (its own and shared)."""
        domain = [("company_id", "in", [company.id, False])]
        dimensions = self.env["lob.dimension"].search(domain)
        terms = self.env["lob.idiom.term"].search(domain)
        return dimensions, terms

    @api.model
    def _check_readable(self, records, build):
        """Stored records must always read back into the core's schemas (``build`` turns one
        into its schema): otherwise alignment, export and every later import would fail on
        them. Raises a ValidationError naming the record and the problem."""
        for record in records:
            try:
                build(record)
            except SchemaError as exc:
                details = [
                    self._record_problem_line(problem)
                    for problem in errors.problems_from_validation(exc)
                ]
                raise ValidationError(
                    self.env._(
                        "'%(name)s' cannot be saved this way:\n%(problems)s",
                        name=record.display_name,
                        problems="\n".join(details),
                    )
                ) from None

    @api.model
    def _load(self, raw):
        """Validate raw JSON with the core; a translated UserError names every problem, as a
        place in the user's terms with the JSON path as a detail."""
        data = None
        try:
            data = exchange.parse_json(raw)
            document = exchange.load_document(data)
        except exchange.ExchangeError as exc:
            self._raise_problems(exc.problems, data)
        if not (
            document.templates
            or document.dimensions
            or document.idiom
            or document.framework
            or document.roles
            or document.instruments
            or document.policy_frames
        ):
            self._raise_problems(
                [errors.Problem("$", "empty_document", "the file holds nothing to import")]
            )
        return document
