# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sees and who changes the community records (issue 14): six users against successes,
instruments, chain partners, chain activities and competence files, through ``read``,
``search_read``, ``read_group`` / ``_read_group`` and ``export_data``."""

from datetime import date

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import tagged

from .test_talk_common import LobTalkCommon

USERS = ("employee", "colleague", "manager", "other_manager", "officer", "other_company")
COMPANY_A = frozenset(USERS) - {"other_company"}

# record -> the users who find it. Eva (employee) and Cor (colleague) are in team Techniek
# under Mark (manager); Otis manages team Zorg; Olga is HR of company A, Otto HR of company B.
READERS = {
    # successes: the team sees a team success (and whoever recorded it, the staff involved
    # and their managers), the whole company a college success, HR all of its company's
    "success_techniek": {"employee", "colleague", "manager", "officer"},
    "success_zorg": {"other_manager", "officer"},
    "success_zorg_with_eva": {"employee", "manager", "other_manager", "officer"},
    "success_college": COMPANY_A,
    "success_b": {"other_company"},
    # instruments: a draft stays with its author and HR, a shared one reaches the company
    "instrument_draft": {"employee", "officer"},
    "instrument_shared": COMPANY_A,
    "instrument_b": {"other_company"},
    # chain partners and chain activities: everybody of their company
    "partner": COMPANY_A,
    "partner_b": {"other_company"},
    # a partner without company is shared by every company, as Odoo's contacts are
    "partner_shared": frozenset(USERS),
    "activity": COMPANY_A,
    "activity_b": {"other_company"},
    # competence files: own, the managers above, HR of the company
    "dossier_eva": {"employee", "manager", "officer"},
    "dossier_otis": {"other_manager", "officer"},
    "dossier_b": {"other_company"},
}

# record -> (a change, the users who may make it and delete the record)
WRITERS = {
    # only whoever recorded a success, and HR
    "success_techniek": ({"name": "Changed"}, {"employee", "officer"}),
    "success_college": ({"name": "Changed"}, {"other_manager", "officer"}),
    # only the author of an instrument, and HR
    "instrument_draft": ({"name": "Changed"}, {"employee", "officer"}),
    "instrument_shared": ({"name": "Changed"}, {"colleague", "officer"}),
    # HR and LOB coordinators manage the chain: its activities and the partners' roles
    "activity": ({"students_reached": 3}, {"manager", "other_manager", "officer"}),
    "partner": ({"lob_chain_role": "hbo"}, {"manager", "other_manager", "officer"}),
}


class _Undo(Exception):
    """Rolls back a change that was allowed."""


@tagged("post_install", "-at_install")
class TestCommunityAccess(LobTalkCommon):
    """The access matrix of the community records, as each kind of user notices it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            "employee": cls.employee,
            "colleague": cls.colleague,
            "manager": cls.manager,
            "other_manager": cls.other_manager,
            "officer": cls.officer,
            "other_company": cls.other_user,
        }
        # what a real user gets from the default user template: export and contact creation,
        # so that only the LOB rules can refuse
        extra = cls.env.ref("base.group_allow_export") | cls.env.ref("base.group_partner_manager")
        for user in cls.users.values():
            user.groups_id = [Command.link(group.id) for group in extra]
        company_b = cls.other_company
        team_b = cls.env["hr.department"].create(
            {"name": "Team Elders", "company_id": company_b.id}
        )
        employee_b = cls.env["hr.employee"].create(
            {"name": "Olaf Elders", "department_id": team_b.id, "company_id": company_b.id}
        )
        Success = cls.env["lob.success"]
        Instrument = cls.env["lob.instrument"]
        Partner = cls.env["res.partner"]
        Activity = cls.env["lob.chain.activity"]
        Dossier = cls.env["lob.dossier"]

        def success(user, name, team, visibility="team", **vals):
            return Success.with_user(user).create(
                {"name": name, "department_id": team.id, "visibility": visibility, **vals}
            )

        def activity(user, partner, **vals):
            return Activity.with_user(user).create(
                {
                    "name": "Meeloopdag",
                    "kind": "shadow_day",
                    "date": date(2026, 3, 10),
                    "partner_ids": [Command.set(partner.ids)],
                    **vals,
                }
            )

        shared = Instrument.with_user(cls.colleague).create({"name": "Qualities card"})
        shared.with_user(cls.colleague).action_share()
        instrument_b = Instrument.with_user(cls.other_user).create(
            {"name": "Kwaliteitenspel", "company_id": company_b.id}
        )
        instrument_b.with_user(cls.other_user).action_share()
        partner = Partner.with_user(cls.officer).create(
            {
                "name": "Vmbo De Brug",
                "is_company": True,
                "lob_chain_role": "vmbo",
                "company_id": cls.company.id,
            }
        )
        partner_b = Partner.with_user(cls.other_user).create(
            {
                "name": "Vmbo Elders",
                "is_company": True,
                "lob_chain_role": "vmbo",
                "company_id": company_b.id,
            }
        )
        partner_shared = Partner.with_user(cls.officer).create(
            {"name": "Hogeschool Zuid", "is_company": True, "lob_chain_role": "hbo"}
        )
        cls.records = {
            "success_techniek": success(cls.employee, "Ahmed chose", cls.team),
            "success_zorg": success(cls.other_manager, "Zorg lesson", cls.other_team),
            "success_zorg_with_eva": success(
                cls.other_manager,
                "Eva helped out in Zorg",
                cls.other_team,
                employee_ids=[Command.set((cls.emp_other_manager | cls.emp_employee).ids)],
            ),
            "success_college": success(cls.other_manager, "Open day", cls.other_team, "college"),
            "success_b": success(
                cls.other_user, "Elders", team_b, "college", company_id=company_b.id
            ),
            "instrument_draft": Instrument.with_user(cls.employee).create({"name": "My draft"}),
            "instrument_shared": shared,
            "instrument_b": instrument_b,
            "partner": partner,
            "partner_b": partner_b,
            "partner_shared": partner_shared,
            "activity": activity(cls.manager, partner, department_ids=[Command.set(cls.team.ids)]),
            "activity_b": activity(cls.other_user, partner_b, company_id=company_b.id),
            "dossier_eva": Dossier.search([("employee_id", "=", cls.emp_employee.id)]),
            "dossier_otis": Dossier.search([("employee_id", "=", cls.emp_other_manager.id)]),
            "dossier_b": Dossier.search([("employee_id", "=", employee_b.id)]),
        }
        cls.models = {}
        for key, record in cls.records.items():
            assert len(record) == 1, key
            cls.models.setdefault(record._name, []).append(key)

    def _refused(self, call):
        """Whether ``call`` is refused with an AccessError. Either way it is undone, so that
        the next user meets the records as they were."""
        try:
            with self.env.cr.savepoint():
                call()
                self.env.flush_all()
                raise _Undo
        except AccessError:
            return True
        except _Undo:
            return False
        finally:
            self.env.invalidate_all()

    def test_read_matrix(self):
        """What each user finds per model, and that every API agrees."""
        for who in USERS:
            for model, keys in self.models.items():
                with self.subTest(user=who, model=model):
                    self.env.invalidate_all()
                    Model = self.env[model].with_user(self.users[who])
                    domain = [("id", "in", [self.records[key].id for key in keys])]
                    expected = {key for key in keys if who in READERS[key]}
                    ids = {self.records[key].id: key for key in keys}
                    found = {ids[row["id"]] for row in Model.search_read(domain, ["id"])}
                    self.assertEqual(found, expected)
                    groups = Model.read_group(domain, ["company_id"], ["company_id"])
                    self.assertEqual(sum(g["company_id_count"] for g in groups), len(expected))
                    [(count,)] = Model._read_group(domain, [], ["__count"])
                    self.assertEqual(count, len(expected))
                    for key in keys:
                        record = self.records[key].with_user(self.users[who])
                        refused = who not in READERS[key]
                        self.assertEqual(
                            self._refused(lambda r=record: r.read(["display_name"])), refused, key
                        )
                        self.assertEqual(
                            self._refused(lambda r=record: r.export_data(["display_name"])),
                            refused,
                            key,
                        )

    def test_write_matrix(self):
        """Who changes and deletes which success, instrument, chain activity and chain
        partner; everybody else is refused and nothing changes."""
        for key, (values, writers) in WRITERS.items():
            for who in USERS:
                with self.subTest(record=key, user=who):
                    record = self.records[key].with_user(self.users[who])
                    refused = who not in writers
                    self.assertEqual(self._refused(lambda r=record, v=values: r.write(v)), refused)
                    self.assertEqual(self._refused(record.unlink), refused)
                    self.env.invalidate_all()
                    self.assertTrue(self.records[key].exists())

    def test_chain_partner_beyond_its_role(self):
        """A colleague with contact creation keeps a chain partner's details up to date, but
        its role, and whether it exists, stay with HR and LOB coordinators."""
        partner = self.records["partner"].with_user(self.colleague)
        partner.write({"phone": "010 123 4567"})
        self.assertEqual(self.records["partner"].phone, "010 123 4567")
        for call in (
            lambda: partner.write({"lob_chain_role": False}),
            lambda: partner.write({"active": False}),
            partner.unlink,
            lambda: partner.create({"name": "Hbo Noord", "lob_chain_role": "hbo"}),
        ):
            self.assertTrue(self._refused(call))
        self.assertEqual(self.records["partner"].lob_chain_role, "vmbo")
        self.assertTrue(self.records["partner"].active)
        # a plain contact without a role is theirs to manage as in any Odoo
        plain = partner.create({"name": "Bakkerij Jansen"})
        plain.write({"active": False})
        plain.unlink()
