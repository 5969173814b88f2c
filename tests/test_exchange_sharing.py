# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Sharing LOB instruments between companies and colleges: a file imports into another
company, re-imports into the same one, and keys stay unique among shared records."""

import base64
import json

from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..lob_hrm.fingerprint import template_fingerprint
from .common import LobCommon


@tagged("post_install", "-at_install")
class TestExchangeSharing(LobCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # company A's own performance talk, mirroring the shared student template
        cls.own_template = cls.Template.create(
            {
                "name": "Functioneringsgesprek college A",
                "key": "functioneringsgesprek_a",
                "company_id": cls.company.id,
                "audience": "staff",
                "kind": "performance",
                "source_id": cls.student_template.id,
                "source_fingerprint": template_fingerprint(
                    cls.env["lob.exchange"]._template_schema(cls.student_template)
                ),
                "section_ids": [
                    Command.create(
                        {
                            "key": "terugblik",
                            "title": "Terugblik",
                            "phase": "look_back",
                            "prompt_ids": [
                                Command.create(
                                    {
                                        "key": "ervaring",
                                        "text": "Welke ervaring in je werk is je bijgebleven?",
                                        "dimension_id": cls.dimensions["qualities"].id,
                                    }
                                )
                            ],
                        }
                    )
                ],
            }
        )

    def _export(self, templates, user=None):
        wizard = (
            self.env["lob.exchange.export.wizard"]
            .with_user(user or self.officer)
            .create({"template_ids": [Command.set(templates.ids)]})
        )
        wizard.action_export()
        return base64.b64decode(wizard.data).decode("utf-8")

    def _wizard(self, text, user=None, **values):
        return (
            self.env["lob.exchange.import.wizard"]
            .with_user(user or self.officer)
            .create({"data": base64.b64encode(text.encode("utf-8")), **values})
        )

    def _outcomes(self, wizard):
        return {
            (line.model, line.key): line.outcome
            for line in wizard.line_ids
            if line.model == "lob.talk.template"
        }

    # -- sharing --------------------------------------------------------------------------

    def test_default_performance_talk_imports_into_another_company(self):
        text = self._export(self.performance_template)
        before = self._counts()

        wizard = self._wizard(text, user=self.other_user)
        wizard.action_analyse()
        self.assertEqual(
            set(
                wizard.line_ids.filtered(lambda line: line.model == "lob.talk.template").mapped(
                    "status"
                )
            ),
            {"same"},
        )
        wizard.action_import()

        self.assertEqual(
            self._outcomes(wizard),
            {
                ("lob.talk.template", "student_career_talk"): "reused",
                ("lob.talk.template", "staff_performance_talk"): "reused",
            },
        )
        self.assertEqual(self._counts(), before)
        self.assertEqual(wizard.template_ids, self.student_template | self.performance_template)
        self.assertIn("Templates: 0 created, 2 existing ones used", wizard.summary)

    def test_export_from_one_company_import_into_another_and_again(self):
        text = self._export(self.own_template)

        # into company B: A's template is new there, the shared student template is reused
        into_b = self._wizard(text, user=self.other_user, company_id=self.other_company.id)
        into_b.action_import()
        self.assertEqual(
            self._outcomes(into_b),
            {
                ("lob.talk.template", "student_career_talk"): "reused",
                ("lob.talk.template", "functioneringsgesprek_a"): "created",
            },
        )
        copy_b = into_b.template_ids - self.student_template
        self.assertEqual(copy_b.company_id, self.other_company)
        self.assertEqual(copy_b.key, "functioneringsgesprek_a")
        self.assertEqual(copy_b.source_id, self.student_template)
        self.assertFalse(copy_b.has_drift)

        # into company A again: everything exists with the same content
        before = self._counts()
        again = self._wizard(text)
        again.action_import()
        self.assertEqual(set(self._outcomes(again).values()), {"reused"})
        self.assertEqual(self._counts(), before)

        # A changed its template since: the file's version comes in as a copy ...
        self._prompt(self.own_template, "ervaring").text = "Wat ging er goed dit jaar?"
        changed = self._wizard(text)
        changed.action_analyse()
        line = changed.line_ids.filtered(lambda line: line.key == "functioneringsgesprek_a")
        self.assertEqual((line.status, line.new_key), ("changed", "functioneringsgesprek_a_2"))
        self.assertEqual(changed.changed_count, 1)
        changed.action_import()
        self.assertEqual(
            self._outcomes(changed)["lob.talk.template", "functioneringsgesprek_a"], "copied"
        )
        copy = changed.template_ids.filtered(lambda t: t.key == "functioneringsgesprek_a_2")
        self.assertEqual(
            self._prompt(copy, "ervaring").text, "Welke ervaring in je werk is je bijgebleven?"
        )
        self.assertEqual(copy.source_id, self.student_template)
        self.assertIn("1 imported as a copy", changed.summary)

        # ... or is skipped, on request
        before = self._counts()
        skipped = self._wizard(text, changed_policy="skip")
        skipped.action_import()
        self.assertEqual(
            self._outcomes(skipped)["lob.talk.template", "functioneringsgesprek_a"], "skipped"
        )
        self.assertEqual(self._counts(), before)
        self.assertIn(self.own_template, skipped.template_ids)

    def test_a_variant_resolves_to_an_existing_central_template(self):
        action = self.performance_template.with_user(self.officer).action_create_variant()
        variant = self.Template.browse(action["res_id"])
        text = self._export(variant)
        data = json.loads(text)
        data["templates"] = [t for t in data["templates"] if t["key"] == variant.key] + [
            t for t in data["templates"] if t["key"] != variant.key
        ]
        variant.unlink()

        imported = self._import(json.dumps(data))

        new_variant = imported.filtered(lambda t: t.parent_id)
        self.assertEqual(new_variant.parent_id, self.performance_template)
        self.assertEqual(
            new_variant.section_ids.filtered("is_protected").mapped("key"),
            ["terugblik", "actie"],
        )
        self.assertFalse(new_variant.central_outdated)

    # -- keys of shared records -------------------------------------------------------------

    def test_shared_keys_are_unique(self):
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self.Template.create(
                {"name": "Dubbel", "key": self.student_template.key, "company_id": False}
            )
        for model, values in (
            ("lob.dimension", {"name": "Dubbel", "question": "Wat?"}),
            ("lob.idiom.term", {"term": "Dubbel"}),
        ):
            with self.subTest(model=model):
                self.env[model].create({**values, "key": "gedeeld", "company_id": False})
                with (
                    mute_logger("odoo.sql_db"),
                    self.assertRaises(IntegrityError),
                    self.env.cr.savepoint(),
                ):
                    self.env[model].create({**values, "key": "gedeeld", "company_id": False})

    def test_a_company_cannot_take_a_shared_key_and_back(self):
        with self.assertRaises(ValidationError) as caught:
            self.Template.create(
                {"name": "Eigen", "key": "student_career_talk", "company_id": self.company.id}
            )
        self.assertIn("student_career_talk", str(caught.exception))
        with self.assertRaises(ValidationError) as caught:
            self.Dimension.create(
                {
                    "name": "Eigen",
                    "key": "qualities",
                    "question": "Wat?",
                    "company_id": self.company.id,
                }
            )
        self.assertIn("qualities", str(caught.exception))
        self.IdiomTerm.create({"term": "Eigen", "key": "eigen_term", "company_id": self.company.id})
        with self.assertRaises(ValidationError) as caught:
            self.IdiomTerm.create({"term": "Gedeeld", "key": "eigen_term", "company_id": False})
        self.assertIn("eigen_term", str(caught.exception))
        # two companies may each have their own record with one key
        self.IdiomTerm.create(
            {"term": "Ander", "key": "eigen_term", "company_id": self.other_company.id}
        )

    # -- what the database cannot keep --------------------------------------------------------

    def _document(self, **extra):
        return {"format": "lob-hrm-exchange", "version": 1, **extra}

    def _assert_refused(self, text, *fragments):
        before = self._counts()
        with self.assertRaises(UserError) as caught:
            self._import(text)
        message = str(caught.exception)
        self.assertIn("nothing was changed", message)
        for fragment in fragments:
            self.assertIn(fragment, message)
        self.assertEqual(self._counts(), before)

    def test_bad_values_are_refused_with_a_place(self):
        self._assert_refused(
            '{"format": "lob-hrm-exchange", "version": 1, "dimensions": [' + "9" * 5000 + "]}",
            "too many digits",
        )
        self._assert_refused(
            json.dumps(
                self._document(
                    idiom=[{"key": "medewerker", "term": "Medewerker", "avoid": ["werk\nnemer"]}]
                )
            ),
            "Term 'Medewerker', word to avoid 1",
            "$.idiom[0].avoid[0]",
        )
        self._assert_refused(
            json.dumps(
                self._document(dimensions=[{"key": "nul", "name": "Nul", "question": "Wat\x00?"}])
            ),
            "Career competency 'Nul'",
            "NUL",
        )
        self._assert_refused(json.dumps(self._document()), "The file holds no templates", "    ($)")

    def test_problems_read_as_places_in_the_users_terms(self):
        text = self._export(self.performance_template)
        data = json.loads(text)
        staff = next(t for t in data["templates"] if t["key"] == "staff_performance_talk")
        staff["sections"][0]["prompts"][1]["respondent"] = "x"
        staff["sections"][0]["phase"] = "x"
        name, title = staff["name"], staff["sections"][0]["title"]
        self._assert_refused(
            json.dumps(data),
            f"Template '{name}', section '{title}': Phase 'x' is not one of Opening, Look back",
            f"Template '{name}', section '{title}', question 2: Answered by 'x' is not one of",
            "($.templates[1].sections[0].prompts[1].respondent)",
        )

    def test_a_stored_term_always_reads_back(self):
        with self.assertRaises(ValidationError) as caught:
            self.IdiomTerm.create(
                {"term": "Medewerker", "key": "mdw", "avoid": "x" * 300, "company_id": False}
            )
        self.assertIn("Medewerker", str(caught.exception))
        term = self.IdiomTerm.create(
            {"term": "Medewerker", "key": "mdw_2", "avoid": "werknemer\n\n  personeelslid  "}
        )
        self.assertEqual(term._avoid_list(), ["werknemer", "personeelslid"])
        # a later valid import still works
        self._import(json.dumps(self._document(idiom=[{"key": "later", "term": "Later"}])))

    def test_base64_with_line_breaks_or_url_safe_characters_is_accepted(self):
        text = json.dumps(self._document(idiom=[{"key": "later", "term": "Later?>"}]))
        encoded = base64.urlsafe_b64encode(text.encode()).decode()
        wrapped = "\n".join(encoded[i : i + 20] for i in range(0, len(encoded), 20))
        wizard = self._wizard("", data=wrapped)
        wizard.action_import()
        self.assertTrue(self.IdiomTerm.search([("key", "=", "later")]))
        with self.assertRaisesRegex(UserError, "not valid base64"):
            self._wizard("", data="not*base64").action_import()

    # -- links, whatever the order -------------------------------------------------------------

    def _staff(self, key, **extra):
        return {
            "key": key,
            "name": key.replace("_", " ").capitalize(),
            "audience": "staff",
            "kind": "performance",
            "sections": [
                {
                    "key": "terugblik",
                    "title": "Terugblik",
                    "phase": "look_back",
                    "locked": True,
                    "prompts": [{"key": "ervaring", "text": "Wat is je bijgebleven?"}],
                }
            ],
            **extra,
        }

    def test_links_resolve_whatever_the_order_of_the_file(self):
        exported = json.loads(self._export(self.student_template))
        student = {**exported["templates"][0], "key": "eigen_student"}
        link = {"key": "eigen_student", "fingerprint": "0123456789abcdef"}
        document = self._document(
            dimensions=exported["dimensions"],
            templates=[
                self._staff("team_variant", parent="eigen_kader", source=link),
                self._staff("eigen_kader", central=True, source=link),
                student,
            ],
        )
        imported = self._import(json.dumps(document))

        by_key = {t.key: t for t in imported}
        self.assertEqual(set(by_key), {"team_variant", "eigen_kader", "eigen_student"})
        self.assertEqual(by_key["team_variant"].parent_id, by_key["eigen_kader"])
        self.assertEqual(by_key["team_variant"].source_id, by_key["eigen_student"])
        self.assertEqual(by_key["eigen_kader"].source_id, by_key["eigen_student"])
        self.assertEqual(
            by_key["team_variant"].section_ids.parent_section_id,
            by_key["eigen_kader"].section_ids,
        )

    def test_links_that_cannot_resolve_are_refused_with_their_place(self):
        cycle = self._document(
            templates=[
                self._staff("kader_a", central=True, parent="kader_b"),
                self._staff("kader_b", central=True, parent="kader_a"),
            ]
        )
        self._assert_refused(json.dumps(cycle), "Template 'Kader a'", "in a circle")
        exported = json.loads(self._export(self.student_template))
        student, dimensions = exported["templates"][0], exported["dimensions"]
        mirrored_student = {
            **student,
            "key": "tweede_student",
            "name": "Tweede student",
            "source": {"key": student["key"], "fingerprint": "0123456789abcdef"},
        }
        self._assert_refused(
            json.dumps(
                self._document(dimensions=dimensions, templates=[mirrored_student, student])
            ),
            "Template 'Tweede student'",
            "Only a staff template can mirror a student template.",
        )
        dangling = self._staff(
            "staff_mirror", source={"key": student["key"], "fingerprint": "0" * 16}
        )
        dangling["sections"][0]["prompts"][0]["mirrors"] = {
            "key": "bestaat_niet",
            "fingerprint": "0" * 16,
        }
        self._assert_refused(
            json.dumps(self._document(dimensions=dimensions, templates=[dangling, student])),
            "Template 'Staff mirror', section 'Terugblik', question 1",
            "no question 'bestaat_niet'",
        )

    def test_import_queries_do_not_grow_with_the_prompts(self):
        def document(key, prompts):
            template = self._staff(key)
            template["sections"][0]["prompts"] = [
                {"key": f"vraag_{i}", "text": f"Vraag {i}?"} for i in range(prompts)
            ]
            return json.dumps(self._document(templates=[template]))

        self._import(document("opwarmen", 5))  # caches that any first import fills
        counts = []
        for key, prompts in (("klein", 10), ("groot", 150)):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self._import(document(key, prompts))
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
        # a few more INSERT batches at most, never a query per prompt
        self.assertLessEqual(counts[1], counts[0] + 5, f"queries for 10 and 150 prompts: {counts}")
