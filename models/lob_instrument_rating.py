# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class LobInstrumentRating(models.Model):
    """A colleague's "used in my team", with a rating of 1 to 5: one per person and
    instrument; rating again updates the first."""

    _name = "lob.instrument.rating"
    _description = "Use and rating of a LOB instrument"
    _inherit = ["lob.per.person.mixin"]
    _order = "write_date desc, id desc"
    _lob_parent_field = "instrument_id"
    _lob_update_on_create = True

    instrument_id = fields.Many2one("lob.instrument", required=True, ondelete="cascade", index=True)
    department_id = fields.Many2one(
        "hr.department",
        "Team",
        default=lambda self: self.env.user.employee_id.department_id,
        help="The team it was used in.",
    )
    rating = fields.Integer(required=True, default=4, aggregator="avg")
    remark = fields.Char()
    company_id = fields.Many2one(related="instrument_id.company_id", store=True, index=True)

    _sql_constraints = [
        (
            "instrument_user_unique",
            "unique(instrument_id, user_id)",
            "Each person rates an instrument once: change your rating instead.",
        )
    ]

    @api.constrains("rating")
    def _check_rating(self):
        for rating in self:
            if not 1 <= rating.rating <= 5:
                raise ValidationError(
                    self.env._(
                        "%(instrument)s: a rating is 1 to 5, not %(rating)s.",
                        instrument=rating.instrument_id.name,
                        rating=rating.rating,
                    )
                )
