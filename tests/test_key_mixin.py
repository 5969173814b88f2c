# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""lob.key.mixin, once, through two models configured differently: career competencies
(``key``, shared with all companies) and competencies of a framework (``lob_key``, unique
in their framework only)."""

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL, mute_logger


@tagged("post_install", "-at_install")
class TestKeyMixin(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.other_company = cls.env["res.company"].create({"name": "Tweede College"})
        cls.Dimension = cls.env["lob.dimension"]
        cls.framework = cls.env["hr.skill.type"].create(
            {"name": "Raamwerk test", "lob_profile": True, "lob_key": "raamwerk_test"}
        )
        cls.other_framework = cls.env["hr.skill.type"].create(
            {"name": "Ander raamwerk", "lob_profile": True, "lob_key": "ander_raamwerk"}
        )

    def _dimension(self, key, company=None):
        return self.Dimension.create(
            {
                "name": f"Competentie {key}",
                "key": key,
                "question": "Wat kan ik?",
                "company_id": company.id if company else False,
            }
        )

    def _skill(self, name, key=False, framework=None):
        return self.env["hr.skill"].create(
            {"name": name, "lob_key": key, "skill_type_id": (framework or self.framework).id}
        )

    def _refused(self, create, message):
        """``create`` is refused with a ValidationError saying ``message``; nothing stays."""
        with self.assertRaises(ValidationError) as caught:
            create()
        self.assertIn(message, str(caught.exception))

    def test_an_invalid_key_is_refused_the_same_way_whatever_the_key_field(self):
        for create in (
            lambda: self._dimension("Met Spatie"),
            lambda: self._skill("Gespreksvoering", key="Met Spatie"),
        ):
            self._refused(create, "The key 'Met Spatie' is not valid")
        skill = self._skill("Gespreksvoering", key="gespreksvoering")
        self._refused(lambda: skill.write({"lob_key": "9_begin"}), "'9_begin' is not valid")

    def test_a_shared_key_names_one_record_for_every_company(self):
        self._dimension("zelfsturing")
        self._refused(
            lambda: self._dimension("zelfsturing", self.company), "all companies (shared)"
        )
        own = self._dimension("eigen_competentie", self.company)
        self._refused(lambda: self._dimension("eigen_competentie"), f"of {self.company.name}.")
        # two companies may each hold the key, as long as no shared record does
        self.assertTrue(self._dimension("eigen_competentie", self.other_company))
        self.assertEqual(own.key, "eigen_competentie")

    @mute_logger("odoo.sql_db")
    def test_the_partial_index_closes_the_gap_for_shared_records_only(self):
        self._dimension("gedeeld")
        # past the Python constraint, the database itself refuses a second shared key
        with self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.env.cr.execute(
                SQL(
                    "INSERT INTO lob_dimension (name, key, question, sequence, active) "
                    "VALUES (%s, 'gedeeld', %s, 1, true)",
                    '{"en_US": "Dubbel"}',
                    '{"en_US": "Wat kan ik?"}',
                )
            )
        rows = self.env.execute_query(
            SQL(
                "SELECT indexname FROM pg_indexes WHERE indexname IN %s",
                ("lob_dimension_key_shared_uniq", "hr_skill_lob_key_shared_uniq"),
            )
        )
        self.assertEqual(rows, [("lob_dimension_key_shared_uniq",)])

    def test_a_key_unique_in_its_framework_only(self):
        self._skill("Gespreksvoering", key="gespreksvoering")
        self.assertTrue(self._skill("Gespreksvoering", "gespreksvoering", self.other_framework))
        with (
            mute_logger("odoo.sql_db"),
            self.assertRaises(IntegrityError),
            self.env.cr.savepoint(),
        ):
            self._skill("Nog eens", key="gespreksvoering")

    def test_made_keys_are_valid_and_free_in_their_scope(self):
        self._dimension("loopbaan_sturing")
        self._dimension("loopbaan_sturing_2", self.other_company)
        key = self.Dimension._lob_unique_key("Loopbaan-sturing", self.company.id)
        self.assertEqual(key, "loopbaan_sturing_2", "the other company's key is free here")
        self.assertEqual(self.Dimension._lob_unique_key("Loopbaan-sturing"), "loopbaan_sturing_3")
        # a record without key travels under a key made from its name
        self.assertEqual(self._skill("Één gesprek")._lob_exchange_key(), "een_gesprek")
