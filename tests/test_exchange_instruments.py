# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Instruments travel between colleges in the exchange format (issue 14): exported with
their file from one company, imported in two steps into another, matched by key again."""

import base64
import json

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from ..lob_hrm import files
from .common import LobCommon

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@tagged("post_install", "-at_install")
class TestExchangeInstruments(LobCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Instrument = cls.env["lob.instrument"].with_context(active_test=False)
        cls.card = cls.Instrument.with_user(cls.officer).create(
            {
                "name": "Kwaliteitenkaart",
                "description": "Laat de student drie kwaliteiten kiezen.",
                "kind": "reflection_tool",
                "audience": "students",
                "phase": "reflection",
                "file": base64.b64encode(PDF),
                "filename": "kwaliteitenkaart.pdf",
                "dimension_ids": [Command.set(cls.dimensions["qualities"].ids)],
                "state": "shared",
            }
        )
        cls.guide = cls.Instrument.with_user(cls.officer).create(
            {
                "name": "Gespreksleidraad netwerken",
                "kind": "conversation_guide",
                "audience": "staff",
                "url": "https://example.org/netwerken",
                "dimension_ids": [Command.set(cls.dimensions["networking"].ids)],
            }
        )

    # -- helpers ----------------------------------------------------------------------------

    def _export(self, instruments, user=None):
        action = instruments.with_user(user or self.officer).action_export_exchange()
        wizard = self.env["lob.exchange.export.wizard"].browse(action["res_id"])
        wizard.with_user(user or self.officer).action_export()
        return base64.b64decode(wizard.data).decode("utf-8")

    def _wizard(self, text, user=None, company=None, **values):
        user = user or self.other_user
        return (
            self.env["lob.exchange.import.wizard"]
            .with_user(user)
            .create(
                {
                    "data": base64.b64encode(text.encode("utf-8")),
                    "company_id": (company or user.company_id).id,
                    **values,
                }
            )
        )

    def _in_b(self):
        return self.Instrument.search([("company_id", "=", self.other_company.id)])

    def _lines(self, wizard):
        return {
            line.key: (line.status, line.outcome, line.new_key)
            for line in wizard.line_ids
            if line.model == "lob.instrument"
        }

    # -- round trip -------------------------------------------------------------------------

    def test_round_trip_between_two_companies_with_the_file(self):
        text = self._export(self.card | self.guide)
        data = json.loads(text)
        self.assertEqual([i["key"] for i in data["instruments"]], [self.card.key, self.guide.key])
        card = data["instruments"][0]
        self.assertEqual(card["file"]["mimetype"], "application/pdf")
        self.assertEqual(card["dimensions"], ["qualities"])
        self.assertEqual(card["author"], "Olga Officer")
        self.assertEqual([d["key"] for d in data["dimensions"]], ["qualities", "networking"])

        wizard = self._wizard(text)
        wizard.action_analyse()
        self.assertEqual(
            self._lines(wizard),
            {self.card.key: ("new", False, False), self.guide.key: ("new", False, False)},
        )
        self.assertFalse(self._in_b(), "the analysis writes nothing")
        wizard.action_import()
        imported = self._in_b()
        self.assertEqual(len(imported), 2)
        copy = imported.filtered(lambda i: i.key == self.card.key)
        self.assertEqual(base64.b64decode(copy.with_context(bin_size=False).file), PDF)
        self.assertEqual(copy.filename, "kwaliteitenkaart.pdf")
        self.assertEqual(copy.dimension_ids, self.dimensions["qualities"])
        self.assertEqual(
            (copy.kind, copy.audience, copy.phase), ("reflection_tool", "students", "reflection")
        )
        self.assertEqual(copy.origin_author, "Olga Officer")
        self.assertEqual(copy.author_id, self.other_user)
        # the receiving college's HR reviews them before colleagues see them
        self.assertEqual(set(imported.mapped("state")), {"draft"})
        self.assertIn("arrive as drafts", wizard.summary)
        self.assertIn("Instruments: 2 created", wizard.summary)
        self.assertEqual(wizard.instrument_ids, imported)
        guide = imported - copy
        self.assertEqual(guide.url, "https://example.org/netwerken")
        self.assertFalse(guide.file)
        action = wizard.action_open_instruments()
        self.assertEqual(sorted(action["domain"][0][2]), sorted(imported.ids))

    def test_re_import_matches_by_key(self):
        text = self._export(self.card)
        self._wizard(text).action_import()
        before = self._in_b()
        wizard = self._wizard(text)
        wizard.action_analyse()
        self.assertEqual(self._lines(wizard), {self.card.key: ("same", False, False)})
        wizard.action_import()
        self.assertEqual(self._in_b(), before, "no duplicate")
        self.assertEqual(self._lines(wizard)[self.card.key][1], "reused")
        # into its own company too: the instrument is recognised
        own = self._wizard(text, user=self.officer)
        own.action_import()
        self.assertEqual(self._lines(own), {self.card.key: ("same", "reused", False)})
        self.assertEqual(self.Instrument.search_count([("key", "=", self.card.key)]), 2)

    def test_other_content_comes_as_a_copy_or_is_skipped(self):
        self._wizard(self._export(self.card)).action_import()
        original = self._in_b()
        self.card.with_user(self.officer).file = base64.b64encode(PDF + b"%new version\n")
        text = self._export(self.card)

        skip = self._wizard(text, changed_policy="skip")
        skip.action_analyse()
        self.assertEqual(skip.changed_count, 1)
        self.assertEqual(self._lines(skip)[self.card.key][0], "changed")
        skip.action_import()
        self.assertEqual(self._in_b(), original)
        self.assertEqual(self._lines(skip)[self.card.key][1], "skipped")

        copy = self._wizard(text)
        copy.action_import()
        status, outcome, new_key = self._lines(copy)[self.card.key]
        self.assertEqual((status, outcome), ("changed", "copied"))
        new = self._in_b() - original
        self.assertEqual(new.key, new_key)
        self.assertNotEqual(new_key, self.card.key)
        self.assertEqual(
            base64.b64decode(new.with_context(bin_size=False).file), PDF + b"%new version\n"
        )
        self.assertEqual(base64.b64decode(original.with_context(bin_size=False).file), PDF)

    # -- bad files --------------------------------------------------------------------------

    def _document_with_file(self, content, mimetype="application/pdf", name="x.pdf"):
        data = json.loads(self._export(self.card))
        data["instruments"][0]["file"] = {
            "name": name,
            "mimetype": mimetype,
            "data": base64.b64encode(content).decode(),
        }
        return json.dumps(data)

    def _refused(self, text, lang="en_US"):
        counts = (self.Instrument.search_count([]), self.Dimension.search_count([]))
        # the web client sends the user's language in the context
        wizard = self._wizard(text).with_context(lang=lang)
        with self.assertRaises(UserError) as refused:
            wizard.action_analyse()
        with self.assertRaises(UserError):
            wizard.action_import()
        self.assertEqual(
            (self.Instrument.search_count([]), self.Dimension.search_count([])), counts
        )
        self.assertEqual(wizard.state, "upload")
        return str(refused.exception)

    def test_a_file_over_the_limit_is_refused_and_nothing_written(self):
        message = self._refused(self._document_with_file(b"%PDF-" + b"0" * files.MAX_FILE_BYTES))
        self.assertIn("nothing was changed", message)
        self.assertIn("Instrument 'Kwaliteitenkaart'", message)
        self.assertIn("an instrument file may be at most 5 MB", message)
        self.assertIn("$.instruments[0].file.data", message)

    def test_a_forbidden_type_is_refused_and_nothing_written(self):
        message = self._refused(
            self._document_with_file(b"MZ\x90\x00", "application/x-msdownload", "tool.exe")
        )
        self.assertIn("not a document or an image (application/x-msdownload)", message)
        self.assertIn("$.instruments[0].file.mimetype", message)
        # a program that calls itself a PDF
        message = self._refused(self._document_with_file(b"MZ\x90\x00"))
        self.assertIn("is not a application/pdf file", message)

    def test_refusal_is_translated(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(["lob_hrm"], ["nl_NL"], overwrite=True)
        message = self._refused(
            self._document_with_file(b"MZ\x90\x00", "application/x-msdownload", "tool.exe"),
            lang="nl_NL",
        )
        self.assertIn("Het bestand is niet geïmporteerd", message)
        self.assertIn("Instrument 'Kwaliteitenkaart'", message)
        self.assertIn("Bestandstype: Het bestand is geen document of afbeelding", message)

    # -- access -----------------------------------------------------------------------------

    def test_export_respects_read_access(self):
        draft = self.guide  # company A's draft
        # an HR officer of company B, and an employee, cannot export company A's drafts
        with self.assertRaises(AccessError):
            self._export(draft, user=self.other_user)
        with self.assertRaises(AccessError):
            self._export(self.card, user=self.other_user)
        with self.assertRaises(AccessError):
            self._export(draft, user=self.employee)
        # and the draft's data never reaches a file they could download
        wizard = (
            self.env["lob.exchange.export.wizard"]
            .with_user(self.other_user)
            .create({"instrument_ids": [Command.set(draft.ids)]})
        )
        with self.assertRaises(AccessError):
            wizard.action_export()
        self.assertFalse(wizard.data)
