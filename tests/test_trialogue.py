# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from .common import or_nothing
from .test_talk_common import LobTalkCommon


@tagged("post_install", "-at_install")
class TestTrialogue(LobTalkCommon):
    """The trialoog template, mirrored from the student career talk, its conversation guide,
    its alignment, and the record of a held trialoog."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        action = cls.student_template.with_user(cls.officer).action_mirror_trialogue()
        cls.trialogue = cls.Template.browse(action["res_id"])

    def _party(self, key):
        return self._prompt(self.trialogue, key).party

    def test_mirror_keeps_phases_and_competencies_and_the_student_leads(self):
        trialogue, student = self.trialogue, self.student_template
        self.assertEqual(trialogue.audience, "trialoog")
        self.assertEqual(trialogue.source_id, student)
        self.assertEqual(trialogue.name, f"Trialoog {student.name}")
        self.assertEqual(trialogue.section_ids.mapped("phase"), student.section_ids.mapped("phase"))
        self.assertEqual(
            trialogue.prompt_ids.mapped("dimension_id"), student.prompt_ids.mapped("dimension_id")
        )
        self.assertEqual(len(trialogue.prompt_ids.dimension_id), 5)
        self.assertEqual(trialogue.prompt_ids.mapped("text"), student.prompt_ids.mapped("text"))
        self.assertEqual(trialogue.prompt_ids[:1].party, "student")
        self.assertEqual(
            set(trialogue.prompt_ids.mapped("party")), {"student", "school", "company"}
        )
        self.assertEqual(self._party("waarneming_coach"), "school")
        self.assertEqual(self._party("wie_helpt"), "company")
        self.assertEqual(self._party("volgende_stap"), "student")
        self.assertTrue(all(trialogue.prompt_ids.mapped("mirror_key")))

    def test_alignment_as_for_staff_templates(self):
        trialogue = self.trialogue
        self.assertEqual(trialogue.alignment_display, f"{trialogue.alignment_score} / 100")
        self.assertGreaterEqual(trialogue.alignment_score, 90)
        codes = set(trialogue.finding_ids.mapped("code"))
        # the student's own words are right in a talk with the student
        self.assertNotIn("student_wording", codes)
        self.assertNotIn("not_student_led", codes)
        score = trialogue.alignment_score

        # the school opening the talk costs points, with a finding HR can act on
        opening = trialogue.prompt_ids[:1].with_user(self.officer)
        opening.party = "school"
        finding = trialogue.finding_ids.filtered(lambda f: f.code == "not_student_led")
        self.assertEqual(finding.prompt_id, opening)
        self.assertIn("does not open with the student", finding.message)
        self.assertLess(trialogue.alignment_score, score)

        # a change of the student talk shows as drift, as for staff templates
        student_prompt = self._prompt(self.student_template, "kwaliteiten")
        student_prompt.text = "Welke kwaliteit ontdekte je pas deze periode?"
        self.assertTrue(trialogue.has_drift)

    def test_party_belongs_to_trialoog_prompts(self):
        section = self.trialogue.section_ids[:1]
        prompt = self.Prompt.with_user(self.officer).create(
            {"section_id": section.id, "text": "Wat wil de student nog vragen?"}
        )
        self.assertEqual(prompt.party, "student")
        staff_prompt = self.Prompt.create(
            {"section_id": self.performance_template.section_ids[:1].id, "text": "Extra"}
        )
        self.assertFalse(staff_prompt.party)
        schema = self.trialogue._lob_exchange_schema()
        self.assertEqual(
            [str(p.party) for _s, p in schema.prompts()], self.trialogue.prompt_ids.mapped("party")
        )

    def test_conversation_guide(self):
        report = self.env["ir.actions.report"].with_user(self.officer)
        html, _format = report._render_qweb_html(
            "lob_hrm.lob_trialogue_guide_report", self.trialogue.ids
        )
        html = html.decode()
        for header in ("The student", "The school", "The company", "Question"):
            self.assertIn(f">{header}</th>", html)
        self.assertEqual(html.count("lob_guide_turn"), len(self.trialogue.prompt_ids))
        self.assertEqual(html.count("lob_guide_listen"), 2 * len(self.trialogue.prompt_ids))
        for section in self.trialogue.section_ids:
            self.assertIn(section.title, html)
        # the opening question's row marks the student's column
        first = html.index("Waar wil jij het vandaag over hebben")
        row = html[first : html.index("</tr>", first)]
        cells = row.split("<td")[1:]
        self.assertIn("lob_guide_turn", cells[0])
        self.assertIn("lob_guide_listen", cells[1])
        with self.assertRaisesRegex(UserError, "is not a trialoog"):
            report._render_qweb_html(
                "lob_hrm.lob_trialogue_guide_report", self.performance_template.ids
            )
        with self.assertRaisesRegex(UserError, "is not a trialoog"):
            self.performance_template.action_print_conversation_guide()
        # the report, or first Odoo's document layout set-up or wkhtmltopdf notice
        action = self.trialogue.action_print_conversation_guide()
        self.assertIn(
            action["type"], ("ir.actions.report", "ir.actions.client", "ir.actions.act_window")
        )

    def test_demo_trialoog(self):
        demo = self.Template.search(
            [("audience", "=", "trialoog"), ("id", "!=", self.trialogue.id)]
        )
        self.assertTrue(demo, "the demo data holds a trialoog template")
        self.assertEqual(demo[:1].state, "published")
        self.assertEqual(demo[:1].source_id, self.student_template)
        held = self.env.ref("lob_hrm.lob_trialogue_demo")
        self.assertEqual(held.template_id.audience, "trialoog")

    def test_held_trialoog_access_and_chain_hook(self):
        partner = self.env["res.partner"].create({"name": "Garage Bos", "is_company": True})
        held = (
            self.env["lob.trialogue"]
            .with_user(self.employee)
            .create(
                {
                    "student_name": "Daan",
                    "partner_id": partner.id,
                    "company_contact": "Bas Bos",
                    "template_id": self.trialogue.id,
                    "department_id": self.team.id,
                    "notes": "<p>Daan joins the workshop team for a week.</p>",
                }
            )
        )
        self.assertEqual(held.employee_ids, self.emp_employee)
        self.assertIn("Daan", held.name)
        values = held._lob_chain_activity_values()
        self.assertEqual(values["partner_ids"], partner.ids)
        self.assertEqual(values["employee_ids"], self.emp_employee.ids)
        self.assertEqual(values["department_ids"], self.team.ids)
        self.assertEqual((values["kind"], values["students_reached"]), ("trialoog", 1))
        self.assertIn("workshop team", values["evaluation"])

        export = self.env.ref("base.group_allow_export")
        readers = {"employee", "manager", "top", "officer"}
        users = {
            "employee": self.employee,
            "colleague": self.colleague,
            "manager": self.manager,
            "top": self.top,
            "other_manager": self.other_manager,
            "officer": self.officer,
            "other_officer": self.other_user,
        }
        for who, user in users.items():
            user.groups_id = [Command.link(export.id)]
            self.env.invalidate_all()
            model = self.env["lob.trialogue"].with_user(user)
            domain = [("id", "=", held.id)]
            allowed = who in readers
            found = or_nothing(lambda m=model, d=domain: m.search_read(d, ["id"]))
            groups = or_nothing(
                lambda m=model, d=domain: m.read_group(d, ["company_id"], ["company_id"])
            )
            self.assertEqual(len(found), int(allowed), who)
            self.assertEqual(sum(g["company_id_count"] for g in groups), int(allowed), who)
            record = held.with_user(user)
            if allowed:
                self.assertEqual(record.export_data(["student_name"])["datas"], [["Daan"]], who)
            else:
                with self.assertRaises(AccessError, msg=who):
                    record.read(["student_name"])
                with self.assertRaises(AccessError, msg=who):
                    record.export_data(["student_name"])

        with self.assertRaisesRegex(ValidationError, "is not a trialoog template"):
            held.template_id = self.performance_template

    def test_record_held_trialoog_as_chain_activity(self):
        """The manager records the held trialoog as a chain activity once; it carries the
        partner, the staff, the team and one student, and the trialoog keeps the link."""
        company = self.env["res.partner"].create(
            {"name": "Garage Bos", "is_company": True, "lob_chain_role": "company"}
        )
        held = (
            self.env["lob.trialogue"]
            .with_user(self.employee)
            .create(
                {
                    "student_name": "Daan",
                    "partner_id": company.id,
                    "template_id": self.trialogue.id,
                    "department_id": self.team.id,
                    "notes": "<p>Daan joins the workshop team for a week.</p>",
                }
            )
        )
        action = held.with_user(self.manager).action_record_chain_activity()
        activity = self.env["lob.chain.activity"].browse(action["res_id"])
        self.assertEqual(activity.kind, "trialoog")
        self.assertEqual(activity.partner_ids, company)
        self.assertEqual(activity.employee_ids, self.emp_employee)
        self.assertEqual(activity.department_ids, self.team)
        self.assertEqual(activity.students_reached, 1)
        self.assertEqual(activity.evaluation.strip(), "Daan joins the workshop team for a week.")
        self.assertEqual(held.chain_activity_ref, activity)
        self.assertIn("Recorded as the chain activity", held.message_ids[0].body)
        with self.assertRaisesRegex(UserError, "already recorded"):
            held.with_user(self.manager).action_record_chain_activity()

        # a partner without a chain role is refused by the chain activity, and nothing stays
        plain = self.env["res.partner"].create({"name": "Bakkerij zonder rol", "is_company": True})
        other = held.copy({"partner_id": plain.id})
        count = self.env["lob.chain.activity"].search_count([])
        with self.assertRaisesRegex(ValidationError, "has no chain role"), self.cr.savepoint():
            other.with_user(self.manager).action_record_chain_activity()
        self.assertEqual(self.env["lob.chain.activity"].search_count([]), count)
        self.assertFalse(other.chain_activity_ref)
