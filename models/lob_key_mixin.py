# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rules of exchange keys, shared by every model that travels in the exchange format.

A model declares its key field itself (its name, label, ``required``, ``copy`` and index
differ per model) with ``help=KEY_HELP``, its ``_sql_constraints`` (their messages name the
model), and inherits ``lob.key.mixin``, configured by class attributes:

``_lob_key_field``
    name of the key field: ``"key"`` (own models) or ``"lob_key"`` (hr_skills models).
``_lob_key_company_field``
    the company field that scopes the key, or ``None`` when another field scopes it (a
    framework's areas, a template's sections) through an SQL constraint.
``_lob_key_shared``
    records without company are shared with every company: their key must be used by no
    company's record and the other way round. Adds a constraint and a partial unique index
    ``<table>_<key field>_shared_uniq``; declare a virtual ``_sql_constraints`` entry
    ``("<key field>_shared_uniq", "", message)`` so that a clash reads as that message.
``_lob_key_readable_fields``
    fields whose change must still read back into the core's schema (see
    ``_lob_exchange_schema``); empty: not checked on save.

Hooks a model may override:

``_lob_key_base()``
    the text a missing key is made from (default: the record's name, ``_rec_name``).
``_lob_key_scope_domain(company_id)``
    the records whose keys a new key must differ from (default: the company's and the
    shared ones; every record without company field).
``_lob_exchange_key()``
    the key written to a file (default: the key, or one made from the name).
``_lob_exchange_schema()``
    this record as the core's schema (pydantic); the model's part of the exchange format.

Records that travel one by one through the generic import plan (new / the same / other
content → copy under a new key or skip; ``models/lob_exchange_import.py``) also set
``_lob_exchange_section`` (the core ``Document``'s list that holds them, e.g.
``"instruments"``) and ``_lob_exchange_sequence`` (the order in which kinds are created), and
implement:

``_lob_exchange_fingerprint(item)``
    what makes two items with one key "the same" (a core function of the item's content).
``_lob_exchange_import_values(item, key, company_id, plan)``
    ``create`` values of the file's ``item`` under ``key``; ``plan.records`` holds the
    records the file's other keys stand for now, ``plan.options`` the wizard's choices.
``_lob_exchange_company(company_id)``
    the company an import gives the records (default: the chosen one, or shared).
``_lob_exchange_check(entries, plan)``
    refuse, before anything is written, what cannot be created (a ``UserError``).
"""

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..lob_hrm.keys import is_valid_key, slugify_key

KEY_HELP = (
    "Technical key used in shared (exchange) files: lowercase letters, digits and "
    "underscores, starting with a letter."
)


class LobKeyMixin(models.AbstractModel):
    _name = "lob.key.mixin"
    _description = "Exchange key rules"

    _lob_key_field = "key"
    _lob_key_company_field = "company_id"
    _lob_key_shared = False
    _lob_key_readable_fields = ()
    _lob_exchange_section = None
    _lob_exchange_sequence = 100

    def init(self):
        super().init()
        if self._abstract or not self._lob_key_shared:
            return
        # ``unique(key, company_id)`` lets shared records (no company) share a key, because
        # PostgreSQL treats empty companies as distinct: a partial index closes that gap
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS %s ON %s (%s) WHERE %s IS NULL",
                SQL.identifier(f"{self._table}_{self._lob_key_field}_shared_uniq"),
                SQL.identifier(self._table),
                SQL.identifier(self._lob_key_field),
                SQL.identifier(self._lob_key_company_field),
            )
        )

    # -- constraints --------------------------------------------------------------------

    @api.constrains(lambda self: [self._lob_key_field])
    def _lob_check_key(self):
        for record in self:
            key = record[self._lob_key_field]
            if key and not is_valid_key(key):
                raise ValidationError(
                    self.env._(
                        "The key '%(key)s' is not valid: use lowercase letters, digits and "
                        "underscores, starting with a letter (at most 64 characters).",
                        key=key,
                    )
                )

    @api.constrains(
        lambda self: (
            [self._lob_key_field, self._lob_key_company_field] if self._lob_key_shared else []
        )
    )
    def _lob_check_shared_key(self):
        """A shared record's key is used by no company's record, and the other way round: a
        company sees the shared records beside its own, so one key must name one record."""
        key_field, company_field = self._lob_key_field, self._lob_key_company_field
        keyed = self.filtered(key_field)
        if not keyed:
            return
        everyone = keyed.sudo().with_context(active_test=False)
        groups = everyone._read_group(
            [(key_field, "in", keyed.mapped(key_field))], [key_field], ["id:recordset"]
        )
        for key, group in groups:
            shared = group.filtered(lambda r: not r[company_field])
            if not shared or len(group) < 2:
                continue
            record = (group & keyed.sudo()) or group
            other = (group - record[:1])[:1]
            raise ValidationError(
                self.env._(
                    "The key '%(key)s' of '%(name)s' is used by another record of %(where)s. "
                    "A record shared with all companies needs a key that no company uses, and "
                    "a company's record a key that no shared record uses.",
                    key=key,
                    name=record[:1].display_name,
                    where=other[company_field].name or self.env._("all companies (shared)"),
                )
            )

    @api.constrains(lambda self: list(self._lob_key_readable_fields))
    def _lob_check_readable(self):
        """Stored records must always read back into the core's schemas: otherwise
        alignment, export and every later import would fail on them."""
        self.env["lob.exchange"]._check_readable(self, lambda r: r._lob_exchange_schema())

    # -- keys ---------------------------------------------------------------------------

    def _lob_key_base(self):
        self.ensure_one()
        return self[self._rec_name] or ""

    @api.model
    def _lob_key_scope_domain(self, company_id=False):
        company_field = self._lob_key_company_field
        if not company_field or not company_id:
            return []
        return [(company_field, "in", [company_id, False])]

    @api.model
    def _lob_taken_keys(self, company_id=False):
        """Every key a new record of ``company_id`` may not take, whatever the user may
        read: a company's key must differ from the shared ones, a shared key from all."""
        key_field = self._lob_key_field
        records = self.sudo().with_context(active_test=False)
        rows = records.search_read(self._lob_key_scope_domain(company_id), [key_field])
        return {row[key_field] for row in rows if row[key_field]}

    @api.model
    def _lob_unique_key(self, text, company_id=False, taken=()):
        """A valid key made from ``text`` that no record in scope holds, nor ``taken``."""
        return slugify_key(text, self._lob_taken_keys(company_id) | set(taken))

    @api.model
    def _lob_keys_on_create(self, vals_list):
        """Give each new record without a key one made from its name, unique in its company:
        for models whose records travel on their own, the key matches them again when they
        come back from another college."""
        given, stored = set(), {}  # keys given in this batch; stored keys per company
        for vals in vals_list:
            if not vals.get(self._lob_key_field) and vals.get("name"):
                company_id = vals.get(self._lob_key_company_field) or self.env.company.id
                if company_id not in stored:
                    stored[company_id] = self._lob_taken_keys(company_id)
                key = slugify_key(vals["name"], stored[company_id] | given)
                vals[self._lob_key_field] = key
                given.add(key)
        return vals_list

    def _lob_exchange_key(self):
        self.ensure_one()
        return self[self._lob_key_field] or slugify_key(self._lob_key_base())

    # -- exchange -----------------------------------------------------------------------

    def _lob_exchange_schema(self):
        """This record as the core's schema; raises pydantic's ValidationError when it
        cannot be one. Models whose records travel on their own implement it."""
        raise NotImplementedError(f"{self._name} does not describe its exchange schema")

    # -- the generic import plan (see the module's docstring) ----------------------------

    @api.model
    def _lob_exchange_fingerprint(self, item):
        raise NotImplementedError(f"{self._name} does not fingerprint its exchange items")

    @api.model
    def _lob_exchange_import_values(self, item, key, company_id, plan):
        raise NotImplementedError(f"{self._name} does not import exchange items")

    @api.model
    def _lob_exchange_company(self, company_id):
        return company_id

    @api.model
    def _lob_exchange_check(self, entries, plan):
        return None
