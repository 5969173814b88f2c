# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import mimetypes

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Command
from odoo.tools.mimetypes import guess_mimetype

from ..lob_hrm import exchange, files, schemas
from .lob_key_mixin import KEY_HELP

# An instrument file must be a document or an image, and small enough to travel in an exchange
# file (base64 makes it a third bigger): one rule, in the core, for uploads and shared files.
MAX_FILE_SIZE = files.MAX_FILE_BYTES
DOCUMENT_MIMETYPES = set(files.DOCUMENT_MIMETYPES)
KINDS = [
    ("reflection_tool", "Reflection tool"),
    ("exercise", "Exercise"),
    ("worksheet", "Worksheet"),
    ("conversation_guide", "Conversation guide"),
    ("other", "Other"),
]
PHASES = [
    ("look_back", "Look back (terugblik)"),
    ("reflection", "Reflection (reflectie)"),
    ("look_ahead", "Look ahead (vooruitblik)"),
    ("action", "Action (actie)"),
]


@api.model
def _lang_get(self):
    return self.env["res.lang"].get_installed()


class LobInstrument(models.Model):
    """A LOB instrument colleagues share: a reflection tool, exercise, worksheet or
    conversation guide. Draft ones stay with their author; shared ones reach the college."""

    _name = "lob.instrument"
    _description = "LOB instrument"
    _inherit = ["mail.thread", "lob.key.mixin"]
    _order = "usage_count desc, name, id"
    _check_company_auto = True
    _mail_post_access = "read"
    # instruments travel between colleges one by one, after the career competencies
    _lob_exchange_section = "instruments"
    _lob_exchange_sequence = 10

    name = fields.Char("Title", required=True, tracking=True)
    key = fields.Char(copy=False, index=True, help=KEY_HELP)
    description = fields.Text()
    kind = fields.Selection(KINDS, "Kind of instrument", required=True, default="reflection_tool")
    audience = fields.Selection(
        [("students", "Students"), ("staff", "Staff"), ("both", "Students and staff")],
        required=True,
        default="students",
    )
    phase = fields.Selection(PHASES, help="The phase of the career talk it serves.")
    dimension_ids = fields.Many2many("lob.dimension", string="Career competencies")
    file = fields.Binary(attachment=True, copy=False)
    filename = fields.Char(copy=False)
    url = fields.Char("Link")
    lang = fields.Selection(_lang_get, "Language", default=lambda self: self.env.lang)
    author_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user, index=True
    )
    origin_author = fields.Char(
        "Original author",
        help="Who made the instrument, when it came from another college's exchange file.",
    )
    department_id = fields.Many2one(
        "hr.department",
        "Team",
        check_company=True,
        default=lambda self: self.env.user.employee_id.department_id,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("shared", "Shared")],
        required=True,
        default="draft",
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    rating_ids = fields.One2many("lob.instrument.rating", "instrument_id", "Uses and ratings")
    usage_count = fields.Integer(
        "Used by", compute="_compute_ratings", store=True, help="Colleagues who used it."
    )
    rating_avg = fields.Float(
        "Average rating", compute="_compute_ratings", store=True, digits=(2, 1), aggregator="avg"
    )
    my_rating = fields.Integer(compute="_compute_my_rating")

    _sql_constraints = [
        (
            "key_company_uniq",
            "unique(key, company_id)",
            "The key of an instrument must be unique in its company.",
        )
    ]

    @api.constrains("file", "filename")
    def _check_file(self):
        for instrument in self.with_context(bin_size=False):
            if not instrument.file:
                continue
            content = base64.b64decode(instrument.file)
            if len(content) > MAX_FILE_SIZE:
                raise ValidationError(
                    self.env._(
                        "%(instrument)s: the file is %(size)s MB; an instrument file may be "
                        "at most %(limit)s MB.",
                        instrument=instrument.name,
                        size=round(len(content) / 1024 / 1024, 1),
                        limit=MAX_FILE_SIZE // 1024 // 1024,
                    )
                )
            mimetype = guess_mimetype(content, default="application/octet-stream")
            if not files.is_allowed_mimetype(mimetype):
                raise ValidationError(
                    self.env._(
                        "%(instrument)s: the file '%(file)s' is not a document or an image "
                        "(%(type)s).",
                        instrument=instrument.name,
                        file=instrument.filename or "",
                        type=mimetype,
                    )
                )

    @api.depends("rating_ids.rating")
    def _compute_ratings(self):
        for instrument in self:
            ratings = instrument.rating_ids.mapped("rating")
            instrument.usage_count = len(ratings)
            instrument.rating_avg = sum(ratings) / len(ratings) if ratings else 0.0

    @api.depends_context("uid")
    @api.depends("rating_ids.rating", "rating_ids.user_id")
    def _compute_my_rating(self):
        for instrument in self:
            mine = instrument.rating_ids.filtered(lambda r: r.user_id == self.env.user)
            instrument.my_rating = mine[:1].rating

    @api.model_create_multi
    def create(self, vals_list):
        return super().create(self._lob_keys_on_create(vals_list))

    def action_share(self):
        self.write({"state": "shared"})

    def action_draft(self):
        self.write({"state": "draft"})

    def action_open_rate_wizard(self):
        self.ensure_one()
        mine = self.env["lob.instrument.rating"]._lob_mine(self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Used in my team"),
            "res_model": "lob.instrument.rate.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_instrument_id": self.id,
                "default_rating": str(mine.rating or 4),
                "default_remark": mine.remark or False,
            },
        }

    # -- exchange between colleges ----------------------------------------------------------

    def _lob_exchange_schema(self):
        """This instrument as the core's schema, with its file as base64 and its career
        competencies by key (the document carries them as dimensions)."""
        self.ensure_one()
        instrument = self.with_context(bin_size=False)
        file = None
        if instrument.file:
            content = base64.b64decode(instrument.file)
            mimetype = guess_mimetype(content, default="application/octet-stream")
            extension = mimetypes.guess_extension(mimetype) or ""
            name = instrument.filename or f"{self._lob_exchange_key()}{extension}"
            file = {"name": name, "mimetype": mimetype, "data": base64.b64encode(content).decode()}
        return schemas.Instrument(
            key=self._lob_exchange_key(),
            title=self.name,
            description=self.description or "",
            kind=self.kind,
            audience=self.audience,
            phase=self.phase or None,
            dimensions=[d._lob_exchange_key() for d in self.dimension_ids],
            language=self.lang or None,
            author=self.origin_author or self.author_id.name or None,
            link=self.url or None,
            file=file,
        )

    @api.model
    def _lob_exchange_fingerprint(self, item):
        return exchange.instrument_fingerprint(item)

    @api.model
    def _lob_exchange_company(self, company_id):
        # an instrument always belongs to a college: a "shared" import goes to the user's
        return company_id or self.env.company.id

    @api.model
    def _lob_exchange_import_values(self, item, key, company_id, plan):
        """An imported instrument arrives as a draft of the importing user, so that the
        receiving college's HR reviews it before colleagues see it."""
        languages = {code for code, _name in self.env["res.lang"].get_installed()}
        dimensions = [plan.records["lob.dimension", k].id for k in item.dimensions]
        return {
            "key": key,
            "name": item.title,
            "description": item.description or False,
            "kind": item.kind.value,
            "audience": item.audience.value,
            "phase": item.phase.value if item.phase else False,
            "dimension_ids": [Command.set(dimensions)],
            "lang": item.language if item.language in languages else False,
            "origin_author": item.author or False,
            "url": item.link or False,
            "file": item.file.data if item.file else False,
            "filename": item.file.name if item.file else False,
            "company_id": company_id,
            "department_id": False,
            "author_id": self.env.uid,
            "state": "draft",
        }

    def action_export_exchange(self):
        """Download these instruments (with their files) for another college."""
        return self.env["lob.exchange.export.wizard"]._action_open_instruments(self)
