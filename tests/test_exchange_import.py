# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Importing and exporting LOB exchange files: all or nothing, and a faithful round trip."""

import base64
import json

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import LobCommon


def _document(*templates, dimensions=None):
    return {
        "format": "lob-hrm-exchange",
        "version": 1,
        "dimensions": dimensions
        if dimensions is not None
        else [
            {
                "key": "qualities",
                "name": "Kwaliteiten (gedeeld bestand)",
                "question": "Wat kan ik?",
            },
            {
                "key": "team_reflection",
                "name": "Teamreflectie",
                "question": "Wat kunnen wij samen?",
                "description": "Wat het team samen kan en wil.",
            },
        ],
        "templates": list(templates),
    }


def _template(key="team_talk", second_section_prompts=None):
    return {
        "key": key,
        "name": "Teamgesprek",
        "audience": "staff",
        "kind": "development",
        "description": "Een gesprek over de ontwikkeling van het team.",
        "sections": [
            {
                "key": "terugblik",
                "title": "Terugblik",
                "phase": "look_back",
                "prompts": [
                    {
                        "key": "ervaring",
                        "text": "Welke ervaring in het team is je bijgebleven?",
                        "dimension": "qualities",
                    }
                ],
            },
            {
                "key": "actie",
                "title": "Afspraken",
                "phase": "action",
                "locked": True,
                "prompts": second_section_prompts
                if second_section_prompts is not None
                else [
                    {
                        "key": "afspraak",
                        "text": "Wat spreken we als team af?",
                        "dimension": "team_reflection",
                        "respondent": "together",
                        "answer_type": "agreement",
                        "required": True,
                    },
                    {"key": "open_vraag", "text": "Wat wil je verder nog kwijt?"},
                ],
            },
        ],
    }


