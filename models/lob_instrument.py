# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.mimetypes import guess_mimetype

from .lob_key_mixin import KEY_HELP

# An instrument file must be a document or an image, and small enough to travel in an exchange
# file (base64 makes it a third bigger).
MAX_FILE_SIZE = 5 * 1024 * 1024
DOCUMENT_MIMETYPES = {
    "application/pdf",
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.ms-powerpoint",
    "application/vnd.ms-excel",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.presentation",
    "application/vnd.oasis.opendocument.spreadsheet",
    "text/plain",
}
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

    name = fields.Char("Title", required=True, tracking=True)
    key = fields.Char(copy=False, index=True, help=KEY_HELP)
    description = fields.Text()
    kind = fields.Selection(KINDS, required=True, default="reflection_tool")
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
            if mimetype not in DOCUMENT_MIMETYPES and not mimetype.startswith("image/"):
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
        # the key matches an instrument again when it travels between colleges
        taken = set()
        for vals in vals_list:
            if not vals.get("key") and vals.get("name"):
                company_id = vals.get("company_id") or self.env.company.id
                vals["key"] = self._lob_unique_key(vals["name"], company_id, taken)
                taken.add(vals["key"])
        return super().create(vals_list)

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
