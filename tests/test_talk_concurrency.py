# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from .test_talk_common import LobTalkCommon


@tagged("post_install", "-at_install")
class TestTalkConcurrency(LobTalkCommon):
    """What the load benchmark (bench/bench_load.py) found: both parties saving answers at
    once conflicted on the talk's row, and the buttons sent their mails inside the request."""

    def _prepared_talk(self):
        talk = self._create_talk()
        talk.with_user(self.manager).action_start_preparation()
        return talk

    def test_answer_save_leaves_the_talk_row_alone(self):
        talk = self._prepared_talk()
        talk.env.flush_all()
        talk.env.invalidate_all()
        writer = talk.write_uid
        line = self._lines(talk, "employee", self.employee)[:1]
        other = self._lines(talk, "manager", self.manager)[:1]
        self.assertTrue(line and other)
        as_employee = talk.with_user(self.employee)
        talk.env.invalidate_all()  # as a fresh request: the manager's lines are not cached
        as_employee.web_save(
            {"answer_ids": [Command.update(line.id, {"value_text": "My workload"})]},
            {"answer_ids": {"fields": {"value_text": {}}}},
        )
        talk.env.flush_all()
        talk.invalidate_recordset()
        self.assertEqual(line.value_text, "My workload")
        # the talk itself was not updated: no write conflict with the conductor's saves
        self.assertEqual(talk.write_uid, writer)
        self.assertNotEqual(talk.write_uid, self.employee)
        # the answer's own rules still hold on this path
        with self.assertRaises(AccessError):
            as_employee.write({"answer_ids": [Command.update(other.id, {"value_text": "x"})]})
        with self.assertRaises(UserError):
            as_employee.write({"answer_ids": [Command.update(line.id, {"display_type": False})]})
        # another talk's answer is not written through this talk
        second = self._create_talk(employee=self.emp_colleague)
        with self.assertRaises(AccessError):
            second.with_user(self.manager).write(
                {"answer_ids": [Command.update(line.id, {"value_text": "Not mine"})]}
            )
        self.assertEqual(line.value_text, "My workload")

    def test_answer_save_refused_on_a_signed_talk(self):
        talk = self._prepared_talk()
        line = self._lines(talk, "employee", self.employee)[:1]
        talk.sudo().with_context(lob_talk_internal=True).write({"state": "signed"})
        with self.assertRaises(UserError):
            talk.with_user(self.employee).write(
                {"answer_ids": [Command.update(line.id, {"value_text": "Too late"})]}
            )

    def test_mails_are_queued_not_sent_in_the_request(self):
        talk = self._prepared_talk()
        mails = (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "lob.talk"), ("res_id", "=", talk.id)])
        )
        self.assertTrue(mails, "the invitation is mailed")
        # what Odoo runs after the request's commit: nothing sends these mails there
        self.env.cr.postcommit.run()
        self.assertEqual(set(mails.exists().mapped("state")), {"outgoing"})
        self.assertEqual(len(mails.exists()), len(mails))
