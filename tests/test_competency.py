# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import datetime
import json

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..lob_hrm import exchange
from .test_competency_common import LobCompetencyCommon


@tagged("post_install", "-at_install")
class TestCompetencyFramework(LobCompetencyCommon):
    def test_framework_is_an_lob_skill_type(self):
        self.assertTrue(self.framework.lob_profile)
        self.assertEqual(self.framework.lob_key, "raamwerk_lob")
        ordered = self.framework.skill_level_ids.sorted("level_progress")
        self.assertEqual(
            ordered.mapped("lob_key"), ["startbekwaam", "basisbekwaam", "vakbekwaam", "excellent"]
        )
        self.assertEqual(ordered.mapped("level_progress"), [25, 50, 75, 100])
        self.assertTrue(all(ordered.mapped("lob_description")))
        self.assertEqual(
            self.framework.lob_area_ids.mapped("key"),
            ["visie_en_beleid", "orientatie_en_begeleiding", "organisatie", "samenwerking"],
        )
        dialogue = self.skills["loopbaandialoog_voeren"]
        self.assertEqual(dialogue.lob_area_id.key, "orientatie_en_begeleiding")
        self.assertTrue(dialogue.lob_for_primary and dialogue.lob_for_specialist)
        self.assertFalse(dialogue.lob_for_coordinator)
        self.assertEqual(len(dialogue.lob_level_description_ids), 4)
        self.assertIn("loopbaangesprekken", dialogue.lob_level_description_ids[0].description)

    def test_levels_land_on_the_skills_tab_history_and_report(self):
        employee_skill = self._set_level(self.employee, "loopbaandialoog_voeren", "basisbekwaam")
        self.assertIn(employee_skill, self.employee.employee_skill_ids)
        log = self.env["hr.employee.skill.log"].search(
            [
                ("employee_id", "=", self.employee.id),
                ("skill_id.lob_key", "=", "loopbaandialoog_voeren"),
            ]
        )
        self.assertEqual(log.skill_level_id, self.levels["basisbekwaam"])
        self.assertEqual(log.date, self.today)
        self.env.flush_all()
        report = self.env["hr.employee.skill.report"].search(
            [("employee_id", "=", self.employee.id), ("skill_type_id", "=", self.framework.id)]
        )
        self.assertEqual(report.skill_id, self.skills["loopbaandialoog_voeren"])

    def test_default_roles_ask_levels_of_the_framework(self):
        roles = self.env["lob.role"].search([("skill_type_id", "=", self.framework.id)])
        self.assertGreaterEqual(
            set(roles.mapped("key")),
            {"slb", "loopbaancoach", "bpv_begeleider", "decaan", "teamleider"},
        )
        target = self.slb.target_ids.filtered(
            lambda t: t.skill_id.lob_key == "loopbaandialoog_voeren"
        )
        self.assertEqual(target.skill_level_id, self.levels["vakbekwaam"])
        self.assertTrue(self.slb.description)

    def test_loading_the_default_framework_twice_changes_nothing(self):
        counts = (len(self.framework.skill_ids), self.env["lob.role"].search_count([]))
        self.env["lob.exchange"]._load_default_framework()
        self.assertEqual(
            (len(self.framework.skill_ids), self.env["lob.role"].search_count([])), counts
        )

    def test_import_matches_existing_competencies_by_key(self):
        Exchange = self.env["lob.exchange"]
        text = Exchange._export_framework_document(self.framework, self.slb)
        data = exchange.parse_json(text)
        data["framework"]["competencies"].append(
            {
                "key": "eigen_loopbaan_sturen",
                "name": "Stuurt de eigen loopbaan",
                "area": "visie_en_beleid",
                "levels": [{"level": "basisbekwaam", "description": "Voert een POP-gesprek."}],
            }
        )
        data["roles"][0]["key"] = "slb_nieuw"
        data["roles"][0]["targets"].append(
            {"competency": "eigen_loopbaan_sturen", "level": "vakbekwaam"}
        )
        before = len(self.framework.skill_ids)
        skill_type = Exchange._load_framework(exchange.load_document(data))
        self.assertEqual(skill_type, self.framework)
        self.assertEqual(len(self.framework.skill_ids), before + 1)
        new_role = self.env["lob.role"].search([("key", "=", "slb_nieuw")])
        self.assertEqual(len(new_role.target_ids), len(self.slb.target_ids) + 1)
        added = self.framework.skill_ids.filtered(lambda s: s.lob_key == "eigen_loopbaan_sturen")
        self.assertEqual(
            added.lob_level_description_ids.skill_level_id, self.levels["basisbekwaam"]
        )

    def test_export_round_trip_of_framework_and_roles(self):
        text = self.env["lob.exchange"]._export_framework_document(self.framework)
        document = exchange.load_document(text)
        self.assertEqual(document.framework.key, "raamwerk_lob")
        self.assertEqual(
            {c.key for c in document.framework.competencies},
            set(self.framework.skill_ids.mapped("lob_key")),
        )
        self.assertIn("slb", {role.key for role in document.roles})


