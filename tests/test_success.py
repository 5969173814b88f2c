# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .test_talk_common import LobTalkCommon


@tagged("post_install", "-at_install")
class TestSuccess(LobTalkCommon):
    """Successes: who sees them, one reaction per person, the monthly digest and the buttons
    on a done agreement and a signed talk."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Success = cls.env["lob.success"]
        cls.hr_user = cls.officer
        cls.may = date(2026, 5, 1)
        # export rights, so that only the record rules can refuse an export
        export = cls.env.ref("base.group_allow_export")
        for user in (cls.employee, cls.colleague, cls.manager, cls.other_manager, cls.officer):
            user.groups_id = [Command.link(export.id)]
        cls.other_user.groups_id = [Command.link(export.id)]

        def success(name, user, team, visibility="team", day=None, **vals):
            return cls.Success.with_user(user).create(
                {
                    "name": name,
                    "department_id": team.id,
                    "visibility": visibility,
                    "date": day or date(2026, 5, 12),
                    **vals,
                }
            )

        cls.team_success = success(
            "Ahmed chose his internship", cls.employee, cls.team, employee_ids=[]
        )
        cls.college_success = success(
            "Open day with the vmbo", cls.other_manager, cls.other_team, "college"
        )
        cls.zorg_success = success("Zorg team lesson", cls.other_manager, cls.other_team)
        cls.april_success = success("April lesson", cls.employee, cls.team, day=date(2026, 4, 28))
        cls.other_company_success = cls.Success.with_user(cls.other_user).create(
            {
                "name": "Second college success",
                "department_id": cls.env["hr.department"]
                .create({"name": "Team Elders", "company_id": cls.other_company.id})
                .id,
                "company_id": cls.other_company.id,
                "visibility": "college",
                "date": date(2026, 5, 3),
            }
        )

    def _visible(self, user, record):
        """Whether ``user`` finds ``record`` through search_read, read, read_group and export."""
        Success = record.with_user(user).env[record._name]
        found = bool(Success.search_read([("id", "=", record.id)], ["name"]))
        groups = Success.read_group([("id", "=", record.id)], ["name"], ["name"])
        grouped = bool(groups and groups[0]["name_count"])
        self.assertEqual(found, grouped, "search_read and read_group disagree")
        try:
            record.with_user(user).read(["name"])
            readable = True
        except AccessError:
            readable = False
        self.assertEqual(found, readable, "search_read and read disagree")
        try:
            exported = bool(record.with_user(user).export_data(["name"])["datas"])
        except AccessError:
            exported = False
        self.assertEqual(found, exported, "search_read and export_data disagree")
        return found

    def test_access_per_visibility(self):
        team, college = self.team_success, self.college_success
        expectations = {
            # user: (sees the team success of Techniek, sees the college success of Zorg)
            self.employee: (True, True),
            self.colleague: (True, True),
            self.manager: (True, True),
            self.other_manager: (False, True),
            self.officer: (True, True),
            self.other_user: (False, False),
        }
        for user, (sees_team, sees_college) in expectations.items():
            with self.subTest(user=user.name):
                self.assertEqual(self._visible(user, team), sees_team)
                self.assertEqual(self._visible(user, college), sees_college)
        # the other company's college success stays in that company
        self.assertFalse(self._visible(self.employee, self.other_company_success))
        self.assertTrue(self._visible(self.other_user, self.other_company_success))
        # staff involved always see it, even from another team
        self.team_success.sudo().employee_ids = self.emp_other_manager
        self.assertTrue(self._visible(self.other_manager, team))

    def test_counts_per_team_for_the_policy_monitor(self):
        counts = self.Success.with_user(self.officer)._lob_count_per_team(
            date(2026, 5, 1), date(2026, 6, 1)
        )
        self.assertEqual(counts, {self.team.id: 1, self.other_team.id: 2})
        # a colleague of Techniek counts what they may read: not Zorg's team success
        counts = self.Success.with_user(self.colleague)._lob_count_per_team(
            date(2026, 5, 1), date(2026, 6, 1)
        )
        self.assertEqual(counts, {self.team.id: 1, self.other_team.id: 1})

    def test_only_the_recorder_and_hr_change_it(self):
        with self.assertRaises(AccessError):
            self.team_success.with_user(self.colleague).write({"name": "Mine now"})
        with self.assertRaises(AccessError):
            self.team_success.with_user(self.colleague).unlink()
        self.team_success.with_user(self.employee).write({"story": "<p>He chose.</p>"})
        self.team_success.with_user(self.officer).write({"name": "Ahmed chose"})
        self.assertEqual(self.team_success.name, "Ahmed chose")
        # colleagues who see it may comment in the chatter
        self.team_success.with_user(self.colleague).message_post(body="Well done!")
        # nobody records a success in someone else's name
        forged = self.Success.with_user(self.colleague).create(
            {"name": "Forged", "department_id": self.team.id, "user_id": self.employee.id}
        )
        self.assertEqual(forged.user_id, self.colleague)

    def test_one_reaction_per_person(self):
        success = self.team_success
        success.with_user(self.colleague).action_react("applause")
        success.with_user(self.colleague).action_react("heart")
        success.with_user(self.manager).action_react_inspired()
        self.assertEqual(success.reaction_count, 2)
        self.assertEqual(success.with_user(self.colleague).my_reaction, "heart")
        self.assertEqual(
            success.reaction_ids.filtered(lambda r: r.user_id == self.colleague).kind, "heart"
        )
        # a reaction always belongs to whoever makes it, and nobody changes another's
        forged = (
            self.env["lob.success.reaction"]
            .with_user(self.employee)
            .create({"success_id": success.id, "user_id": self.manager.id, "kind": "heart"})
        )
        self.assertEqual(forged.user_id, self.employee)
        mark = success.reaction_ids.filtered(lambda r: r.user_id == self.manager)
        with self.assertRaises(AccessError):
            mark.with_user(self.employee).write({"kind": "applause"})
        # nobody reacts to a success they cannot see
        with self.assertRaises(AccessError):
            success.with_user(self.other_manager).action_react("heart")
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            self.env["lob.success.reaction"].create(
                {"success_id": success.id, "user_id": self.manager.id}
            )
        success.with_user(self.colleague).action_unreact()
        self.assertEqual(success.reaction_count, 2)
        self.assertFalse(success.with_user(self.colleague).my_reaction)

    def _digest_mails(self):
        return self.env["mail.mail"].search([("model", "=", "lob.success.digest")], order="id")

    def test_digest_lists_what_each_recipient_may_see_once(self):
        self.env["res.lang"]._activate_lang("nl_NL")
        self.env["ir.module.module"]._load_module_terms(["lob_hrm"], ["nl_NL"])
        self.colleague.lang = "nl_NL"
        Digest = self.env["lob.success.digest"]
        self.Success._cron_send_digest(month=self.may)
        digests = Digest.search([("month", "=", self.may)])
        by_user = {digest.user_id: digest for digest in digests}
        # Techniek members: their team's success and the college's, never Zorg's team success
        # nor April's; Zorg's manager: Zorg's two; the other company's success reaches nobody
        for user in (self.employee, self.colleague, self.manager):
            self.assertEqual(
                by_user[user].success_ids, self.team_success | self.college_success, user.name
            )
        self.assertEqual(
            by_user[self.other_manager].success_ids, self.college_success | self.zorg_success
        )
        self.assertNotIn(self.top, by_user)  # Tom is in no team
        mails = self._digest_mails()
        self.assertEqual(len(mails), len(digests))
        mail_of = {mail.res_id: mail for mail in mails}
        eva = mail_of[by_user[self.employee].id]
        self.assertIn("Ahmed chose his internship", eva.body_html)
        self.assertIn("Open day with the vmbo", eva.body_html)
        self.assertNotIn("Zorg team lesson", eva.body_html)
        self.assertNotIn("April lesson", eva.body_html)
        self.assertEqual(eva.recipient_ids, self.employee.partner_id)
        self.assertIn("LOB successes of May 2026", eva.subject)
        cor = mail_of[by_user[self.colleague].id]
        self.assertIn("LOB-successen van mei 2026", cor.subject)
        self.assertIn("Beste", cor.body_html)
        # a second run in the same month sends nothing more
        self.Success._cron_send_digest(month=self.may)
        self.assertEqual(len(self._digest_mails()), len(mails))
        self.assertEqual(Digest.search_count([("month", "=", self.may)]), len(digests))

    def _signed_talk(self):
        talk = self._create_talk()
        talk.with_user(self.manager).action_start_preparation()
        self._fill(talk, "employee", self.employee, "Eva thinks")
        talk.with_user(self.employee).action_share_employee()
        self._fill(talk, "manager", self.manager, "Mark thinks")
        self._fill(talk, "together", self.manager, "Together we agree")
        talk.with_user(self.manager).action_held()
        talk.with_user(self.manager).write(
            {"agreement_ids": [Command.create({"description": "Lead the open day\nwith care"})]}
        )
        return talk

    def test_record_success_from_agreement_and_talk(self):
        talk = self._signed_talk()
        agreement = talk.agreement_ids.filtered(lambda a: a.description.startswith("Lead"))
        with self.assertRaisesRegex(UserError, "not signed yet"):
            talk.with_user(self.manager).action_record_success()
        with self.assertRaisesRegex(UserError, "not done yet"):
            agreement.with_user(self.manager).action_record_success()
        talk.with_user(self.employee).action_sign()
        talk.with_user(self.manager).action_sign()
        self.assertEqual(talk.state, "signed")
        agreement.with_user(self.employee).action_mark_done()

        action = agreement.with_user(self.manager).action_record_success()
        self.assertEqual(action["res_model"], "lob.success")
        Success = self.Success.with_user(self.manager).with_context(**action["context"])
        with Form(Success) as form:
            form.story = "<p>Eva led it.</p>"
        success = form.record
        self.assertEqual(success.name, "Lead the open day")
        self.assertEqual(success.agreement_id, agreement)
        self.assertEqual(success.talk_id, talk)
        self.assertEqual(success.department_id, self.team)
        self.assertEqual(success.employee_ids, self.emp_employee)
        self.assertEqual(agreement.success_ids, success)
        # colleagues of the team see it and react
        success.with_user(self.colleague).action_react_applause()
        self.assertEqual(success.reaction_count, 1)

        action = talk.with_user(self.manager).action_record_success()
        Success = self.Success.with_user(self.manager).with_context(**action["context"])
        with Form(Success) as form:
            form.kind = "team"
        self.assertEqual(form.record.talk_id, talk)
        self.assertEqual(talk.success_ids, success | form.record)
