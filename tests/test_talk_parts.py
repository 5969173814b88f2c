# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rules of the talk-part mixin, once for each part (answer, note, agreement), and the
deletion of a talk with its parts."""

from odoo.exceptions import AccessError, UserError

from odoo.addons.lob_hrm.models.lob_talk_part_mixin import INTERNAL_CONTEXT_KEY, lob_as_internal

from .test_talk_common import LobTalkCommon

LOCKED = "signed and locked"


class TestTalkParts(LobTalkCommon):
    def _talk_with_parts(self):
        """A held talk with answers, the conductor's private note and an agreement."""
        talk = self._create_talk()
        talk.with_user(self.manager).action_start_preparation()
        self._fill(talk, "employee", self.employee, "Eva says")
        self._fill(talk, "manager", self.manager, "Mark says")
        self._fill(talk, "together", self.manager, "Together we agree")
        talk.with_user(self.manager).private_note = "Mark's own note"
        talk.with_user(self.manager).action_held()
        note = self.Note.search([("talk_id", "=", talk.id)])
        self.assertTrue(talk.answer_ids and note and talk.agreement_ids)
        return talk, talk.answer_ids, note, talk.agreement_ids

    def _sign(self, talk):
        talk.with_user(self.employee).action_sign()
        talk.with_user(self.manager).action_sign()
        self.assertEqual(talk.state, "signed")

    def test_parts_of_a_locked_talk_change_only_through_the_talk(self):
        talk, answers, note, agreement = self._talk_with_parts()
        answer = answers.filtered(lambda a: a.party == "manager" and not a.display_type)[:1]
        self._sign(talk)
        # write, create and unlink are refused for every part, as the user who made it
        for part, vals in (
            (answer, {"value_text": "changed"}),
            (note, {"body": "changed"}),
            (agreement, {"description": "changed"}),
        ):
            with self.assertRaisesRegex(UserError, LOCKED):
                part.with_user(self.manager).write(vals)
        for part in (note, agreement):
            with self.assertRaisesRegex(UserError, LOCKED):
                part.with_user(self.manager).unlink()
        # nobody may delete answers (access rights); even sudo code does it only as the talk
        with self.assertRaisesRegex(UserError, "cannot be deleted one by one"):
            answer.sudo().unlink()
        with self.assertRaisesRegex(UserError, LOCKED):
            self.Agreement.with_user(self.manager).create(
                {"talk_id": talk.id, "description": "Late addition"}
            )
        # a part's own open fields stay writable (the progress of an agreement)
        agreement.with_user(self.manager).write({"status": "done"})
        self.assertEqual(agreement.status, "done")
        # the context key alone does not open the door: an RPC call can send any context
        with self.assertRaisesRegex(UserError, LOCKED):
            note.with_user(self.manager).with_context(**{INTERNAL_CONTEXT_KEY: True}).write(
                {"body": "forged"}
            )
        # the internal write passes the rules, but not the access rights of the user
        with self.assertRaises(AccessError):
            note.with_user(self.employee)._lob_internal_write({"body": "Eva was here"})
        note.with_user(self.manager)._lob_internal_write({"body": "Corrected by the talk"})
        lob_as_internal(answer).write({"value_text": "Corrected by the talk"})
        self.assertEqual(note.body, "Corrected by the talk")
        self.assertEqual(answer.value_text, "Corrected by the talk")

    def test_delete_talk_without_the_right_keeps_its_parts(self):
        talk, answers, note, agreement = self._talk_with_parts()
        talk.with_user(self.manager).action_cancel()
        for user in (self.employee, self.manager):
            # no savepoint: a part removed before the refusal would stay removed
            refused = False
            try:
                talk.with_user(user).unlink()
            except AccessError:
                refused = True
            self.assertTrue(refused, f"{user.name} deleted the talk")
            self.assertTrue(talk.exists())
            self.assertEqual(answers.exists(), answers)
            self.assertEqual(note.exists(), note)
            self.assertEqual(agreement.exists(), agreement)
        # HR may: the parts go with the talk
        talk.with_user(self.officer).unlink()
        self.assertFalse(talk.exists() or answers.exists() or note.exists() or agreement.exists())
