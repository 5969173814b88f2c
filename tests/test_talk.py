# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta
from unittest.mock import patch

from markupsafe import escape

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Command
from odoo.tests import tagged

from odoo.addons.lob_hrm.models.lob_talk import LobTalk

from .test_talk_common import LobTalkCommon


@tagged("post_install", "-at_install")
class TestTalkFlow(LobTalkCommon):
    def test_whole_flow_as_the_users(self):
        # The conductor plans: the talk follows the template, phase by phase.
        talk = self._create_talk()
        self.assertEqual(talk.conductor_id, self.emp_manager, "defaults to the manager")
        self.assertEqual(talk.department_id, self.team)
        prompts = self.template.prompt_ids
        self.assertEqual(len(talk.answer_ids.filtered("prompt_id")), len(prompts))
        self.assertEqual(
            talk.answer_ids.filtered("display_type").section_id, self.template.section_ids
        )
        phases = [a.phase for a in talk.answer_ids if a.display_type]
        self.assertEqual(phases, ["look_back", "reflection", "look_ahead", "action"])
        talk.with_user(self.manager).action_start_preparation()
        self.assertEqual(talk.state, "preparation")
        todo = talk.activity_ids.filtered(lambda a: a.user_id == self.employee)
        self.assertEqual(todo.date_deadline, talk.preparation_deadline)
        own_question = prompts.filtered(lambda p: p.respondent == "coachee")[:1].text
        self.assertIn(
            str(escape(own_question)),
            talk.message_ids[:1].body,
            "the invitation lists the employee's own preparation questions",
        )

        # The employee prepares; the conductor cannot read it yet.
        self._fill(talk, "employee", self.employee, "Eva thinks")
        eva_lines = self._lines(talk, "employee", self.employee)
        self.assertTrue(eva_lines)
        self.assertFalse(self._lines(talk, "employee", self.manager))
        with self.assertRaises(AccessError):
            eva_lines.with_user(self.manager).read(["value_text"])
        # ... and the conductor's own preparation stays with the conductor.
        self._fill(talk, "manager", self.manager, "Mark thinks")
        self.assertFalse(self._lines(talk, "manager", self.employee))
        # nobody writes another party's answers
        with self.assertRaises(AccessError):
            eva_lines[:1].with_user(self.manager).write({"value_text": "x"})

        # The employee shares: now the conductor reads it.
        talk.with_user(self.employee).action_share_employee()
        self.assertEqual(self._lines(talk, "employee", self.manager), eva_lines)
        self.assertFalse(talk.activity_ids.filtered(lambda a: a.user_id == self.employee))

        # Held: the agreement prompt becomes an agreement; both are asked to sign.
        self._fill(talk, "together", self.manager, "Together we agree")
        talk.with_user(self.manager).action_held()
        self.assertEqual(talk.state, "held")
        agreement = talk.agreement_ids
        self.assertEqual(len(agreement), 1)
        self.assertIn("Together we agree", agreement.description)
        talk.with_user(self.manager).write(
            {
                "agreement_ids": [
                    Command.create(
                        {
                            "description": "Follow the intervision training",
                            "owner": "employee",
                            "deadline": fields.Date.today() + timedelta(days=90),
                            "dimension_id": self.dimensions["networking"].id,
                        }
                    )
                ]
            }
        )
        self.assertEqual(len(talk.agreement_ids), 2)
        self.assertEqual(
            talk.activity_ids.filtered(lambda a: a.summary == "Sign the talk").user_id,
            self.employee | self.manager,
        )

        # Both sign; the employee records disagreement, which stays.
        talk.with_user(self.employee).write(
            {"employee_sign_remark": "I see the workload differently.", "employee_disagrees": True}
        )
        with patch.object(LobTalk, "_lob_on_signed", autospec=True) as on_signed:
            talk.with_user(self.employee).action_sign()
            self.assertEqual(talk.state, "held")
            with self.assertRaisesRegex(UserError, "already signed"):
                talk.with_user(self.employee).action_sign()
            talk.with_user(self.manager).action_sign()
            self.assertEqual(on_signed.call_count, 1)
        self.assertEqual(talk.state, "signed")
        self.assertEqual(talk.employee_signed_by_id, self.employee)
        self.assertTrue(talk.employee_disagrees)

        # Locked for everybody, HR included; only the progress of agreements moves on.
        for user in (self.employee, self.manager, self.officer):
            with self.assertRaisesRegex(UserError, "signed and locked"):
                talk.with_user(user).write({"planned_date": fields.Datetime.now()})
            with self.assertRaisesRegex(UserError, "signed and locked"):
                talk.with_user(user).unlink()
            with self.assertRaisesRegex(UserError, "signed and locked"):
                agreement.with_user(user).write({"description": "Something else"})
            with self.assertRaisesRegex(UserError, "signed and locked"):
                agreement.with_user(user).unlink()
        with self.assertRaisesRegex(UserError, "signed and locked"):
            eva_lines[:1].with_user(self.employee).write({"value_text": "changed my mind"})
        with self.assertRaisesRegex(UserError, "signed and locked"):
            self.Agreement.with_user(self.manager).create(
                {"talk_id": talk.id, "description": "Late addition"}
            )
        agreement.with_user(self.employee).write(
            {"status": "done", "closing_remark": "Took the step."}
        )
        self.assertEqual(agreement.status, "done")

        # HR reopens with a reason, in the chatter; the talk must be signed again.
        with self.assertRaises(AccessError):
            talk.with_user(self.manager).action_open_reopen_wizard()
        wizard = (
            self.env["lob.talk.reopen.wizard"]
            .with_user(self.officer)
            .create({"talk_id": talk.id, "reason": "Wrong date recorded"})
        )
        wizard.action_reopen()
        self.assertEqual(talk.state, "held")
        self.assertFalse(talk.employee_signed_date or talk.conductor_signed_date)
        self.assertTrue(
            any(
                "Wrong date recorded" in message.body and "Olga Officer" in message.body
                for message in talk.message_ids
            )
        )
        talk.with_user(self.employee).action_sign()
        talk.with_user(self.manager).action_sign()
        self.assertEqual(talk.state, "signed")

        # The next talk shows the open agreements under "look back".
        next_talk = self._create_talk(planned_date=fields.Datetime.now() + timedelta(days=300))
        open_agreements = talk.agreement_ids.filtered(lambda a: a.status == "open")
        self.assertTrue(open_agreements)
        self.assertEqual(next_talk.with_user(self.employee).previous_agreement_ids, open_agreements)
        self.assertIn(
            agreement,
            self.Agreement.with_user(self.employee).search(
                [("employee_id.user_id", "=", self.employee.id)]
            ),
            "My development actions lists all of them",
        )

    def test_required_prompt_blocks_held(self):
        talk = self._create_talk()
        talk.with_user(self.manager).action_start_preparation()
        required = self.template.prompt_ids.filtered("required")
        with self.assertRaises(UserError) as caught:
            talk.with_user(self.manager).action_held()
        for prompt in required:
            self.assertIn(prompt.text, str(caught.exception))
        self.assertIn(talk.name, str(caught.exception))
        self.assertEqual(talk.state, "preparation")


