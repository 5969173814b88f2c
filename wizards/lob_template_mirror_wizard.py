# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..lob_hrm import mirror, schemas
from ..models.lob_talk_template import KINDS


class LobTemplateMirrorWizard(models.TransientModel):
    """Create a staff template from a student template, through the LOB idiom."""

    _name = "lob.template.mirror.wizard"
    _description = "Mirror a student template for staff"

    source_id = fields.Many2one(
        "lob.talk.template",
        "Student template",
        required=True,
        domain="[('audience', '=', 'student')]",
    )
    kind = fields.Selection(
        [kind for kind in KINDS if kind[0] != "career"],
        "Kind of talk",
        required=True,
        default="performance",
    )
    # required in the view only: the name follows the teams, which a create sets after insert
    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    department_ids = fields.Many2many("hr.department", string="Teams")

    @api.depends("kind", "department_ids")
    def _compute_name(self):
        for wizard in self:
            if not wizard.kind:
                wizard.name = False
                continue
            base = mirror.KIND_LABELS[schemas.TalkKind(wizard.kind)]
            if wizard.department_ids:
                base = f"{base} {', '.join(wizard.department_ids.mapped('name'))}"
            wizard.name = wizard._unique_name(base)

    def _unique_name(self, base):
        """``base``, numbered when a template of that name exists already."""
        taken = set(
            self.env["lob.talk.template"]
            .with_context(active_test=False)
            .search([("name", "=ilike", f"{base}%")])
            .mapped("name")
        )
        name, number = base, 2
        while name in taken:
            name, number = f"{base} ({number})", number + 1
        return name

    def action_mirror(self):
        self.ensure_one()
        source = self.source_id
        # a shared student template is mirrored for the company of the HR officer
        company = source.company_id or self.env.company
        _dimensions, terms = self.env["lob.exchange"]._vocabulary(company)
        template = source._lob_create_mirror(
            self.name,
            company,
            lambda student, key: mirror.mirror_template(
                student,
                [term._lob_exchange_schema() for term in terms],
                schemas.TalkKind(self.kind),
                key,
                self.name,
            ),
            lambda error: self.env._(
                "The template '%(name)s' cannot be mirrored: %(error)s",
                name=source.name,
                error=error,
            ),
            {"department_ids": [fields.Command.set(self.department_ids.ids)]},
        )
        return template._lob_action_open()
