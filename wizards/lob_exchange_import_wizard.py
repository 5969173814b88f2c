# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii
import re

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..lob_hrm.policy import school_year_label, school_year_of

STATUSES = [
    ("new", "New"),
    ("same", "Exists with the same content"),
    ("changed", "Exists with other content"),
    ("kept", "Exists: kept as it is"),
]
OUTCOMES = [
    ("created", "Created"),
    ("reused", "Existing one used"),
    ("copied", "Imported as a copy"),
    ("skipped", "Skipped: existing one used"),
]
# what the analysis lists first: the policy frame, templates, instruments, then the
# vocabulary they use
ORDER = {
    "lob.policy": 0,
    "lob.talk.template": 1,
    "lob.instrument": 2,
    "lob.dimension": 3,
    "lob.idiom.term": 4,
}
KINDS = [
    ("lob.talk.template", "Template"),
    ("lob.dimension", "Career competency"),
    ("lob.idiom.term", "Term"),
    ("lob.instrument", "Instrument"),
    ("lob.policy", "Policy frame"),
]
# matched by key only: the college's own stay as they are
VOCABULARY = ("lob.dimension", "lob.idiom.term")


class LobExchangeImportWizard(models.TransientModel):
    """Import what another college shared (templates, career competencies, idiom,
    instruments with their files, a policy frame) from JSON in two steps: upload and
    analysis (what will be created, reused or copied), then import
    and a summary."""

    _name = "lob.exchange.import.wizard"
    _description = "Import LOB exchange file"

    state = fields.Selection(
        [("upload", "Upload"), ("analysed", "Check"), ("done", "Done")],
        default="upload",
        required=True,
    )
    data = fields.Binary("File", required=True, attachment=False)
    filename = fields.Char()
    company_id = fields.Many2one(
        "res.company",
        default=lambda self: self.env.company,
        help="Company of the imported records; leave empty to share them with all companies.",
    )
    changed_policy = fields.Selection(
        [
            ("copy", "Import them as copies under a new key"),
            ("skip", "Skip them and keep using the existing ones"),
        ],
        "Records that exist with other content",
        default="copy",
        required=True,
    )
    school_year = fields.Selection(
        "_selection_school_year",
        "School year of the policy",
        help="The school year of the draft policy an imported policy frame becomes; empty: "
        "the school years the file proposes, else the current one.",
    )
    line_ids = fields.One2many(
        "lob.exchange.import.line", "wizard_id", "Records in the file", readonly=True
    )
    changed_count = fields.Integer("Records with other content", compute="_compute_counts")
    policy_count = fields.Integer("Policy frames in the file", compute="_compute_counts")
    template_ids = fields.Many2many("lob.talk.template", string="Templates", readonly=True)
    instrument_ids = fields.Many2many("lob.instrument", string="Instruments", readonly=True)
    policy_ids = fields.Many2many("lob.policy", string="Policies", readonly=True)
    summary = fields.Text(readonly=True)

    @api.model
    def _selection_school_year(self):
        """Last school year, this one and the next five (values: their start years)."""
        current = school_year_of(fields.Date.context_today(self))
        return [(str(year), school_year_label(year)) for year in range(current - 1, current + 6)]

    @api.depends("line_ids.status", "line_ids.model")
    def _compute_counts(self):
        for wizard in self:
            wizard.changed_count = len(
                wizard.line_ids.filtered(lambda line: line.status == "changed")
            )
            wizard.policy_count = len(
                wizard.line_ids.filtered(lambda line: line.model == "lob.policy")
            )

    def _raw(self):
        """The uploaded bytes. Base64 from another tool may be wrapped in lines or use the
        URL-safe alphabet: both are accepted on purpose; anything else is refused whole."""
        self.ensure_one()
        text = self.data or b""
        if isinstance(text, bytes):
            text = text.decode("ascii", errors="replace")
        text = re.sub(r"\s+", "", text).translate(str.maketrans("-_", "+/"))
        try:
            return base64.b64decode(text, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise UserError(
                self.env._(
                    "The uploaded file could not be read: it is not valid base64 (the file "
                    "upload encodes it so; over XML-RPC send the file's bytes base64-encoded)."
                )
            ) from exc

    def _plan(self):
        bridge = self.env["lob.exchange"]
        document = bridge._load(self._raw())
        options = {"school_year": int(self.school_year) if self.school_year else None}
        return bridge._plan_import(document, self.company_id or None, options)

    @api.model
    def _sorted(self, plan):
        return sorted(plan.entries, key=lambda entry: ORDER[entry.model])

    @api.model
    def _name_of(self, entry):
        if entry.model == "lob.idiom.term":
            return entry.item.term
        if entry.model == "lob.instrument":
            return entry.item.title
        return entry.item.name

    @api.model
    def _status_of(self, entry):
        # career competencies and terms are matched by key only: the college's stay
        return "kept" if entry.status == "same" and entry.model in VOCABULARY else entry.status

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Import LOB exchange file"),
        }

    def action_analyse(self):
        """Check the whole file and show what the import would do; nothing is written."""
        self.ensure_one()
        plan = self._plan()
        self.line_ids.unlink()
        self.write(
            {
                "state": "analysed",
                "line_ids": [
                    fields.Command.create(
                        {
                            "model": entry.model,
                            "key": entry.item.key,
                            "name": self._name_of(entry),
                            "status": self._status_of(entry),
                            "new_key": entry.new_key,
                            "existing_name": entry.record.display_name if entry.record else False,
                        }
                    )
                    for entry in self._sorted(plan)
                ],
            }
        )
        return self._reopen()

    def action_back(self):
        self.ensure_one()
        self.line_ids.unlink()
        self.state = "upload"
        return self._reopen()

    def action_import(self):
        """Check the whole file again (the database may have changed since the analysis),
        then create everything at once.

        A bad file raises before anything is written, and the request's single transaction
        rolls back any later failure, so the import is all or nothing.
        """
        self.ensure_one()
        plan = self._plan()
        skip = self.changed_policy == "skip"
        self.env["lob.exchange"]._apply_plan(plan, skip_changed=skip)
        outcome = {}
        for entry in plan.entries:
            if entry.created and entry.status == "changed":
                outcome[entry.model, entry.item.key] = ("copied", entry.created)
            elif entry.created:
                outcome[entry.model, entry.item.key] = ("created", entry.created)
            elif entry.skipped:
                outcome[entry.model, entry.item.key] = ("skipped", entry.record)
            else:
                outcome[entry.model, entry.item.key] = ("reused", entry.record)
        self.line_ids.unlink()
        lines = []
        for entry in self._sorted(plan):
            result, record = outcome[entry.model, entry.item.key]
            lines.append(
                fields.Command.create(
                    {
                        "model": entry.model,
                        "key": entry.item.key,
                        "name": self._name_of(entry),
                        "status": self._status_of(entry),
                        "outcome": result,
                        "new_key": record.key if record and record.key != entry.item.key else False,
                        "existing_name": entry.record.display_name if entry.record else False,
                    }
                )
            )
        counts = {model: {name: 0 for name, _label in OUTCOMES} for model in ORDER}
        for (model, _key), (result, _record) in outcome.items():
            counts[model][result] += 1
        vocabulary = {
            name: counts["lob.dimension"][name] + counts["lob.idiom.term"][name]
            for name in counts["lob.dimension"]
        }
        summary = []
        kinds = {entry.model for entry in plan.entries}
        if "lob.talk.template" in kinds or not kinds - set(VOCABULARY):
            summary.append(
                self.env._(
                    "Templates: %(created)s created, %(reused)s existing ones used, %(copied)s "
                    "imported as a copy, %(skipped)s skipped. Career competencies and terms: "
                    "%(vocabulary_created)s created, %(vocabulary_kept)s kept as they are.",
                    **counts["lob.talk.template"],
                    vocabulary_created=vocabulary["created"],
                    vocabulary_kept=vocabulary["reused"],
                )
            )
        elif kinds & set(VOCABULARY):
            summary.append(
                self.env._(
                    "Career competencies and terms: %(created)s created, %(kept)s kept as "
                    "they are.",
                    created=vocabulary["created"],
                    kept=vocabulary["reused"],
                )
            )
        instruments = plan.records_of(self.env, "lob.instrument")
        policies = plan.records_of(self.env, "lob.policy")
        if "lob.instrument" in kinds:
            summary.append(
                self.env._(
                    "Instruments: %(created)s created, %(reused)s existing ones used, "
                    "%(copied)s imported as a copy, %(skipped)s skipped. Imported instruments "
                    "arrive as drafts: review them, then share them with your colleagues.",
                    **counts["lob.instrument"],
                )
            )
        if "lob.policy" in kinds:
            summary.append(
                self.env._(
                    "Policy frames: %(created)s created, %(reused)s existing ones used, "
                    "%(copied)s imported as a copy, %(skipped)s skipped. An imported frame "
                    "becomes a draft policy: complete it and let the director adopt it.",
                    **counts["lob.policy"],
                )
            )
        self.write(
            {
                "state": "done",
                "line_ids": lines,
                "template_ids": [fields.Command.set(plan.templates.ids)],
                "instrument_ids": [fields.Command.set(instruments.ids)],
                "policy_ids": [fields.Command.set(policies.ids)],
                "summary": "\n".join(summary),
            }
        )
        return self._reopen()

    def action_open_templates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("lob_hrm.lob_talk_template_action")
        action["domain"] = [("id", "in", self.template_ids.ids)]
        return action

    def action_open_instruments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("lob_hrm.lob_instrument_action")
        action["domain"] = [("id", "in", self.instrument_ids.ids)]
        return action

    def action_open_policies(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("lob_hrm.lob_policy_action")
        action["domain"] = [("id", "in", self.policy_ids.ids)]
        return action


class LobExchangeImportLine(models.TransientModel):
    """One record of the uploaded file and what the import does (or did) with it."""

    _name = "lob.exchange.import.line"
    _description = "Record of an LOB exchange file"
    _order = "id"

    wizard_id = fields.Many2one(
        "lob.exchange.import.wizard", "Import", required=True, ondelete="cascade", index=True
    )
    model = fields.Selection(KINDS, "Kind of record", required=True)
    key = fields.Char(required=True)
    name = fields.Char()
    status = fields.Selection(STATUSES, "In this database", required=True)
    new_key = fields.Char("Key of the copy")
    existing_name = fields.Char("Existing record")
    outcome = fields.Selection(OUTCOMES)
