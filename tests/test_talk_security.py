# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import escape

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from .common import or_nothing
from .test_talk_common import LobTalkCommon

NOTE = "Mark's private worry about Eva's workload"


@tagged("post_install", "-at_install")
class TestTalkAccessMatrix(LobTalkCommon):
    """Every kind of user against the talk, each party's answers, the private note, the
    agreements and the report: through read, search_read, read_group and export_data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.talk = cls._create_talk(participant_ids=[Command.set(cls.participant.ids)])
        cls.talk.with_user(cls.manager).action_start_preparation()
        cls._fill(cls.talk, "employee", cls.employee, "EVA-PREP")
        cls._fill(cls.talk, "manager", cls.manager, "MARK-PREP")
        cls._fill(cls.talk, "together", cls.manager, "TOGETHER")
        cls.talk.with_user(cls.manager).private_note = NOTE
        cls.talk.with_user(cls.manager).write(
            {"agreement_ids": [Command.create({"description": "Mentor a new colleague"})]}
        )
        cls.env.invalidate_all()
        lines = cls.talk.sudo().answer_ids.filtered("prompt_id")
        cls.parts = {
            party: lines.filtered(lambda a, p=party: a.party == p)
            for party in ("employee", "manager", "together")
        }
        cls.note = cls.Note.sudo().search([("talk_id", "=", cls.talk.id)])
        cls.users = {
            "employee": cls.employee,
            "colleague": cls.colleague,
            "manager": cls.manager,
            "top": cls.top,
            "other_manager": cls.other_manager,
            "participant": cls.participant,
            "officer": cls.officer,
            "other_officer": cls.other_user,
        }
        cls.talk_readers = {"employee", "manager", "top", "participant", "officer"}
        # export rights, so that only the record rules can refuse an export
        export = cls.env.ref("base.group_allow_export")
        for user in cls.users.values():
            user.groups_id = [Command.link(export.id)]

    def _assert_access(self, who, records, allowed):
        """``who`` reads all of ``records`` (allowed) or none of them, through every channel."""
        user = self.users[who]
        self.env.invalidate_all()
        model = self.env[records._name].with_user(user)
        domain = [("id", "in", records.ids)]
        label = f"{who} on {records._name}"
        # a model the user has no access right on at all refuses the search itself
        found = or_nothing(lambda: model.search_read(domain, ["id"]))
        groups = or_nothing(lambda: model.read_group(domain, ["company_id"], ["company_id"]))
        counted = sum(group["company_id_count"] for group in groups)
        self.assertEqual(len(found), len(records) if allowed else 0, label)
        self.assertEqual(counted, len(records) if allowed else 0, label)
        if allowed:
            records.with_user(user).read(["company_id"])
            exported = records.with_user(user).export_data(["company_id"])["datas"]
            self.assertEqual(len(exported), len(records), label)
        else:
            with self.assertRaises(AccessError, msg=label):
                records.with_user(user).read(["company_id"])
            with self.assertRaises(AccessError, msg=label):
                records.with_user(user).export_data(["company_id"])

    def _report_html(self, who):
        self.env.invalidate_all()
        report = self.env["ir.actions.report"].with_user(self.users[who])
        html, _format = report._render_qweb_html("lob_hrm.lob_talk_report", self.talk.ids)
        return html.decode()

    def _check_matrix(self, employee_shared, manager_shared):
        for who in self.users:
            sees_talk = who in self.talk_readers
            self._assert_access(who, self.talk, sees_talk)
            self._assert_access(who, self.talk.agreement_ids, sees_talk)
            self._assert_access(who, self.parts["together"], sees_talk)
            self._assert_access(
                who,
                self.parts["employee"],
                who == "employee" or (employee_shared and sees_talk),
            )
            self._assert_access(
                who, self.parts["manager"], who == "manager" or (manager_shared and sees_talk)
            )
            self._assert_access(who, self.note, who == "manager")
            # the report: only for those who see the talk, never the note or what is unshared
            if not sees_talk:
                with self.assertRaises(AccessError, msg=who):
                    self._report_html(who)
                continue
            html = self._report_html(who)
            self.assertIn("TOGETHER", html, who)
            for section in self.template.section_ids:
                self.assertIn(str(escape(section.title)), html, who)
            self.assertIn("Mentor a new colleague", html, who)
            self.assertNotIn("workload", html, who)
            self.assertEqual("EVA-PREP" in html, employee_shared, who)
            self.assertEqual("MARK-PREP" in html, manager_shared, who)

    def test_matrix_before_sharing(self):
        self._check_matrix(employee_shared=False, manager_shared=False)

    def test_matrix_after_sharing(self):
        self.talk.with_user(self.employee).action_share_employee()
        self._check_matrix(employee_shared=True, manager_shared=False)
        self.talk.with_user(self.manager).action_share_manager()
        self._check_matrix(employee_shared=True, manager_shared=True)

    def test_private_note_never_reaches_the_employee(self):
        talk = self.talk.with_user(self.employee)
        for channel in (
            lambda: talk.read(["private_note"]),
            lambda: talk.export_data(["private_note"]),
            lambda: talk.search_read([("id", "=", talk.id)], ["private_note"]),
            lambda: self.Note.with_user(self.employee).browse(self.note.ids).read(["body"]),
        ):
            with self.assertRaises(AccessError):
                channel()
        Note = self.Note.with_user(self.employee)
        self.assertFalse(or_nothing(lambda: Note.search([])))
        self.assertFalse(or_nothing(lambda: Note.read_group([], ["body"], ["talk_id"])))
        # nor through the chatter and its tracking, nor through the mails sent to her
        messages = self.talk.sudo().message_ids
        self.assertTrue(messages, "the invitation was posted")
        self.assertFalse(any("workload" in (m.body or "") for m in messages))
        values = self.talk.sudo().message_ids.tracking_value_ids
        self.assertFalse(
            any("workload" in (v.old_value_char or "") + (v.new_value_char or "") for v in values)
        )
        # a manager whose own talk it is cannot read their boss's note on it either
        boss_talk = self._create_talk(employee=self.emp_manager, user=self.top)
        boss_talk.with_user(self.top).private_note = "Top's note on Mark"
        self.env.invalidate_all()
        self.assertFalse(boss_talk.with_user(self.manager).private_note)
        self.assertFalse(self.Note.with_user(self.manager).search([("talk_id", "=", boss_talk.id)]))
        self.assertEqual(boss_talk.with_user(self.top).private_note, "Top's note on Mark")

    def test_employee_cannot_write_the_other_party(self):
        self.talk.with_user(self.manager).action_share_manager()
        self.env.invalidate_all()
        mark_line = self.parts["manager"][:1].with_user(self.employee)
        self.assertTrue(mark_line.read(["value_text"]))
        with self.assertRaises(AccessError):
            mark_line.write({"value_text": "I rewrite my manager's words"})


@tagged("post_install", "-at_install")
class TestTalkHierarchyRules(LobTalkCommon):
    """The manager rules read "below the manager" from the stored chain of managers
    (hr.employee.lob_hierarchy_ids): the same employees as child_of, kept current by the ORM
    when the hierarchy changes, in the same transaction."""

    def _below(self, employees):
        self.env.flush_all()  # a plain search does not flush the many2many it filters on
        Employee = self.env["hr.employee"].with_context(active_test=False)
        return Employee.search([("lob_hierarchy_ids", "in", employees.ids)])

    def test_chain_is_child_of(self):
        # a loop as hr makes it: a team's manager who is in their own team manages themselves
        self.emp_other_manager.parent_id = self.emp_other_manager
        Employee = self.env["hr.employee"].with_context(active_test=False)
        everyone = Employee.search([])
        self.assertGreater(len(everyone), 10, "the demo data's employees count too")
        for employee in everyone:
            self.assertEqual(
                self._below(employee),
                Employee.search([("id", "child_of", employee.ids)]),
                f"below {employee.name}",
            )

    def test_a_move_in_the_hierarchy_moves_the_talks(self):
        talk = self._create_talk()
        Talk = self.Talk
        self.assertEqual(Talk.with_user(self.top).search([("id", "=", talk.id)]), talk)
        self.assertFalse(Talk.with_user(self.other_manager).search([("id", "=", talk.id)]))
        # Eva moves to Otis's team: Otis sees her talk, its shared answers and agreements;
        # Tom, above Mark, no longer does (Mark stays her conductor, the user rule)
        agreement = self.Agreement.create({"talk_id": talk.id, "description": "Mentor"})
        self.emp_employee.parent_id = self.emp_other_manager
        self.assertEqual(Talk.with_user(self.other_manager).search([("id", "=", talk.id)]), talk)
        self.assertFalse(Talk.with_user(self.top).search([("id", "=", talk.id)]))
        self.assertEqual(
            self.Agreement.with_user(self.other_manager).search([("talk_id", "=", talk.id)]),
            agreement,
        )
        self.assertFalse(self.Agreement.with_user(self.top).search([("talk_id", "=", talk.id)]))
        self.assertTrue(
            self.Answer.with_user(self.other_manager).search(
                [("talk_id", "=", talk.id), ("party", "=", "together")]
            )
        )
        # a manager higher up moves: everyone below comes along
        self.emp_manager.parent_id = self.emp_other_manager
        self.emp_employee.parent_id = self.emp_manager
        self.assertEqual(Talk.with_user(self.other_manager).search([("id", "=", talk.id)]), talk)
        self.assertFalse(Talk.with_user(self.top).search([("id", "=", talk.id)]))
        self.assertEqual(
            self._below(self.emp_other_manager),
            self.emp_other_manager | self.emp_manager | self.emp_employee | self.emp_colleague,
        )
        # an archived manager in between (hr's archiving detaches the team; a plain write
        # does not) still counts, as with child_of
        self.emp_manager.active = False
        self.assertEqual(Talk.with_user(self.other_manager).search([("id", "=", talk.id)]), talk)
