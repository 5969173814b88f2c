# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Talk templates as HR uses them: mirroring a student talk, alignment, drift, team variants."""

from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import Form, tagged

from .common import LobCommon

LOCKED = "lock"  # both messages say the section is locked, or that the central template locks it


@tagged("post_install", "-at_install")
class TestMirrorTemplate(LobCommon):
    """The mirror wizard turns the student career talk into a staff talk that stays linked."""

    def _mirror(self, kind):
        wizard_model = (
            self.env["lob.template.mirror.wizard"]
            .with_user(self.officer)
            .with_context(default_source_id=self.student_template.id)
        )
        form = Form(wizard_model)
        self.assertEqual(form.source_id, self.student_template)
        form.kind = kind
        form.department_ids.add(self.team)
        wizard = form.save()
        action = wizard.action_mirror()
        self.assertEqual(action["res_model"], "lob.talk.template")
        return self.Template.with_user(self.officer).browse(action["res_id"])

    def test_mirror_keeps_phases_dimensions_and_links(self):
        staff = self._mirror("development")
        student = self.student_template

        self.assertEqual(staff.audience, "staff")
        self.assertEqual(staff.kind, "development")
        self.assertEqual(staff.name, "Ontwikkelingsgesprek Team Techniek")
        self.assertEqual(staff.state, "draft")
        self.assertEqual(staff.department_ids, self.team)
        self.assertEqual(staff.source_id, student)
        self.assertTrue(staff.source_fingerprint)
        self.assertFalse(staff.central)
        self.assertNotEqual(staff.key, student.key)

        self.assertEqual(staff.section_ids.mapped("phase"), student.section_ids.mapped("phase"))
        self.assertEqual(staff.section_ids.mapped("mirror_key"), student.section_ids.mapped("key"))
        self.assertFalse(any(staff.section_ids.mapped("locked")))
        self.assertEqual(
            [(p.mirror_key, p.dimension_id, p.respondent, p.answer_type) for p in staff.prompt_ids],
            [(p.key, p.dimension_id, p.respondent, p.answer_type) for p in student.prompt_ids],
        )
        self.assertTrue(all(staff.prompt_ids.mapped("mirror_fingerprint")))
        self.assertEqual(
            staff.prompt_ids.dimension_id,
            self.Dimension.browse([d.id for d in self.dimensions.values()]),
            "the staff talk covers all five career competencies, as the student talk does",
        )

    def test_shared_student_template_is_mirrored_for_the_officers_company(self):
        self.assertFalse(self.student_template.company_id)
        staff = self._mirror("performance")
        self.assertEqual(staff.company_id, self.officer.company_id)

    def test_mirror_speaks_the_staff_idiom(self):
        staff = self._mirror("pdp")
        self.assertEqual(staff.name, "POP-gesprek Team Techniek")
        self.assertEqual(staff.kind, "pdp")
        student_text = self._prompt(self.student_template, "concrete_ervaring").text
        staff_text = self._prompt(staff, "concrete_ervaring").text
        self.assertIn("stage", student_text)
        self.assertNotIn("stage", staff_text)
        self.assertIn("werkpraktijk", staff_text)

    def test_mirroring_twice_gives_two_templates(self):
        first = self._mirror("development")
        second = self._mirror("development")
        self.assertNotEqual(first, second)
        self.assertNotEqual(first.key, second.key)
        self.assertEqual(self.student_template.mirror_ids & (first | second), first | second)

    def test_templates_made_together_get_their_own_keys(self):
        """Two new templates with one name, in one go: each gets a key of its own."""
        first, second = self.Template.with_user(self.officer).create(
            [{"name": "Loopbaangesprek team"}, {"name": "Loopbaangesprek team"}]
        )
        self.assertTrue(first.key and second.key)
        self.assertNotEqual(first.key, second.key)
        shared = self.Template.create({"name": "Loopbaangesprek team", "company_id": False})
        self.assertNotIn(shared.key, (first.key, second.key))

    def test_mirror_is_aligned(self):
        staff = self._mirror("development")
        self.assertGreaterEqual(staff.alignment_score, 90)
        self.assertFalse(staff.has_drift)
        problems = staff.finding_ids.filtered(lambda f: f.severity in ("error", "warning"))
        self.assertFalse(problems, problems.mapped("message"))

    def test_moving_a_dimension_away_lowers_the_score(self):
        staff = self._mirror("development")
        score = staff.alignment_score
        networking = self.dimensions["networking"]
        prompts = staff.prompt_ids.filtered(lambda p: p.dimension_id == networking)
        self.assertTrue(prompts)

        prompts.write({"dimension_id": self.dimensions["career_steering"].id})

        self.assertLess(staff.alignment_score, score)
        self.assertFalse(staff.prompt_ids.filtered(lambda p: p.dimension_id == networking))
        missing = staff.finding_ids.filtered(lambda f: f.code == "dimension_missing")
        self.assertEqual(len(missing), 1)
        self.assertIn("Netwerken", missing.message)
        changed = staff.finding_ids.filtered(lambda f: f.code == "dimension_changed")
        self.assertEqual(changed.prompt_id, prompts)
        self.assertIn("Netwerken", changed.message)

    def test_findings_speak_the_language_of_the_reader(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(["lob_hrm"], ["nl_NL"])
        staff = self._mirror("development")
        networking = self.dimensions["networking"]
        staff.prompt_ids.filtered(lambda p: p.dimension_id == networking).write(
            {"dimension_id": self.dimensions["career_steering"].id}
        )
        missing = staff.finding_ids.filtered(lambda f: f.code == "dimension_missing")
        english = missing.with_context(lang="en_US").message
        dutch = missing.with_context(lang="nl_NL").message
        self.assertIn("No prompt covers the career competency 'Netwerken'", english)
        self.assertIn("Netwerken", dutch)
        self.assertNotEqual(english, dutch)
        self.assertIn("loopbaancompetentie", dutch)

    def test_changed_student_prompt_shows_as_drift(self):
        staff = self._mirror("development")
        score = staff.alignment_score
        student_prompt = self._prompt(self.student_template, "doel")

        student_prompt.with_user(self.officer).write(
            {"text": "Waar wil je over twee jaar staan, en wat heb je daarvoor nodig?"}
        )

        self.assertTrue(staff.has_drift)
        self.assertLess(staff.alignment_score, score)
        drift = staff.finding_ids.filtered(lambda f: f.code == "source_prompt_changed")
        self.assertEqual(drift.prompt_id, self._prompt(staff, "doel"))
        self.assertIn("Waar wil je over twee jaar staan", drift.message)
        # the default staff templates mirror the same student talk: they drift too
        self.assertTrue(self.development_template.has_drift)
        self.assertTrue(self.performance_template.has_drift)


@tagged("post_install", "-at_install")
class TestTeamVariant(LobCommon):
    """A team variant of the central performance talk keeps its locked sections as they are."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        central = cls.performance_template.with_user(cls.officer)
        action = central.action_create_variant()
        cls.variant = cls.Template.with_user(cls.officer).browse(action["res_id"])
        cls.look_back = cls._section(cls.variant, "terugblik")
        cls.action_section = cls._section(cls.variant, "actie")
        cls.reflection = cls._section(cls.variant, "reflectie")

    def _snapshot(self):
        self.env.invalidate_all()
        return [
            (
                s.key,
                s.title,
                s.phase,
                s.locked,
                [(p.key, p.text, p.dimension_id.id) for p in s.prompt_ids],
            )
            for s in self.variant.section_ids
        ]

    def test_central_template_and_variant(self):
        central = self.performance_template
        self.assertTrue(central.central)
        self.assertEqual(
            central.section_ids.filtered("locked").mapped("key"), ["terugblik", "actie"]
        )
        self.assertEqual(self.variant.parent_id, central)
        self.assertIn(self.variant, central.variant_ids)
        self.assertFalse(self.variant.central)
        self.assertEqual(self.variant.state, "draft")
        self.assertEqual(self.variant.section_ids.mapped("key"), central.section_ids.mapped("key"))
        self.assertEqual(self.variant.section_ids.parent_section_id, central.section_ids)
        self.assertEqual(self.variant.prompt_ids.parent_prompt_id, central.prompt_ids)
        self.assertEqual((self.look_back | self.action_section).mapped("is_protected"), [True] * 2)
        self.assertFalse(self.reflection.is_protected)
        self.assertTrue(all(self.look_back.prompt_ids.mapped("is_protected")))
        self.assertFalse(any(self.reflection.prompt_ids.mapped("is_protected")))

    def test_central_template_with_variants_cannot_be_deleted(self):
        central = self.performance_template.with_user(self.officer)
        with self.assertRaises(UserError) as caught:
            central.unlink()
        self.assertIn(self.variant.name, str(caught.exception))
        self.assertTrue(central.exists())
        # Deleted together with its variants, it goes.
        (central | central.variant_ids).unlink()
        self.assertFalse(central.exists())

    def test_only_a_central_template_has_variants(self):
        with self.assertRaises(UserError):
            self.development_template.with_user(self.officer).action_create_variant()

    def test_locked_section_cannot_be_removed(self):
        before = self._snapshot()
        for section in self.look_back | self.action_section:
            with self.assertRaisesRegex(UserError, LOCKED) as caught:
                section.unlink()
            self.assertIn(self.performance_template.name, str(caught.exception))
            with self.assertRaisesRegex(UserError, LOCKED):
                section.prompt_ids.unlink()
            with self.assertRaisesRegex(UserError, LOCKED):
                section.prompt_ids[-1].unlink()
        self.assertEqual(self._snapshot(), before)

    def test_locked_section_cannot_be_rewritten(self):
        before = self._snapshot()
        section = self.look_back
        prompt = section.prompt_ids[0]
        rewrites = [
            (section, {"title": "Onze eigen terugblik"}),
            (section, {"phase": "reflection"}),
            (section, {"locked": False}),
            (prompt, {"text": "Hoe was je jaar?"}),
            (prompt, {"dimension_id": self.dimensions["networking"].id}),
            (prompt, {"dimension_id": False}),
            (prompt, {"respondent": "coach"}),
            (prompt, {"section_id": self.reflection.id}),
        ]
        for record, values in rewrites:
            with (
                self.subTest(record=record._name, values=values),
                self.assertRaisesRegex(UserError, LOCKED),
            ):
                record.write(values)
        self.assertEqual(self._snapshot(), before)

    def test_unchanged_values_may_be_written_to_a_locked_section(self):
        """Saving a form writes unchanged values back; that is no rewrite."""
        section = self.look_back
        prompt = section.prompt_ids[0]
        section.write({"title": section.title, "phase": section.phase, "sequence": 5})
        prompt.write({"text": prompt.text, "dimension_id": prompt.dimension_id.id})
        self.assertEqual(section.sequence, 5)

    def test_locked_section_via_template_commands(self):
        before = self._snapshot()
        commands = [
            Command.unlink(self.look_back.id),
            Command.delete(self.action_section.id),
            Command.update(self.look_back.id, {"title": "Eigen terugblik"}),
            Command.update(
                self.action_section.id,
                {"prompt_ids": [Command.delete(self.action_section.prompt_ids[0].id)]},
            ),
            Command.set(self.reflection.ids),
        ]
        for command in commands:
            with self.subTest(command=command), self.assertRaisesRegex(UserError, LOCKED):
                self.variant.write({"section_ids": [command]})
        self.assertEqual(self._snapshot(), before)

    def test_variant_may_add_prompts_and_sections(self):
        section = self.look_back
        count = len(section.prompt_ids)
        section.write(
            {
                "prompt_ids": [
                    Command.create(
                        {
                            "text": "Welk teamdoel hoort bij deze ervaring?",
                            "dimension_id": self.dimensions["work_exploration"].id,
                        }
                    )
                ]
            }
        )
        self.assertEqual(len(section.prompt_ids), count + 1)
        added = section.prompt_ids.filtered(lambda p: not p.parent_prompt_id)
        self.assertTrue(added.key)
        self.assertFalse(added.is_protected)
        added.write({"text": "Welk teamdoel hoort er bij deze ervaring?"})
        added.unlink()
        self.assertEqual(len(section.prompt_ids), count)

        self.variant.write(
            {
                "section_ids": [
                    Command.create(
                        {
                            "title": "Teamafspraken",
                            "phase": "action",
                            "sequence": 100,
                            "prompt_ids": [
                                Command.create(
                                    {
                                        "text": "Wat spreken we als team af?",
                                        "answer_type": "agreement",
                                    }
                                )
                            ],
                        }
                    )
                ]
            }
        )
        new_section = self.variant.section_ids[-1]
        self.assertEqual(new_section.title, "Teamafspraken")
        self.assertFalse(new_section.is_protected)
        self.assertEqual(new_section.prompt_ids.text, "Wat spreken we als team af?")

    def test_unlocked_section_can_be_edited_and_removed(self):
        section = self.reflection
        prompt = section.prompt_ids[0]
        prompt.write(
            {"text": "Welke kwaliteiten zag je collega bij jou?", "respondent": "together"}
        )
        self.assertEqual(prompt.text, "Welke kwaliteiten zag je collega bij jou?")
        section.write({"title": "Reflectie in het team"})
        self.assertEqual(section.title, "Reflectie in het team")
        prompt.unlink()
        self.assertFalse(prompt.exists())
        self.variant.write({"section_ids": [Command.delete(section.id)]})
        self.assertFalse(section.exists())
        self.assertEqual(
            self.variant.section_ids.mapped("key"), ["terugblik", "vooruitblik", "actie"]
        )

    def test_central_template_edits_its_own_locked_sections(self):
        central = self.performance_template.with_user(self.officer)
        section = self._section(central, "terugblik")
        section.write({"title": "Terugblik op het jaar"})
        self.assertEqual(section.title, "Terugblik op het jaar")
        section.prompt_ids[0].write({"text": "Waar wil jij het vandaag over hebben?"})
        self.assertEqual(section.prompt_ids[0].text, "Waar wil jij het vandaag over hebben?")

    def test_variant_can_be_deleted(self):
        variant = self.variant
        variant.unlink()
        self.assertFalse(variant.exists())
        self.assertTrue(self.performance_template.exists())

    def test_variant_cannot_be_detached_from_its_central_template(self):
        before = self._snapshot()
        with self.assertRaisesRegex(UserError, "cannot be detached"):
            self.variant.write({"parent_id": False})
        self.assertEqual(self.variant.parent_id, self.performance_template)
        self.assertEqual(self._snapshot(), before)
        self.assertTrue(self.look_back.is_protected)

    def test_new_template_with_a_central_parent_starts_as_its_variant(self):
        variant = self.Template.with_user(self.officer).create(
            {"name": "Variant Techniek", "parent_id": self.performance_template.id}
        )
        central = self.performance_template
        self.assertEqual(variant.section_ids.mapped("key"), central.section_ids.mapped("key"))
        self.assertEqual(variant.source_id, central.source_id)
        self.assertEqual(variant.alignment_score, central.alignment_score)
        self.assertFalse(variant.has_drift)

    def test_variant_follows_its_central_template_on_request(self):
        central = self.performance_template.with_user(self.officer)
        central_look_back = central.section_ids.filtered(lambda s: s.key == "terugblik")
        central_action = central.section_ids.filtered(lambda s: s.key == "actie")
        own = self.Prompt.with_user(self.officer).create(
            {"section_id": self.look_back.id, "text": "Eigen vraag van het team"}
        )
        self.assertFalse(self.variant.central_outdated)

        # HR changes the central framework: a locked prompt, a new locked prompt, a lock lifted
        central_look_back.prompt_ids[0].text = "Waar wil jij het dit jaar over hebben?"
        self.Prompt.with_user(self.officer).create(
            {"section_id": central_look_back.id, "text": "Wat wil je vieren?"}
        )
        central_action.locked = False
        self.env.invalidate_all()
        self.assertTrue(self.variant.central_outdated)
        self.assertNotEqual(
            self.look_back.prompt_ids[0].text, "Waar wil jij het dit jaar over hebben?"
        )

        self.variant.action_sync_from_central()
        self.env.invalidate_all()
        self.assertFalse(self.variant.central_outdated)
        self.assertEqual(
            self.look_back.prompt_ids.filtered("parent_prompt_id").mapped("text"),
            central_look_back.prompt_ids.mapped("text"),
        )
        self.assertIn(own, self.look_back.prompt_ids, "the team's own prompt stays")
        self.assertFalse(self.action_section.locked)
        self.assertFalse(self.action_section.is_protected)
        # the updated locked prompts are protected again
        with self.assertRaisesRegex(UserError, LOCKED):
            self.look_back.prompt_ids.filtered("parent_prompt_id")[-1].text = "Anders"