@tagged("post_install", "-at_install")
class TestExchangeImport(LobCommon):
    def _assert_rejected(self, document, *fragments):
        """The import fails with a message holding ``fragments`` and creates nothing."""
        before = self._counts()
        with self.assertRaises(UserError) as caught:
            self._import(document)
        message = str(caught.exception)
        self.assertIn("nothing was changed", message)
        for fragment in fragments:
            self.assertIn(fragment, message)
        self.assertEqual(self._counts(), before)
        return message

    def test_import_creates_the_records(self):
        before = self._counts()
        templates = self._import(_document(_template()))

        self.assertEqual(len(templates), 1)
        template = templates.with_user(self.officer)
        self.assertEqual(template.key, "team_talk")
        self.assertEqual(template.name, "Teamgesprek")
        self.assertEqual((template.audience, template.kind), ("staff", "development"))
        self.assertEqual(template.description, "Een gesprek over de ontwikkeling van het team.")
        self.assertEqual(template.state, "draft")
        self.assertEqual(template.company_id, self.company)
        self.assertEqual(template.section_ids.mapped("key"), ["terugblik", "actie"])
        self.assertEqual(template.section_ids.mapped("phase"), ["look_back", "action"])
        self.assertEqual(template.section_ids.mapped("locked"), [False, True])
        self.assertEqual(template.prompt_ids.mapped("key"), ["ervaring", "afspraak", "open_vraag"])
        agreement = self._prompt(template, "afspraak")
        self.assertEqual(
            (agreement.respondent, agreement.answer_type, agreement.required),
            ("together", "agreement", True),
        )
        self.assertFalse(self._prompt(template, "open_vraag").dimension_id)

        # the college's own 'qualities' is reused as it is; the new competency is created
        qualities = self._prompt(template, "ervaring").dimension_id
        self.assertEqual(qualities, self.dimensions["qualities"])
        self.assertEqual(qualities.name, "Kwaliteitenreflectie")
        new = agreement.dimension_id
        self.assertEqual((new.key, new.name), ("team_reflection", "Teamreflectie"))
        self.assertEqual(new.company_id, self.company)
        self.assertEqual(self.Dimension.search_count([("key", "=", "qualities")]), 1)

        after = self._counts()
        self.assertEqual(after["lob.talk.template"], before["lob.talk.template"] + 1)
        self.assertEqual(
            after["lob.talk.template.section"], before["lob.talk.template.section"] + 2
        )
        self.assertEqual(after["lob.talk.template.prompt"], before["lob.talk.template.prompt"] + 3)
        self.assertEqual(after["lob.dimension"], before["lob.dimension"] + 1)
        # an imported staff template is checked at once
        self.assertTrue(template.finding_ids)

    def test_import_without_company_shares_the_records(self):
        text = json.dumps(_document(_template()))
        wizard = (
            self.env["lob.exchange.import.wizard"]
            .with_user(self.officer)
            .create({"data": base64.b64encode(text.encode()), "company_id": False})
        )
        wizard.action_import()
        template = wizard.template_ids
        self.assertFalse(template.company_id)
        self.assertFalse(self._prompt(template, "afspraak").dimension_id.company_id)

    def test_unknown_dimension_imports_nothing(self):
        bad = _template(
            second_section_prompts=[
                {"key": "afspraak", "text": "Wat spreken we af?", "dimension": "teamgeest"}
            ]
        )
        self._assert_rejected(
            _document(bad),
            "$.templates[0].sections[1].prompts[0].dimension",
            "teamgeest",
        )

    def test_empty_prompt_text_imports_nothing(self):
        bad = _template(second_section_prompts=[{"key": "afspraak", "text": "   "}])
        self._assert_rejected(_document(bad), "$.templates[0].sections[1].prompts[0].text")

    def test_every_problem_is_listed(self):
        first = _template(second_section_prompts=[{"key": "afspraak", "text": ""}])
        second = _template(key="tweede_gesprek")
        second["sections"][0]["phase"] = "somewhere"
        self._assert_rejected(
            _document(first, second),
            "$.templates[0].sections[1].prompts[0].text",
            "$.templates[1].sections[0].phase",
        )

    def test_not_an_exchange_file(self):
        self._assert_rejected("{not json", "not valid JSON")
        self._assert_rejected({"format": "something-else", "version": 1}, "$.format")
        with self.assertRaises(UserError):
            self._import(_document(dimensions=[]))

    def test_round_trip_after_deleting_the_originals(self):
        originals = self.student_template | self.development_template
        expected = {t.key: self.env["lob.exchange"]._template_schema(t) for t in originals}
        text = (
            self.env["lob.exchange"]
            .with_user(self.officer)
            ._export_document(self.development_template)
        )
        dimensions = self.Dimension.search_count([])
        # Demo data may hold team variants of the central template: they go too.
        central = self.performance_template
        (originals | central | central.variant_ids).unlink()

        imported = self._import(text)

        self.assertEqual(set(imported.mapped("key")), set(expected))
        for template in imported:
            with self.subTest(template=template.key):
                self.assertEqual(
                    self.env["lob.exchange"]._template_schema(template), expected[template.key]
                )
        mirror = imported.filtered(lambda t: t.audience == "staff")
        self.assertEqual(mirror.source_id, imported - mirror)
        self.assertFalse(mirror.has_drift)
        self.assertEqual(self.Dimension.search_count([]), dimensions)

    def test_round_trip_through_the_export_wizard_with_new_keys(self):
        """Export the central talk and a team variant, rename the originals, import again."""
        central = self.performance_template
        action = central.with_user(self.officer).action_create_variant()
        variant = self.Template.browse(action["res_id"])
        originals = central | variant | self.student_template
        expected = {t: self.env["lob.exchange"]._template_schema(t) for t in originals}

        wizard = (
            self.env["lob.exchange.export.wizard"]
            .with_user(self.officer)
            .create({"template_ids": [(6, 0, variant.ids)]})
        )
        download = wizard.action_export()
        self.assertIn("download=true", download["url"])
        self.assertTrue(wizard.filename.endswith(".lob.json"))
        text = base64.b64decode(wizard.data)
        for template in originals:
            template.key = f"oud_{template.key}"

        imported = self._import(text.decode("utf-8"))

        self.assertEqual(len(imported), 3)
        ignore = {"key": True, "parent": True, "source": {"key"}}
        by_name = {t.name: t for t in imported}
        for original, schema in expected.items():
            with self.subTest(template=original.name):
                copy = by_name[original.name]
                self.assertEqual(
                    self.env["lob.exchange"]._template_schema(copy).model_dump(exclude=ignore),
                    schema.model_dump(exclude=ignore),
                )
        new_central = by_name[central.name]
        new_variant = by_name[variant.name]
        self.assertEqual(new_variant.parent_id, new_central)
        self.assertEqual(new_central.source_id, by_name[self.student_template.name])
        # the locks survive the trip: the imported variant protects the same sections
        self.assertEqual(
            new_variant.section_ids.filtered("is_protected").mapped("key"), ["terugblik", "actie"]
        )
        with self.assertRaises(UserError):
            self._section(new_variant, "terugblik").with_user(self.officer).unlink()
