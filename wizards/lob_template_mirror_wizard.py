# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

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
        [kind for kind in KINDS if kind[0] != "career"], required=True, default="performance"
    )
    name = fields.Char(compute="_compute_name", store=True, readonly=False, required=True)
    department_ids = fields.Many2many("hr.department", string="Teams")

    @api.depends("kind")
    def _compute_name(self):
        for wizard in self:
            wizard.name = (
                mirror.KIND_LABELS[schemas.TalkKind(wizard.kind)] if wizard.kind else False
            )

    def action_mirror(self):
        self.ensure_one()
        bridge = self.env["lob.exchange"]
        Template = self.env["lob.talk.template"]
        source = self.source_id
        # a shared student template is mirrored for the company of the HR officer
        company = source.company_id or self.env.company
        _dimensions, terms = bridge._vocabulary(company)
        key = Template._unique_key(self.name, company.id)
        try:
            staff = mirror.mirror_template(
                bridge._template_schema(source),
                [bridge._idiom_schema(t) for t in terms],
                schemas.TalkKind(self.kind),
                key,
                self.name,
            )
        except (mirror.MirrorError, ValueError) as exc:
            raise UserError(
                self.env._(
                    "The template '%(name)s' cannot be mirrored: %(error)s",
                    name=source.name,
                    error=exc,
                )
            ) from exc
        dimensions = {d.key: d for d in source.prompt_ids.dimension_id}
        values = bridge._template_values(staff, dimensions, {source.key: source}, company.id, 10)
        values["department_ids"] = [fields.Command.set(self.department_ids.ids)]
        template = Template.create(values)
        return {
            "type": "ir.actions.act_window",
            "res_model": "lob.talk.template",
            "res_id": template.id,
            "view_mode": "form",
            "target": "current",
        }
