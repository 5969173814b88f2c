# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .test_talk_common import LobTalkCommon


@tagged("post_install", "-at_install")
class TestSuccessLinks(LobTalkCommon):
    """A success links to the instrument or the professionalisation activity it came from;
    the instrument shows the successes it led to; nothing links across companies."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Success = cls.env["lob.success"]
        Instrument = cls.env["lob.instrument"]
        cls.card = Instrument.with_user(cls.employee).create(
            {"name": "Qualities card", "department_id": cls.team.id}
        )
        cls.card.with_user(cls.employee).action_share()
        cls.other_card = Instrument.with_user(cls.other_user).create(
            {"name": "Kwaliteitenspel", "company_id": cls.other_company.id}
        )
        Activity = cls.env["lob.professionalisation"]
        cls.training = Activity.create(
            {"name": "Training loopbaandialoog", "employee_id": cls.emp_colleague.id}
        )
        cls.other_training = Activity.create(
            {
                "name": "Training elders",
                "employee_id": cls.env["hr.employee"]
                .create({"name": "Olaf Elders", "company_id": cls.other_company.id})
                .id,
            }
        )

    def test_success_recorded_from_the_instrument(self):
        card = self.card.with_user(self.colleague)
        self.assertEqual(card.success_count, 0)
        action = card.action_record_success()
        form = Form(self.Success.with_user(self.colleague).with_context(**action["context"]))
        self.assertEqual(form.instrument_id, self.card)
        self.assertEqual(form.name, "Success with Qualities card")
        form.professionalisation_id = self.training
        success = form.save()
        self.assertEqual(
            (success.instrument_id, success.professionalisation_id, success.department_id),
            (self.card, self.training, self.team),
        )
        # the instrument shows it: its count and the list behind the smart button
        card.invalidate_recordset()
        self.assertEqual(card.success_count, 1)
        listed = card.action_view_successes()
        self.assertEqual(self.Success.with_user(self.colleague).search(listed["domain"]), success)
        # a team success: the manager of another team neither sees nor counts it
        self.assertEqual(self.card.with_user(self.other_manager).success_count, 0)
        success.visibility = "college"
        self.env.invalidate_all()  # as a next request would
        self.assertEqual(self.card.with_user(self.other_manager).success_count, 1)

    def test_other_company_records_cannot_be_linked(self):
        base = {"name": "Linked across", "department_id": self.team.id}
        for field, record in (
            ("instrument_id", self.other_card),
            ("professionalisation_id", self.other_training),
        ):
            with self.subTest(field=field):
                # even HR of company A, and even the superuser: the company check refuses it
                for Success in (self.Success.with_user(self.officer), self.Success):
                    with self.assertRaises(UserError), self.env.cr.savepoint():
                        Success.create({**base, field: record.id})
                success = self.Success.with_user(self.officer).create(dict(base))
                with self.assertRaises(UserError), self.env.cr.savepoint():
                    success.write({field: record.id})
                self.assertFalse(success[field])
        self.assertFalse(
            self.Success.search([("name", "=", "Linked across"), ("instrument_id", "!=", False)])
        )

    def test_only_readable_records_can_be_linked(self):
        """Knowing the id of a draft instrument of a colleague is not enough to link it."""
        draft = (
            self.env["lob.instrument"]
            .with_user(self.employee)
            .create({"name": "Half-finished worksheet", "department_id": self.team.id})
        )
        Success = self.Success.with_user(self.colleague)
        base = {"name": "Linked unseen", "department_id": self.team.id}
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            Success.create({**base, "instrument_id": draft.id})
        success = Success.create(dict(base))
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            success.write({"instrument_id": draft.id})
        self.assertFalse(success.instrument_id)
        # the shared card, which the colleague reads, links as before
        success.write({"instrument_id": self.card.id})
        self.assertEqual(success.instrument_id, self.card)
