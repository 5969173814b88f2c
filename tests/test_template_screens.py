# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What HR and employees do on the template screens: locks, findings, drift, publishing,
the employee's preview and the employee's smart button."""

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import Form, tagged

from .common import LobCommon


@tagged("post_install", "-at_install")
class TestTemplateScreens(LobCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a staff talk mirrored from the student talk, for the officer's company
        wizard = (
            cls.env["lob.template.mirror.wizard"]
            .with_user(cls.officer)
            .create({"source_id": cls.student_template.id, "kind": "development"})
        )
        action = wizard.action_mirror()
        cls.staff = cls.Template.with_user(cls.officer).browse(action["res_id"])

    def _drop_networking(self, template=None):
        """Move the networking prompts to career steering: one error, one warning each."""
        template = template or self.staff
        prompts = template.prompt_ids.filtered(
            lambda p: p.dimension_id == self.dimensions["networking"]
        )
        prompts.write({"dimension_id": self.dimensions["career_steering"].id})
        return prompts

    def _finding(self, code, template=None):
        template = template or self.staff
        return template.finding_ids.filtered(lambda f: f.code == code)

    # -- locks -------------------------------------------------------------------------------

    def test_hr_locks_and_unlocks_a_section_of_a_central_template_in_the_form(self):
        central = self.performance_template.with_user(self.officer)
        self.assertEqual(central.state, "published")
        reflection = self._section(central, "reflectie")
        self.assertFalse(reflection.locked)
        index = list(central.section_ids).index(reflection)
        with Form(central) as form, form.section_ids.edit(index) as section:
            section.locked = True
        self.assertTrue(reflection.locked)
        with Form(central) as form, form.section_ids.edit(index) as section:
            section.locked = False
        self.assertFalse(reflection.locked)

    def test_a_section_of_an_ordinary_template_cannot_be_locked(self):
        form = Form(self.staff)
        with form.section_ids.edit(0) as section, self.assertRaises(AssertionError):
            section.locked = True

    def test_locks_are_shown_on_prompts(self):
        central = self.performance_template
        locked = self._section(central, "terugblik")
        self.assertTrue(locked.locked)
        self.assertTrue(all(locked.prompt_ids.mapped("section_locked")))
        self.assertFalse(
            any(self._section(central, "reflectie").prompt_ids.mapped("section_locked"))
        )

    # -- the score and its breakdown ---------------------------------------------------------

    def test_the_score_reads_the_same_everywhere_and_explains_itself(self):
        self._drop_networking()
        staff = self.staff
        self.assertEqual(staff.alignment_display, f"{staff.alignment_score} / 100")
        checks = {c["code"]: c for c in staff.alignment_checks}
        self.assertEqual(sum(c["weight"] for c in checks.values()), 100)
        self.assertLess(checks["dimensions"]["earned"], checks["dimensions"]["weight"])
        breakdown = staff.alignment_breakdown
        self.assertIn("Career competencies covered", breakdown)
        self.assertIn("\N{MINUS SIGN}5", breakdown)
        self.assertFalse(self.student_template.alignment_display)

    def test_a_finding_is_a_card_hr_can_read(self):
        self._drop_networking()
        missing = self._finding("dimension_missing")
        self.assertEqual(missing.display_name, "Career competencies covered")
        self.assertIn("Netwerken", missing.message)
        self.assertIn("career competencies", missing.why)
        changed = self._finding("dimension_changed")[:1]
        action = changed.action_open_part()
        self.assertEqual(action["res_model"], "lob.talk.template.section")
        self.assertEqual(action["res_id"], changed.prompt_id.section_id.id)
        self.assertEqual(action["context"]["lob_focus_prompt_id"], changed.prompt_id.id)
        prompts = changed.prompt_id.section_id.prompt_ids.with_context(
            lob_focus_prompt_id=changed.prompt_id.id
        )
        self.assertEqual(prompts.filtered("is_focus"), changed.prompt_id)

    # -- accepting a difference --------------------------------------------------------------

    def test_hr_accepts_a_finding_knowingly(self):
        prompts = self._drop_networking()
        staff = self.staff
        score = staff.alignment_score
        self.assertTrue(staff.has_errors)
        missing = self._finding("dimension_missing")
        wizard = (
            self.env["lob.finding.accept.wizard"]
            .with_user(self.officer)
            .create({"finding_id": missing.id, "reason": "Netwerken bespreken we in het team."})
        )
        wizard.action_accept()

        missing = self._finding("dimension_missing")
        self.assertTrue(missing.accepted)
        self.assertEqual(missing.accept_reason, "Netwerken bespreken we in het team.")
        self.assertEqual(missing.accepted_by_id, self.officer)
        self.assertFalse(staff.has_errors)
        self.assertGreater(staff.alignment_score, score)
        self.assertTrue(
            staff.message_ids.filtered(lambda m: "Netwerken bespreken we" in (m.body or ""))
        )

        # an unrelated change keeps the acceptance
        self._section(staff, "terugblik").intro = "Kijk terug op een concreet moment."
        self.assertTrue(self._finding("dimension_missing").accepted)

        # a change of what the finding is about lets it count again
        changed = self._finding("dimension_changed")[:1]
        changed._accept("Bewust anders.")
        self.assertTrue(self._finding("dimension_changed")[:1].accepted)
        prompts[:1].text = "Wie in je netwerk kan je helpen bij je volgende stap?"
        self.assertFalse(self._finding("dimension_changed").filtered("accepted"))

    def test_accepting_needs_a_reason_and_an_hr_officer(self):
        self._drop_networking()
        missing = self._finding("dimension_missing")
        with self.assertRaises(UserError):
            missing._accept("  ")
        self.assertFalse(missing.accepted)
        self.staff.with_context(lob_publish_confirmed=True).action_publish()
        with self.assertRaises(AccessError):
            self.env["lob.finding.accept.wizard"].with_user(self.employee).create(
                {"finding_id": missing.id, "reason": "ik vind het prima"}
            )

    def test_withdrawn_acceptance_counts_again(self):
        self._drop_networking()
        self._finding("dimension_missing")._accept("Bewust.")
        self.assertFalse(self.staff.has_errors)
        self._finding("dimension_missing").action_revoke()
        self.assertFalse(self._finding("dimension_missing").accepted)
        self.assertTrue(self.staff.has_errors)

    # -- drift -------------------------------------------------------------------------------

    def _change_student_prompt(self):
        student_prompt = self._prompt(self.student_template, "doel")
        student_prompt.with_user(self.officer).write(
            {"text": "Waar wil je over twee jaar staan als student, en wat heb je nodig?"}
        )
        return student_prompt

    def test_drift_shows_before_and_after_and_is_taken_over_through_the_idiom(self):
        old_text = self._prompt(self.student_template, "doel").text
        self._change_student_prompt()
        staff = self.staff
        self.assertTrue(staff.has_drift)
        drift = self._finding("source_prompt_changed")
        self.assertEqual(len(drift), 1)
        self.assertIn(old_text, drift.drift_before)
        self.assertIn("twee jaar staan als student", drift.drift_after)
        self.assertIn("als medewerker", drift.drift_proposal)
        self.assertTrue(drift.can_take_over)

        drift.action_take_over()

        prompt = self._prompt(staff, "doel")
        self.assertEqual(
            prompt.text, "Waar wil je over twee jaar staan als medewerker, en wat heb je nodig?"
        )
        self.assertFalse(self._finding("source_prompt_changed"))
        self.assertFalse(self._finding("source_changed"))
        self.assertFalse(staff.has_drift)

    def test_a_change_taken_over_by_hand_is_marked_reviewed(self):
        self._change_student_prompt()
        staff = self.staff
        self._prompt(staff, "doel").text = "Waar sta je over twee jaar, en wat heb je nodig?"
        # editing by hand does not tell the template that the change was seen
        self.assertTrue(staff.has_drift)
        drift = self._finding("source_prompt_changed")
        self.assertTrue(drift.can_mark_reviewed)

        drift.action_mark_reviewed()

        self.assertFalse(staff.has_drift)
        self.assertFalse(
            staff.finding_ids.filtered(lambda f: f.check == "drift"),
            staff.finding_ids.mapped("message"),
        )
        self.assertEqual(
            self._prompt(staff, "doel").text, "Waar sta je over twee jaar, en wat heb je nodig?"
        )

    def test_an_unmirrored_student_prompt_is_mirrored_from_its_finding(self):
        self._prompt(self.staff, "doel").unlink()
        missing = self._finding("source_prompt_not_mirrored")
        self.assertEqual(len(missing), 1)
        self.assertTrue(missing.can_mirror)
        missing.action_mirror_prompt()
        self.assertFalse(self._finding("source_prompt_not_mirrored"))
        self.assertIn("doel", self.staff.prompt_ids.mapped("mirror_key"))

    # -- publishing --------------------------------------------------------------------------

    def test_publishing_with_errors_names_them_and_asks(self):
        self._drop_networking()
        staff = self.staff
        action = staff.action_publish()
        self.assertEqual(staff.state, "draft")
        self.assertEqual(action["res_model"], "lob.template.publish.wizard")
        wizard = (
            self.env["lob.template.publish.wizard"]
            .with_user(self.officer)
            .with_context(**action["context"])
            .create({})
        )
        self.assertEqual(wizard.finding_ids, self._finding("dimension_missing"))
        self.assertIn("Netwerken", wizard.finding_ids.message)
        wizard.action_publish()
        self.assertEqual(staff.state, "published")

    def test_publishing_with_accepted_errors_needs_no_confirmation(self):
        self._drop_networking()
        self._finding("dimension_missing")._accept("Bewust.")
        self.assertIs(self.staff.action_publish(), True)
        self.assertEqual(self.staff.state, "published")

    def test_filters_has_errors_and_student_template_changed(self):
        self._drop_networking()
        Template = self.Template.with_user(self.officer)
        self.assertIn(self.staff, Template.search([("has_errors", "=", True)]))
        self.assertNotIn(self.staff, Template.search([("has_drift", "=", True)]))
        self._change_student_prompt()
        self.assertIn(self.staff, Template.search([("has_drift", "=", True)]))

    # -- what employees see ------------------------------------------------------------------

    def test_employee_previews_the_talk_without_hr_details(self):
        self.staff.with_context(lob_publish_confirmed=True).action_publish()
        template = self.staff.with_user(self.employee)
        html = str(template.preview_html)
        first = template.section_ids[0]
        self.assertIn(first.title, html)
        self.assertIn(first.intro, html)
        own = template.prompt_ids.filtered(lambda p: p.respondent == "coachee")[:1]
        self.assertIn(own.text, html)
        manager = template.prompt_ids.filtered(lambda p: p.respondent == "coach")
        for prompt in manager:
            self.assertNotIn(prompt.text, html)
        for prompt in template.prompt_ids.filtered("guidance"):
            self.assertNotIn(prompt.guidance, html)
        for key in [k for k in template.prompt_ids.mapped("key") if "_" in k]:
            self.assertNotIn(key, html)
        # phases in their order
        titles = template.section_ids.mapped("title")
        self.assertEqual(sorted(titles, key=html.index), titles)

    def test_the_templates_menu_opens_the_preview_for_employees(self):
        employee_action = self.Template.with_user(self.employee)._lob_templates_action()
        officer_action = self.Template.with_user(self.officer)._lob_templates_action()
        self.assertEqual(
            employee_action["id"], self.env.ref("lob_hrm.lob_talk_template_action_preview").id
        )
        self.assertEqual(officer_action["id"], self.env.ref("lob_hrm.lob_talk_template_action").id)
        self.assertIn("search_default_my_team", employee_action["context"])

    def test_employee_finds_the_templates_of_their_own_team(self):
        employee = self.env["hr.employee"].create(
            {"name": "Eva Employee", "user_id": self.employee.id, "department_id": self.team.id}
        )
        self.staff.write({"department_ids": [Command.set(self.team.ids)]})
        self.staff.with_context(lob_publish_confirmed=True).action_publish()
        Template = self.Template.with_user(self.employee)
        mine = Template.search([("department_ids.member_ids.user_id", "=", self.employee.id)])
        self.assertEqual(mine, self.staff)
        # and HR sees the same templates behind the employee's smart button
        self.assertEqual(employee.lob_template_count, 1)
        action = employee.action_open_lob_templates()
        self.assertEqual(Template.search(action["domain"]), self.staff)

    # -- small things ------------------------------------------------------------------------

    def test_mirror_wizard_does_not_repeat_a_template_name(self):
        Wizard = self.env["lob.template.mirror.wizard"].with_user(self.officer)
        first = Wizard.create({"source_id": self.student_template.id, "kind": "planning"})
        self.Template.browse(first.action_mirror()["res_id"])
        second = Wizard.create({"source_id": self.student_template.id, "kind": "planning"})
        self.assertNotEqual(first.name, second.name)
        self.assertFalse(self.Template.search([("name", "=", second.name)]))

    def test_prompts_using_a_competency_open_from_the_competency(self):
        networking = self.dimensions["networking"].with_user(self.officer)
        action = networking.action_view_prompts()
        prompts = self.Prompt.search(action["domain"])
        self.assertEqual(len(prompts), networking.prompt_count)
        self.assertEqual(prompts.dimension_id, networking)
        self.assertEqual(prompts[:1].action_open_section()["res_id"], prompts[:1].section_id.id)

    # -- cost ---------------------------------------------------------------------------------

    def _refresh_queries(self, extra):
        """Queries of one alignment refresh with ``extra`` prompts that each bring a finding."""
        section = self._section(self.staff, "reflectie")
        self.Prompt.create(
            [
                {
                    "section_id": section.id,
                    "key": f"week_{n}",
                    "text": f"Wat leerde je als student in week {n}?",
                }
                for n in range(extra)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.staff._lob_refresh_alignment()
        self.env.flush_all()
        count = self.env.cr.sql_log_count - before
        self.assertGreaterEqual(len(self._finding("student_wording")), extra)
        section.prompt_ids.filtered(lambda p: not p.mirror_key).unlink()
        return count

    def test_refreshing_the_alignment_does_not_query_per_prompt_or_finding(self):
        self._refresh_queries(1)  # caches filled once per transaction (vocabulary, ...)
        self.assertEqual(self._refresh_queries(3), self._refresh_queries(12))

    def _drift_queries(self, findings):
        """Queries of reading what the drift cards show, for ``findings``."""
        self.env.flush_all()
        self.env.invalidate_all()
        findings = findings.with_env(self.env)
        before = self.env.cr.sql_log_count
        findings.read(["drift_before", "drift_after", "drift_proposal", "can_take_over"])
        count = self.env.cr.sql_log_count - before
        self.assertTrue(all(findings.mapped("drift_after")))
        return count

    def _drifting_mirrors(self):
        """Four staff templates mirroring the student talk, four of whose prompts changed."""
        mirrors = self.staff
        for kind in ("performance", "pdp", "appraisal"):
            wizard = self.env["lob.template.mirror.wizard"].create(
                {"source_id": self.student_template.id, "kind": kind}
            )
            mirrors |= self.Template.browse(wizard.action_mirror()["res_id"])
        students = self.student_template.prompt_ids[:4]
        for student in students:
            student.text = f"{student.text} Wat heb je als student nodig?"
        return mirrors, students

    def _drift_refresh_queries(self, templates):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        templates.with_env(self.env)._lob_refresh_alignment()
        self.env.flush_all()
        count = self.env.cr.sql_log_count - before
        self.assertTrue(all(templates.mapped("has_drift")))
        return count

    def test_drift_is_checked_in_as_many_queries_for_one_template_as_for_several(self):
        mirrors, students = self._drifting_mirrors()
        self._drift_refresh_queries(mirrors)  # caches filled once per transaction
        one = self._drift_refresh_queries(self.staff)
        self.assertEqual(self._drift_refresh_queries(mirrors), one)
        self.assertEqual(
            len(mirrors.finding_ids.filtered(lambda f: f.code == "source_prompt_changed")),
            len(students) * len(mirrors),
        )

    def test_drift_is_read_in_as_many_queries_for_one_template_as_for_several(self):
        """The drift cards read the student prompts, the idiom and the competencies once,
        not per template or prompt."""
        mirrors, students = self._drifting_mirrors()
        drift = mirrors.finding_ids.filtered(lambda f: f.code == "source_prompt_changed")
        one = drift.filtered(lambda f: f.template_id == self.staff)
        self.assertEqual(len(one), len(students))
        self.assertEqual(len(drift), len(students) * len(mirrors))
        self.assertIn("als medewerker", one[0].drift_proposal)

        single = self._drift_queries(one[0])
        self.assertEqual(self._drift_queries(one), single)
        self.assertEqual(self._drift_queries(drift), single)

    # -- the form's wording and what it shows per audience -----------------------------------

    def test_form_hides_central_fields_on_student_templates_and_names_its_export(self):
        arch = self.Template.with_user(self.officer).get_views([(False, "form")])["views"]["form"][
            "arch"
        ]
        self.assertIn('name="central" invisible="audience == \'student\'"', arch)
        self.assertIn("Download LOB file (JSON)", arch)
        self.assertNotIn('string="Export"', arch)
        self.assertIn("Mirror for staff", arch)

    def test_employee_form_shows_no_hr_details(self):
        arch = self.Template.with_user(self.employee).get_views([(False, "form")])["views"]["form"][
            "arch"
        ]
        for hr_only in ('name="key"', 'name="finding_ids"', 'name="section_ids"', "action_publish"):
            self.assertNotIn(hr_only, arch)
        self.assertIn('name="preview_html"', arch)
