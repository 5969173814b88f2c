# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged
from odoo.tools.safe_eval import safe_eval

from .test_talk_common import LobTalkCommon

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestInstrument(LobTalkCommon):
    """The instrument library: files, sharing, one rating per person, the library's lists and
    the prompt that points the conductor to an instrument."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Instrument = cls.env["lob.instrument"]
        cls.Rating = cls.env["lob.instrument.rating"]
        export = cls.env.ref("base.group_allow_export")
        for user in (cls.employee, cls.colleague, cls.manager, cls.other_manager, cls.officer):
            user.groups_id = [Command.link(export.id)]
        cls.other_user.groups_id = [Command.link(export.id)]
        cls.card = cls.Instrument.with_user(cls.employee).create(
            {
                "name": "Qualities card",
                "kind": "reflection_tool",
                "phase": "reflection",
                "file": base64.b64encode(PDF),
                "filename": "kwaliteitenkaart.pdf",
                "dimension_ids": [Command.set(cls.dimensions["qualities"].ids)],
            }
        )

    def _visible(self, user, record):
        model = record.with_user(user).env[record._name]
        found = bool(model.search_read([("id", "=", record.id)], ["name"]))
        groups = model.read_group([("id", "=", record.id)], ["name"], ["name"])
        self.assertEqual(found, bool(groups and groups[0]["name_count"]))
        try:
            record.with_user(user).read(["name"])
            exported = bool(record.with_user(user).export_data(["name"])["datas"])
        except AccessError:
            exported = False
        self.assertEqual(found, exported, f"{user.name}: search_read and read/export disagree")
        return found

    def test_draft_stays_with_author_shared_reaches_college(self):
        readers_of_draft = {self.employee, self.officer}
        users = (
            self.employee,
            self.colleague,
            self.manager,
            self.other_manager,
            self.officer,
            self.other_user,
        )
        for user in users:
            with self.subTest(user=user.name, state="draft"):
                self.assertEqual(self._visible(user, self.card), user in readers_of_draft)
        self.card.with_user(self.employee).action_share()
        for user in users:
            with self.subTest(user=user.name, state="shared"):
                self.assertEqual(self._visible(user, self.card), user != self.other_user)
        with self.assertRaises(AccessError):
            self.card.with_user(self.colleague).write({"name": "Mine"})
        # a draft cannot be rated: nobody else sees it
        self.card.with_user(self.employee).action_draft()
        with self.assertRaises(AccessError):
            self.Rating.with_user(self.colleague).create(
                {"instrument_id": self.card.id, "rating": 5}
            )

    def test_instruments_get_distinct_exchange_keys(self):
        twin = self.Instrument.with_user(self.colleague).create({"name": "Qualities card"})
        self.assertTrue(self.card.key)
        self.assertTrue(twin.key)
        self.assertNotEqual(self.card.key, twin.key)
        with self.assertRaisesRegex(ValidationError, "is not valid"), self.env.cr.savepoint():
            twin.write({"key": "Not a key!"})

    def test_file_must_be_a_small_document_or_image(self):
        self.card.write({"file": base64.b64encode(PNG), "filename": "card.png"})
        with (
            self.assertRaisesRegex(ValidationError, "not a document or an image"),
            self.env.cr.savepoint(),
        ):
            self.Instrument.create(
                {
                    "name": "Script",
                    "file": base64.b64encode(b"MZ\x90\x00\x03" + bytes(200)),
                    "filename": "tool.exe",
                }
            )
        big = PDF + b"0" * (5 * 1024 * 1024)
        with self.assertRaisesRegex(ValidationError, "at most 5 MB"), self.env.cr.savepoint():
            self.card.write({"file": base64.b64encode(big)})
        self.assertEqual(base64.b64decode(self.card.file), PNG)

    def test_one_rating_per_person_and_library_lists(self):
        self.card.with_user(self.employee).action_share()
        sheet = self.Instrument.with_user(self.manager).create(
            {"name": "Career worksheet", "kind": "worksheet", "state": "shared"}
        )
        with self.assertRaisesRegex(ValidationError, "a rating is 1 to 5"), self.env.cr.savepoint():
            self.Rating.with_user(self.colleague).create(
                {"instrument_id": self.card.id, "rating": 6}
            )
        # through the "used in my team" dialog, twice: the second updates the first
        for rating, remark in (("3", "Nice"), ("5", "Great in year 1")):
            action = self.card.with_user(self.colleague).action_open_rate_wizard()
            with Form(
                self.env[action["res_model"]]
                .with_user(self.colleague)
                .with_context(**action["context"])
            ) as wizard:
                wizard.rating = rating
                wizard.remark = remark
            wizard.record.action_confirm()
        mine = self.card.rating_ids.filtered(lambda r: r.user_id == self.colleague)
        self.assertEqual(len(mine), 1)
        self.assertEqual((mine.rating, mine.remark), (5, "Great in year 1"))
        self.assertEqual(mine.department_id, self.team)
        self.Rating.with_user(self.manager).create({"instrument_id": self.card.id, "rating": 4})
        self.Rating.with_user(self.colleague).create({"instrument_id": sheet.id, "rating": 2})
        self.assertEqual(self.card.usage_count, 2)
        self.assertEqual(self.card.rating_avg, 4.5)
        self.assertEqual(self.card.with_user(self.colleague).my_rating, 5)
        # nobody changes another's rating
        with self.assertRaises(AccessError):
            mine.with_user(self.manager).write({"rating": 1})
        # the library's lists: most used first, and best rated first
        most_used = self.env.ref("lob_hrm.lob_instrument_action_most_used")
        shown = self.Instrument.with_user(self.colleague).search(safe_eval(most_used.domain))
        ours = shown.filtered(lambda i: i in self.card | sheet)
        self.assertEqual(ours.ids, [self.card.id, sheet.id])  # most used first
        best = self.env.ref("lob_hrm.lob_instrument_view_list_best_rated")
        order = best.get_combined_arch()
        self.assertIn('default_order="rating_avg desc', order)
        self.assertEqual(
            self.Instrument.search(
                [("id", "in", (self.card | sheet).ids)], order="rating_avg desc"
            )[0],
            self.card,
        )

    def test_prompt_points_the_conductor_to_an_instrument(self):
        self.card.with_user(self.employee).action_share()
        prompt = self.template.prompt_ids.filtered(lambda p: p.respondent == "coachee")[:1]
        prompt.instrument_id = self.card
        talk = self._create_talk()
        lines = talk.with_user(self.manager).answer_ids.filtered(lambda a: a.prompt_id == prompt)
        self.assertTrue(lines)
        self.assertEqual(lines.instrument_id, self.card)
        arch = self.env["lob.talk"].with_user(self.manager).get_views([(False, "form")])
        self.assertIn('name="instrument_id"', arch["views"]["form"]["arch"])