@tagged("post_install", "-at_install")
class TestTalkFaults(LobTalkCommon):
    def test_template_must_be_published_staff(self):
        draft = self.template.copy()
        self.assertEqual(draft.state, "draft")
        for template in (draft, self.student_template):
            with self.assertRaisesRegex(ValidationError, "published staff template"):
                self._create_talk(template=template, user=self.officer)

    def test_conductor_is_not_the_employee(self):
        with self.assertRaisesRegex(ValidationError, "cannot conduct their own talk"):
            self._create_talk(conductor_id=self.emp_employee.id, user=self.officer)

    def test_employee_of_another_company(self):
        foreign = self.env["hr.employee"].create(
            {"name": "Fenna Foreign", "company_id": self.other_company.id}
        )
        count = self.Talk.search_count([])
        with self.assertRaisesRegex(UserError, "Fenna Foreign"):
            self._create_talk(employee=foreign, conductor_id=False, user=self.officer)
        self.assertEqual(self.Talk.search_count([]), count)

    def test_states_cannot_be_skipped_or_forced(self):
        talk = self._create_talk()
        with self.assertRaisesRegex(UserError, "only become held from preparation"):
            talk.with_user(self.manager).action_held()
        with self.assertRaisesRegex(UserError, "cannot sign"):
            talk.with_user(self.employee).action_sign()
        with self.assertRaisesRegex(UserError, "change through its buttons only"):
            talk.with_user(self.officer).write({"state": "done"})
        with self.assertRaisesRegex(UserError, "buttons only"):
            talk.with_user(self.employee).write({"employee_shared": True})
        self.assertEqual(talk.state, "planned")

    def test_who_may_do_what(self):
        talk = self._create_talk()
        with self.assertRaisesRegex(AccessError, "Only the conductor or HR"):
            talk.with_user(self.employee).action_start_preparation()
        with self.assertRaisesRegex(AccessError, "Only HR"):
            talk.with_user(self.employee).write({"conductor_id": self.emp_colleague.id})
        with self.assertRaisesRegex(AccessError, "Only HR"):
            talk.with_user(self.manager).write({"conductor_id": self.emp_top.id})
        talk.with_user(self.officer).write({"conductor_id": self.emp_top.id})
        self.assertEqual(talk.conductor_user_id, self.top)
        talk.with_user(self.top).action_start_preparation()
        with self.assertRaisesRegex(AccessError, "Only Eva Employee can share"):
            talk.with_user(self.top).action_share_employee()

    def test_started_talk_is_cancelled_not_deleted(self):
        talk = self._create_talk()
        talk.with_user(self.manager).action_start_preparation()
        with self.assertRaisesRegex(UserError, "cancel it instead"):
            talk.with_user(self.officer).unlink()
        talk.with_user(self.manager).action_cancel()
        talk.with_user(self.officer).unlink()
        self.assertFalse(talk.exists())

    def test_employee_with_talks_is_not_deleted(self):
        talk = self._create_talk()
        with self.assertRaisesRegex(UserError, "Eva Employee takes part in staff talks"):
            self.emp_employee.unlink()
        self.assertTrue(talk.exists())
        self.emp_employee.action_archive()
        self.assertTrue(talk.exists())

    def test_overdue_cron_is_idempotent(self):
        late = self._create_talk(planned_date=fields.Datetime.now() - timedelta(days=2))
        on_time = self._create_talk()
        cron = self.env.ref("lob_hrm.lob_talk_cron_overdue")
        self.assertEqual(cron.interval_type, "days")
        for _run in range(2):
            self.Talk._cron_update_overdue()
            self.assertTrue(late.is_overdue)
            self.assertFalse(on_time.is_overdue)
        late.with_user(self.manager).write(
            {"planned_date": fields.Datetime.now() + timedelta(days=1)}
        )
        self.Talk._cron_update_overdue()
        self.assertFalse(late.is_overdue)
        self.assertEqual(
            self.Talk.with_user(self.manager).search(
                [("is_overdue", "=", True), ("id", "=", late.id)]
            ),
            self.Talk,
        )