@tagged("post_install", "-at_install")
class TestCompetencyTargets(LobCompetencyCommon):
    def test_target_is_the_highest_level_of_current_roles(self):
        self._assign(self.employee, self.slb)
        self._assign(self.employee, self.coach)
        targets = self.employee._lob_targets()[self.employee.id]
        # SLB asks vakbekwaam, loopbaancoach excellent
        self.assertEqual(targets[self.skills["loopbaandialoog_voeren"]], self.levels["excellent"])
        # both ask it, the coach higher
        self.assertEqual(targets[self.skills["kent_lob_visie"]], self.levels["vakbekwaam"])
        # only the coach asks it
        self.assertEqual(
            targets[self.skills["complexe_keuzes_begeleiden"]], self.levels["vakbekwaam"]
        )
        self.assertNotIn(self.skills["lob_in_personeelsbeleid"], targets)

    def test_ended_and_future_roles_set_no_target(self):
        self._assign(self.employee, self.slb)
        self._assign(
            self.employee,
            self.coach,
            date_from=fields.Date.add(self.today, years=-2),
            date_to=fields.Date.add(self.today, days=-1),
        )
        self._assign(
            self.employee, self.team_leader_role, date_from=fields.Date.add(self.today, days=1)
        )
        targets = self.employee._lob_targets()[self.employee.id]
        self.assertEqual(targets[self.skills["loopbaandialoog_voeren"]], self.levels["vakbekwaam"])
        self.assertNotIn(self.skills["lob_in_personeelsbeleid"], targets)
        current = self.env["lob.role.assignment"].search(
            [("employee_id", "=", self.employee.id), ("is_current", "=", True)]
        )
        self.assertEqual(current.role_id, self.slb)
        self.assertEqual(
            self.slb.assignment_count,
            1
            + self.env["lob.role.assignment"].search_count(
                [
                    ("role_id", "=", self.slb.id),
                    ("is_current", "=", True),
                    ("employee_id", "!=", self.employee.id),
                ]
            ),
        )

    def test_assignment_takes_the_employee_team(self):
        assignment = self._assign(self.colleague, self.slb)
        self.assertEqual(assignment.department_id, self.other_team)
        self.assertEqual(assignment.company_id, self.company)


@tagged("post_install", "-at_install")
class TestCompetencyBadInput(LobCompetencyCommon):
    def test_role_target_on_a_level_of_another_skill_type(self):
        languages = self.env["hr.skill.type"].create(
            {
                "name": "Talen (test)",
                "skill_ids": [fields.Command.create({"name": "Duits"})],
                "skill_level_ids": [fields.Command.create({"name": "B2", "level_progress": 60})],
            }
        )
        with self.assertRaisesRegex(ValidationError, "B2.*not on the scale"):
            self.slb.write(
                {
                    "target_ids": [
                        fields.Command.create(
                            {
                                "skill_id": self.skills["lob_in_personeelsbeleid"].id,
                                "skill_level_id": languages.skill_level_ids.id,
                            }
                        )
                    ]
                }
            )
        with self.assertRaisesRegex(ValidationError, "Duits.*not part of the framework"):
            self.slb.write(
                {
                    "target_ids": [
                        fields.Command.create(
                            {
                                "skill_id": languages.skill_ids.id,
                                "skill_level_id": self.levels["basisbekwaam"].id,
                            }
                        )
                    ]
                }
            )

    def test_negative_hours_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "Eva Employee.*cannot be negative"):
            self._assign(self.employee, self.slb, hours=-5)
        with self.assertRaisesRegex(ValidationError, "Intervisie.*cannot be negative"):
            self.env["lob.professionalisation"].create(
                {"employee_id": self.employee.id, "name": "Intervisie", "hours": -1}
            )
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.company.lob_professionalisation_norm = -59

    def test_assignment_ending_before_it_starts(self):
        with self.assertRaisesRegex(ValidationError, "cannot end .* before it starts"):
            self._assign(
                self.employee,
                self.slb,
                date_from=datetime.date(2026, 8, 1),
                date_to=datetime.date(2026, 7, 31),
            )

    def test_assessment_level_outside_the_competency_scale(self):
        languages = self.env["hr.skill.type"].create(
            {
                "name": "Talen (test)",
                "skill_level_ids": [fields.Command.create({"name": "C1", "level_progress": 80})],
            }
        )
        talk = self._talk(self.employee)
        with self.assertRaisesRegex(ValidationError, "C1.*not on the scale"):
            self.env["lob.talk.assessment"].create(
                {
                    "talk_id": talk.id,
                    "skill_id": self.skills["kent_lob_visie"].id,
                    "agreed_level_id": languages.skill_level_ids.id,
                }
            )


