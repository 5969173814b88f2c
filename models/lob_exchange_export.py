# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Export: records into exchange documents (templates with what they rely on; a competency
framework with its roles; instruments with their files; a policy frame)."""

from odoo import api, models
from odoo.exceptions import UserError

from ..lob_hrm import exchange, schemas


class LobExchangeExport(models.AbstractModel):
    _name = "lob.exchange.export"
    _description = "LOB exchange export"

    @api.model
    def _export_document(self, templates):
        """An exchange document with ``templates``, their sources and parents, and the
        dimensions and idiom they rely on."""
        closure = templates
        while True:
            grown = closure | closure.source_id | closure.parent_id
            if grown == closure:
                break
            closure = grown
        dimensions = self.env["lob.dimension"]
        terms = self.env["lob.idiom.term"]
        for company in closure.company_id or self.env.company:
            company_dimensions, company_terms = self._vocabulary(company)
            dimensions |= company_dimensions
            terms |= company_terms
        dimensions |= closure.section_ids.prompt_ids.dimension_id
        # sources and central parents first, so that a reader meets them before their users
        ordered = closure.sorted(
            lambda t: (t.audience != "student", not t.central, t.sequence, t.id)
        )
        try:
            document = schemas.Document(
                dimensions=[d._lob_exchange_schema() for d in dimensions.sorted("sequence")],
                idiom=[t._lob_exchange_schema() for t in terms],
                templates=[t._lob_exchange_schema() for t in ordered],
            )
        except ValueError as exc:
            raise UserError(
                self.env._("These templates cannot be exported yet:\n%(error)s", error=exc)
            ) from exc
        return exchange.dump_document(document)

    @api.model
    def _export_framework_document(self, skill_type, roles=None):
        """An exchange document with the framework ``skill_type`` and ``roles`` on it."""
        roles = roles if roles is not None else self._framework_roles(skill_type)
        try:
            document = schemas.Document(
                framework=skill_type._lob_exchange_schema(),
                roles=[role._lob_exchange_schema() for role in roles],
            )
        except ValueError as exc:
            raise self._framework_export_error(skill_type, exc) from exc
        return exchange.dump_document(document)

    @api.model
    def _framework_export_error(self, skill_type, exc):
        """Why ``skill_type`` cannot be exported (yet), as its reader understands it."""
        return UserError(
            self.env._(
                "The framework '%(framework)s' cannot be exported yet:\n%(error)s",
                framework=skill_type.name,
                error=exc,
            )
        )

    @api.model
    def _framework_roles(self, skill_type):
        return self.env["lob.role"].search([("skill_type_id", "=", skill_type.id)])

    @api.model
    def _export_instruments_document(self, instruments):
        """An exchange document with ``instruments`` (their files as base64) and the career
        competencies they use. Reads as the user: what they may not read is refused."""
        instruments.check_access("read")
        try:
            document = schemas.Document(
                dimensions=[d._lob_exchange_schema() for d in instruments.dimension_ids],
                instruments=[i._lob_exchange_schema() for i in instruments],
            )
        except ValueError as exc:
            raise UserError(
                self.env._("These instruments cannot be exported yet:\n%(error)s", error=exc)
            ) from exc
        return exchange.dump_document(document)

    @api.model
    def _export_policy_document(self, policy):
        """An exchange document with the frame of ``policy``: its pillars, goals with their
        indicators, and bigger-story links."""
        policy.check_access("read")
        try:
            document = schemas.Document(policy_frames=[policy._lob_exchange_schema()])
        except ValueError as exc:
            raise UserError(
                self.env._(
                    "The policy '%(policy)s' cannot be exported yet:\n%(error)s",
                    policy=policy.name,
                    error=exc,
                )
            ) from exc
        return exchange.dump_document(document)
