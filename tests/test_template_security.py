# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sees and changes talk templates, career competencies and the LOB idiom."""

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from .common import LobCommon


@tagged("post_install", "-at_install")
class TestTemplateSecurity(LobCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.performance_template.with_user(cls.officer).action_publish()
        # the default templates are shared (no company); this one belongs to company A only
        cls.company_template = cls.Template.with_user(cls.officer).create(
            {
                "name": "Gesprek van college A",
                "company_id": cls.company.id,
                "section_ids": [
                    Command.create(
                        {
                            "title": "Terugblik",
                            "phase": "look_back",
                            "prompt_ids": [
                                Command.create(
                                    {
                                        "text": "Wat is je bijgebleven?",
                                        "dimension_id": cls.dimensions["qualities"].id,
                                    }
                                )
                            ],
                        }
                    )
                ],
            }
        )
        # it has alignment errors on purpose: publish it knowingly
        cls.company_template.with_user(cls.officer).with_context(
            lob_publish_confirmed=True
        ).action_publish()

    def test_users_and_their_groups(self):
        self.assertTrue(self.employee.has_group("lob_hrm.group_lob_user"))
        self.assertFalse(self.employee.has_group("lob_hrm.group_lob_officer"))
        self.assertTrue(self.officer.has_group("lob_hrm.group_lob_officer"))
        self.assertEqual(self.other_user.company_ids, self.other_company)

    # -- an ordinary employee ---------------------------------------------------------------

    def test_employee_reads_published_templates(self):
        Template = self.Template.with_user(self.employee)
        visible = Template.search([])
        self.assertIn(self.performance_template, visible)
        self.assertIn(self.company_template, visible)
        self.assertEqual(set(visible.mapped("state")), {"published"})

        template = self.performance_template.with_user(self.employee)
        self.assertEqual(template.read(["name", "state"])[0]["state"], "published")
        sections = template.section_ids
        self.assertEqual(sections.mapped("key"), ["terugblik", "reflectie", "vooruitblik", "actie"])
        self.assertTrue(sections.read(["title", "phase", "locked"]))
        prompts = template.prompt_ids
        self.assertEqual(len(prompts), 13)
        self.assertTrue(all(prompts.mapped("text")))
        self.assertEqual(set(prompts.dimension_id.mapped("key")), set(self.dimensions))
        self.assertEqual(
            self.Section.with_user(self.employee).search([("template_id", "=", template.id)]),
            sections,
        )

    def test_employee_cannot_change_templates(self):
        template = self.performance_template.with_user(self.employee)
        section = template.section_ids[1]
        prompt = section.prompt_ids[0]
        attempts = {
            "write template": lambda: template.write({"name": "Mijn gesprek"}),
            "publish": lambda: self.student_template.with_user(self.employee).action_publish(),
            "create template": lambda: self.Template.with_user(self.employee).create(
                {"name": "Mijn gesprek"}
            ),
            "unlink template": template.unlink,
            "write section": lambda: section.write({"title": "Reflectie"}),
            "create section": lambda: self.Section.with_user(self.employee).create(
                {"template_id": template.id, "title": "Extra"}
            ),
            "unlink section": section.unlink,
            "write prompt": lambda: prompt.write({"text": "Wat vind jij?"}),
            "create prompt": lambda: self.Prompt.with_user(self.employee).create(
                {"section_id": section.id, "text": "Wat vind jij?"}
            ),
            "unlink prompt": prompt.unlink,
        }
        for name, attempt in attempts.items():
            with self.subTest(name), self.assertRaises(AccessError):
                attempt()
        self.env.invalidate_all()
        self.assertEqual(self.performance_template.name, "Functioneringsgesprek")
        self.assertEqual(len(self.performance_template.prompt_ids), 13)

    def test_employee_does_not_see_drafts(self):
        draft = self.development_template
        # Demo data publishes it; take it back to draft whatever demo exists.
        draft.action_reset_to_draft()
        self.assertEqual(draft.state, "draft")
        Template = self.Template.with_user(self.employee)
        self.assertFalse(Template.search([("id", "=", draft.id)]))
        self.assertFalse(Template.search([("key", "=", "staff_development_talk")]))
        with self.assertRaises(AccessError):
            draft.with_user(self.employee).read(["name"])
        self.assertFalse(
            self.Section.with_user(self.employee).search([("template_id", "=", draft.id)])
        )
        self.assertFalse(
            self.Prompt.with_user(self.employee).search([("template_id", "=", draft.id)])
        )
        with self.assertRaises(AccessError):
            draft.section_ids[0].with_user(self.employee).read(["title"])
        with self.assertRaises(AccessError):
            draft.prompt_ids[0].with_user(self.employee).read(["text"])
        # back to draft: gone again for the employee
        self.performance_template.with_user(self.officer).action_reset_to_draft()
        self.assertFalse(Template.search([("id", "=", self.performance_template.id)]))

    def test_employee_cannot_use_the_wizards(self):
        with self.assertRaises(AccessError):
            self.env["lob.template.mirror.wizard"].with_user(self.employee).create(
                {"source_id": self.student_template.id, "kind": "development"}
            )
        with self.assertRaises(AccessError):
            self.env["lob.exchange.import.wizard"].with_user(self.employee).create(
                {"data": b"e30="}
            )

    # -- another company ----------------------------------------------------------------------

    def test_other_company_sees_nothing_of_company_a(self):
        template = self.company_template
        Template = self.Template.with_user(self.other_user)
        self.assertNotIn(template, Template.search([]))
        self.assertFalse(Template.search([("id", "=", template.id)]))
        with self.assertRaises(AccessError):
            template.with_user(self.other_user).read(["name"])
        with self.assertRaises(AccessError):
            template.with_user(self.other_user).write({"name": "Overgenomen"})
        self.assertFalse(
            self.Section.with_user(self.other_user).search([("template_id", "=", template.id)])
        )
        self.assertFalse(
            self.Prompt.with_user(self.other_user).search([("template_id", "=", template.id)])
        )
        with self.assertRaises(AccessError):
            template.prompt_ids.with_user(self.other_user).read(["text"])
        # the shared default content stays visible to them
        self.assertIn(self.performance_template, Template.search([]))

    def test_other_company_does_not_see_company_dimensions(self):
        dimension = self.Dimension.with_user(self.officer).create(
            {"key": "teamgeest", "name": "Teamgeest", "question": "Wat doen wij samen?"}
        )
        self.assertEqual(dimension.company_id, self.env["res.company"])
        dimension.company_id = self.company
        Dimension = self.Dimension.with_user(self.other_user)
        self.assertFalse(Dimension.search([("key", "=", "teamgeest")]))
        self.assertEqual(
            Dimension.search([("key", "=", "networking")]), self.dimensions["networking"]
        )

    def test_other_company_does_not_see_company_idiom_or_findings(self):
        term = self.env["lob.idiom.term"].create(
            {"key": "teamoverleg", "term": "Teamoverleg", "company_id": self.company.id}
        )
        Term = self.env["lob.idiom.term"].with_user(self.other_user)
        self.assertFalse(Term.search([("id", "=", term.id)]))
        with self.assertRaises(AccessError):
            term.with_user(self.other_user).read(["term"])
        findings = self.company_template.finding_ids
        self.assertTrue(findings, "the company template needs findings for this test")
        Finding = self.env["lob.talk.template.finding"].with_user(self.other_user)
        self.assertFalse(Finding.search([("id", "in", findings.ids)]))

    def test_employee_sees_findings_of_published_templates_only(self):
        draft = self.company_template.with_user(self.officer)
        draft.action_reset_to_draft()
        self.assertTrue(draft.finding_ids)
        Finding = self.env["lob.talk.template.finding"].with_user(self.employee)
        self.assertFalse(Finding.search([("template_id", "=", draft.id)]))
        draft.with_context(lob_publish_confirmed=True).action_publish()
        self.assertEqual(Finding.search([("template_id", "=", draft.id)]), draft.finding_ids)
        with self.assertRaises(AccessError):
            draft.finding_ids[0].with_user(self.employee).write({"code": "x"})

    # -- career competencies and idiom -------------------------------------------------------------

    def test_officer_configures_dimensions_and_idiom(self):
        Dimension = self.Dimension.with_user(self.officer)
        dimension = Dimension.create(
            {"key": "teamgeest", "name": "Teamgeest", "question": "Wat doen wij samen?"}
        )
        dimension.write({"question": "Wat kunnen wij samen?"})
        self.assertEqual(dimension.question, "Wat kunnen wij samen?")
        self.dimensions["networking"].with_user(self.officer).write({"name": "Netwerken (team)"})
        self.assertEqual(self.dimensions["networking"].name, "Netwerken (team)")
        dimension.unlink()
        self.assertFalse(dimension.exists())

        term = self.IdiomTerm.with_user(self.officer).create(
            {
                "key": "werkoverleg",
                "term": "werkoverleg",
                "avoid": "teamvergadering\n",
                "rephrase_ids": [Command.create({"student": "klassenavond", "staff": "teamuitje"})],
            }
        )
        self.assertEqual(term._avoid_list(), ["teamvergadering"])
        term.write({"rephrase_ids": [Command.update(term.rephrase_ids.id, {"staff": "teamdag"})]})
        self.assertEqual(term.rephrase_ids.staff, "teamdag")
        term.unlink()
        self.assertFalse(term.exists())

    def test_employee_cannot_change_dimensions_or_idiom(self):
        dimension = self.dimensions["networking"].with_user(self.employee)
        self.assertEqual(dimension.name, "Netwerken")
        term = self.IdiomTerm.with_user(self.employee).search([("key", "=", "bpv")])
        self.assertTrue(term.rephrase_ids)
        attempts = {
            "write dimension": lambda: dimension.write({"name": "Netwerk"}),
            "create dimension": lambda: self.Dimension.with_user(self.employee).create(
                {"key": "eigen", "name": "Eigen", "question": "Wat wil ik?"}
            ),
            "unlink dimension": dimension.unlink,
            "write term": lambda: term.write({"avoid": "stage"}),
            "create term": lambda: self.IdiomTerm.with_user(self.employee).create(
                {"key": "eigen", "term": "eigen"}
            ),
            "write rephrase": lambda: term.rephrase_ids[0].write({"staff": "werkvloer"}),
            "unlink term": term.unlink,
        }
        for name, attempt in attempts.items():
            with self.subTest(name), self.assertRaises(AccessError):
                attempt()