@tagged("post_install", "-at_install")
class TestCompetencyAssessments(LobCompetencyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._assign(cls.employee, cls.slb)
        cls.assessed_on = fields.Date.add(cls.today, days=-60)
        cls.current = cls._set_level(
            cls.employee, "loopbaandialoog_voeren", "basisbekwaam", log_date=cls.assessed_on
        )
        cls.talk = cls._talk(cls.employee)
        cls.signed_on = fields.Date.add(cls.today, days=-30)

    def _history(self, skill_key):
        return self.env["hr.employee.skill.log"].search(
            [("employee_id", "=", self.employee.id), ("skill_id", "=", self.skills[skill_key].id)]
        )

    def _agree(self, skill_key, level_key):
        line = self.talk.assessment_ids.filtered(lambda a: a.skill_id.lob_key == skill_key)
        line.write(
            {
                "self_level_id": self.levels[level_key].id,
                "manager_level_id": self.levels[level_key].id,
                "agreed_level_id": self.levels[level_key].id,
                "justification": "Voert de gesprekken zelfstandig.",
            }
        )
        return line

    def test_prepare_creates_a_line_per_role_competency(self):
        lines = self.talk._lob_prepare_assessments()
        self.assertEqual(lines.skill_id, self.slb.target_ids.skill_id)
        dialogue = lines.filtered(lambda a: a.skill_id.lob_key == "loopbaandialoog_voeren")
        self.assertEqual(dialogue.current_level_id, self.levels["basisbekwaam"])
        self.assertEqual(dialogue.target_level_id, self.levels["vakbekwaam"])
        self.assertFalse(
            lines.filtered(lambda a: a.skill_id.lob_key == "kent_lob_visie").current_level_id
        )
        # preparing again adds only what a new role asks
        self._assign(self.employee, self.coach)
        added = self.talk._lob_prepare_assessments()
        self.assertEqual(
            added.skill_id, self.coach.target_ids.skill_id - self.slb.target_ids.skill_id
        )
        self.assertEqual(len(self.talk.assessment_ids), len(lines) + len(added))

    def test_prepare_queries_do_not_grow_with_talks(self):
        others = self.env["hr.employee"].create(
            [{"name": f"SLB'er {n}", "department_id": self.team.id} for n in range(3)]
        )
        for employee in others:
            self._assign(employee, self.slb)
            self._assign(employee, self.coach)
        talks = self.env["lob.talk"].create(
            [{"template_id": self.template.id, "employee_id": e.id} for e in others]
        )
        self.env.invalidate_all()
        with self.assertQueryCount(15):
            self.talk._lob_prepare_assessments()
        self.env.invalidate_all()
        with self.assertQueryCount(15):
            lines = talks._lob_prepare_assessments()
        self.assertEqual(
            len(lines), 3 * len(self.slb.target_ids.skill_id | self.coach.target_ids.skill_id)
        )

    def test_signing_applies_agreed_levels_dated_at_signing(self):
        self.talk._lob_prepare_assessments()
        self._agree("loopbaandialoog_voeren", "vakbekwaam")
        self._agree("kent_lob_visie", "basisbekwaam")
        self._set_state(self.talk, "signed")
        self.talk._lob_apply_agreed_levels(self.signed_on)
        self.assertEqual(self.current.skill_level_id, self.levels["vakbekwaam"])
        vision = self.employee.employee_skill_ids.filtered(
            lambda s: s.skill_id.lob_key == "kent_lob_visie"
        )
        self.assertEqual(vision.skill_level_id, self.levels["basisbekwaam"])
        history = self._history("loopbaandialoog_voeren")
        self.assertEqual(
            [(log.date, log.skill_level_id) for log in history.sorted("date")],
            [
                (self.assessed_on, self.levels["basisbekwaam"]),
                (self.signed_on, self.levels["vakbekwaam"]),
            ],
        )
        self.assertEqual(self._history("kent_lob_visie").date, self.signed_on)
        self.assertEqual(
            set(self.talk.assessment_ids.filtered("agreed_level_id").mapped("applied_on")),
            {self.signed_on},
        )
        # competencies without an agreed level are left alone
        self.assertFalse(
            self.employee.employee_skill_ids.filtered(
                lambda s: s.skill_id.lob_key == "samenwerken_in_team"
            )
        )

    def test_signed_assessments_are_locked(self):
        self.talk._lob_prepare_assessments()
        line = self._agree("loopbaandialoog_voeren", "vakbekwaam")
        self._set_state(self.talk, "signed")
        with self.assertRaisesRegex(UserError, "is signed"):
            line.agreed_level_id = self.levels["excellent"]

    def test_unsigned_or_cancelled_talk_changes_nothing(self):
        self.talk._lob_prepare_assessments()
        self._agree("loopbaandialoog_voeren", "excellent")
        history = self._history("loopbaandialoog_voeren")
        for state in ("planned", "preparation", "held", "cancelled"):
            self._set_state(self.talk, state)
            self.talk._lob_apply_agreed_levels(self.signed_on)
            self.assertEqual(self.current.skill_level_id, self.levels["basisbekwaam"])
            self.assertEqual(self._history("loopbaandialoog_voeren"), history)
            self.assertFalse(self.talk.assessment_ids.filtered("applied_on"))

    def test_cancelled_talk_gets_no_assessments(self):
        self._set_state(self.talk, "cancelled")
        self.assertFalse(self.talk._lob_prepare_assessments())


@tagged("post_install", "-at_install")
class TestProfessionalisation(LobCompetencyCommon):
    def test_hours_done_this_year_against_the_company_norm(self):
        Activity = self.env["lob.professionalisation"]
        last_year = fields.Date.add(self.today, years=-1)
        Activity.create(
            [
                {
                    "employee_id": self.employee.id,
                    "name": "Training loopbaandialoog",
                    "hours": 16,
                    "state": "done",
                    "kind": "training",
                    "skill_ids": [fields.Command.link(self.skills["loopbaandialoog_voeren"].id)],
                },
                {
                    "employee_id": self.employee.id,
                    "name": "Intervisie",
                    "hours": 6,
                    "state": "done",
                    "kind": "intervision",
                },
                {
                    "employee_id": self.employee.id,
                    "name": "Congres",
                    "hours": 8,
                    "state": "planned",
                    "kind": "conference",
                },
                {
                    "employee_id": self.employee.id,
                    "name": "Vorig jaar",
                    "hours": 30,
                    "state": "done",
                    "date": last_year,
                },
            ]
        )
        self.assertEqual(self.employee.lob_professionalisation_hours, 22)
        self.assertEqual(self.employee.lob_professionalisation_norm, 59)
        self.company.lob_professionalisation_norm = 40
        self.assertEqual(self.employee.lob_professionalisation_norm, 40)
        action = self.employee.action_lob_professionalisation()
        self.assertEqual(sorted(Activity.search(action["domain"]).mapped("hours")), [6, 8, 16, 30])

    def test_activity_carries_out_an_agreement_of_the_same_employee(self):
        agreements = self.env["lob.talk.agreement"].create(
            [
                {"talk_id": self._talk(employee).id, "description": "Volg de training"}
                for employee in (self.employee, self.colleague)
            ]
        )
        activity = self.env["lob.professionalisation"].create(
            {
                "employee_id": self.employee.id,
                "name": "Training loopbaandialoog",
                "agreement_id": agreements[0].id,
            }
        )
        self.assertEqual(activity.agreement_id.talk_id.employee_id, self.employee)
        with self.assertRaisesRegex(ValidationError, "made with another employee"):
            activity.agreement_id = agreements[1]


@tagged("post_install", "-at_install")
class TestFrameworkExchangeWizards(LobCompetencyCommon):
    def _import(self, data):
        wizard = (
            self.env["lob.exchange.import.wizard"]
            .with_user(self.officer_user)
            .create({"data": base64.b64encode(json.dumps(data).encode()), "filename": "f.json"})
        )
        return wizard.action_import()

    def test_export_and_reimport_through_the_wizards_duplicates_nothing(self):
        action = self.framework.with_user(self.officer_user).action_lob_export_json()
        wizard = self.env["lob.exchange.export.wizard"].search([], order="id desc", limit=1)
        self.assertIn(f"id={wizard.id}", action["url"])
        self.assertEqual(wizard.filename, "raamwerk_lob.lob.json")
        data = json.loads(base64.b64decode(wizard.data))
        counts = (
            len(self.framework.skill_ids),
            len(self.framework.skill_level_ids),
            self.env["lob.role"].search_count([]),
        )
        data["framework"]["competencies"].append(
            {"key": "netwerk_benutten", "name": "Benut het netwerk", "area": "samenwerking"}
        )
        action = self._import(data)
        self.assertEqual(action["res_id"], self.framework.id)
        self.assertEqual(
            (
                len(self.framework.skill_ids),
                len(self.framework.skill_level_ids),
                self.env["lob.role"].search_count([]),
            ),
            (counts[0] + 1, counts[1], counts[2]),
        )

    def test_a_new_framework_becomes_a_new_lob_skill_type(self):
        data = {
            "format": "lob-hrm-exchange",
            "version": 1,
            "framework": {
                "key": "bpv_kader",
                "name": "Kader BPV-begeleiding",
                "levels": [
                    {"key": "basis", "name": "Basis", "rank": 1},
                    {"key": "gevorderd", "name": "Gevorderd", "rank": 2},
                ],
                "areas": [{"key": "begeleiding", "name": "Begeleiding"}],
                "competencies": [
                    {
                        "key": "matchen",
                        "name": "Matcht student en leerbedrijf",
                        "area": "begeleiding",
                    }
                ],
            },
            "roles": [
                {
                    "key": "praktijkbegeleider",
                    "name": "Praktijkbegeleider",
                    "group": "primary",
                    "targets": [{"competency": "matchen", "level": "gevorderd"}],
                }
            ],
        }
        action = self._import(data)
        skill_type = self.env["hr.skill.type"].browse(action["res_id"])
        self.assertTrue(skill_type.lob_profile)
        self.assertEqual(
            skill_type.skill_level_ids.sorted("level_progress").mapped("level_progress"), [50, 100]
        )
        role = self.env["lob.role"].search([("key", "=", "praktijkbegeleider")])
        self.assertEqual(role.skill_type_id, skill_type)
        self.assertEqual(role.target_ids.skill_level_id.name, "Gevorderd")

    def test_bad_framework_file_changes_nothing(self):
        data = {
            "format": "lob-hrm-exchange",
            "version": 1,
            "roles": [
                {
                    "key": "zwevend",
                    "name": "Zwevende rol",
                    "group": "primary",
                    "targets": [{"competency": "onbekend", "level": "basis"}],
                }
            ],
        }
        with self.assertRaisesRegex(UserError, "nothing was changed"):
            self._import(data)
        self.assertFalse(self.env["lob.role"].search([("key", "=", "zwevend")]))


@tagged("post_install", "-at_install")
class TestApplyQueries(LobCompetencyCommon):
    def test_applying_queries_grow_only_with_hr_skills_bookkeeping(self):
        employees = self.env["hr.employee"].create(
            [{"name": f"Coach {n}", "department_id": self.team.id} for n in range(4)]
        )
        for employee in employees:
            self._assign(employee, self.slb)
            self._set_level(employee, "kent_lob_visie", "startbekwaam")
        talks = self.env["lob.talk"].create(
            [{"template_id": self.template.id, "employee_id": e.id} for e in employees]
        )
        talks._lob_prepare_assessments()
        talks.assessment_ids.write({"agreed_level_id": self.levels["vakbekwaam"].id})
        self._set_state(talks, "signed")
        signed_on = fields.Date.add(self.today, days=-1)
        # Our own queries are batched; hr_skills' stored many2many hr.employee.skill_ids
        # adds one SELECT and one INSERT per employee whose skills change, whatever we do.
        self.env.invalidate_all()
        with self.assertQueryCount(22):
            talks[0]._lob_apply_agreed_levels(signed_on)
        self.env.invalidate_all()
        with self.assertQueryCount(22 + 2 * 2):
            talks[1:]._lob_apply_agreed_levels(signed_on)
        skills = self.env["hr.employee.skill"].search(
            [("employee_id", "in", employees.ids), ("skill_type_id", "=", self.framework.id)]
        )
        self.assertEqual(len(skills), 4 * len(self.slb.target_ids))
        self.assertEqual(set(skills.mapped("skill_level_id")), {self.levels["vakbekwaam"]})


@tagged("post_install", "-at_install")
class TestAssessmentsInTheTalkWorkflow(LobCompetencyCommon):
    """Through the talk's own buttons, acting as its parties."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._assign(cls.employee, cls.slb)
        cls.dialogue = cls._set_level(cls.employee, "loopbaandialoog_voeren", "basisbekwaam")
        cls.talk = cls._talk(cls.employee, planned_date=fields.Datetime.now())

    def _agreed_in_held_talk(self, level_key):
        talk = self.talk.with_user(self.manager_user)
        talk.action_start_preparation()
        line = talk.assessment_ids.filtered(
            lambda a: a.skill_id.lob_key == "loopbaandialoog_voeren"
        )
        line.with_user(self.employee_user).self_level_id = self.levels[level_key]
        line.write(
            {
                "manager_level_id": self.levels[level_key].id,
                "agreed_level_id": self.levels[level_key].id,
            }
        )
        self._set_state(self.talk, "held")
        return line

    def test_preparation_loads_the_competencies_of_the_roles(self):
        self.talk.with_user(self.manager_user).action_start_preparation()
        self.assertEqual(self.talk.assessment_ids.skill_id, self.slb.target_ids.skill_id)

    def test_both_signatures_apply_the_agreed_levels(self):
        line = self._agreed_in_held_talk("vakbekwaam")
        self.talk.with_user(self.employee_user).action_sign()
        self.assertEqual(self.dialogue.skill_level_id, self.levels["basisbekwaam"])
        self.talk.with_user(self.manager_user).action_sign()
        self.assertEqual(self.talk.state, "signed")
        self.assertEqual(self.dialogue.skill_level_id, self.levels["vakbekwaam"])
        signed_on = fields.Date.context_today(self.talk, self.talk.conductor_signed_date)
        self.assertEqual(line.applied_on, signed_on)
        log = self.env["hr.employee.skill.log"].search(
            [("employee_id", "=", self.employee.id), ("skill_id", "=", line.skill_id.id)]
        )
        self.assertEqual(
            log.filtered(lambda x: x.date == signed_on).skill_level_id, line.agreed_level_id
        )

    def test_cancelled_or_reopened_talk_changes_nothing(self):
        self._agreed_in_held_talk("excellent")
        self.talk.with_user(self.manager_user).action_cancel()
        self.assertEqual(self.dialogue.skill_level_id, self.levels["basisbekwaam"])

    def test_reopened_talk_applies_again_only_when_signed_again(self):
        line = self._agreed_in_held_talk("vakbekwaam")
        self.talk.with_user(self.employee_user).action_sign()
        self.talk.with_user(self.manager_user).action_sign()
        self.talk.with_user(self.officer_user)._lob_reopen("Niveau klopt niet")
        self.assertEqual(self.talk.state, "held")
        line.with_user(self.manager_user).agreed_level_id = self.levels["excellent"]
        self.assertEqual(self.dialogue.skill_level_id, self.levels["vakbekwaam"])
        self.talk.with_user(self.employee_user).action_sign()
        self.talk.with_user(self.manager_user).action_sign()
        self.assertEqual(self.dialogue.skill_level_id, self.levels["excellent"])
