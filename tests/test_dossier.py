# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
import zipfile

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import or_nothing
from .test_talk_common import LobTalkCommon

NOTE = "MARK-PRIVATE-NOTE about Eva"
EVA_PREP = "EVA-UNSHARED-PREP"
MARK_PREP = "MARK-UNSHARED-PREP"
TOGETHER = "TOGETHER-SIGNED"
UNSIGNED = "UNSIGNED-TALK-TEXT"


def _b64(content):
    return base64.b64encode(content)


@tagged("post_install", "-at_install")
class TestDossier(LobTalkCommon):
    """Eva's competence file: what it holds, who may open, print and download it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_employee = cls.env["hr.employee"].create(
            {"name": "Olaf Elders", "company_id": cls.other_company.id}
        )
        # A signed talk: unshared preparations of both parties and a private note, which
        # the file must never show; the together part and the agreement, which it must.
        talk = cls._create_talk()
        talk.with_user(cls.manager).action_start_preparation()
        cls._fill(talk, "employee", cls.employee, EVA_PREP)
        cls._fill(talk, "manager", cls.manager, MARK_PREP)
        cls._fill(talk, "together", cls.manager, TOGETHER)
        talk.with_user(cls.manager).private_note = NOTE
        talk.with_user(cls.manager).action_held()
        talk.with_user(cls.manager).write(
            {"agreement_ids": [Command.create({"description": "Coach two new SLB'ers"})]}
        )
        talk.with_user(cls.employee).action_sign()
        talk.with_user(cls.manager).action_sign()
        cls.talk = talk
        # a talk not signed yet stays out of the file
        unsigned = cls._create_talk(planned_date=fields.Datetime.now())
        unsigned.with_user(cls.manager).action_start_preparation()
        cls._fill(unsigned, "together", cls.manager, UNSIGNED)
        cls.unsigned = unsigned

        Activity = cls.env["lob.professionalisation"]
        cls.activity = Activity.create(
            {
                "name": "Training loopbaandialoog",
                "employee_id": cls.emp_employee.id,
                "hours": 16,
                "state": "done",
                "evidence": _b64(b"EVA-EVIDENCE"),
                "evidence_filename": "loopbaandialoog.pdf",
            }
        )
        cls.colleague_activity = Activity.create(
            {
                "name": "Intervision",
                "employee_id": cls.emp_colleague.id,
                "hours": 4,
                "state": "done",
                "evidence": _b64(b"COR-EVIDENCE"),
                "evidence_filename": "cor.pdf",
            }
        )
        cls.certificate = cls.env["lob.certificate"].create(
            {
                "name": "Certificate BPV supervisor",
                "employee_id": cls.emp_employee.id,
                "issuer": "Expertisepunt LOB",
                "professionalisation_id": cls.activity.id,
                "file": _b64(b"EVA-CERTIFICATE"),
                "filename": "bpv.pdf",
            }
        )
        cls.Dossier = cls.env["lob.dossier"]
        cls.dossier = cls.Dossier.search([("employee_id", "=", cls.emp_employee.id)])
        cls.users = {
            "employee": cls.employee,
            "colleague": cls.colleague,
            "manager": cls.manager,
            "top": cls.top,
            "other_manager": cls.other_manager,
            "officer": cls.officer,
            "other_officer": cls.other_user,
        }
        cls.readers = {"employee", "manager", "top", "officer"}
        export = cls.env.ref("base.group_allow_export")
        for user in cls.users.values():
            user.groups_id = [Command.link(export.id)]

    def _html(self, who, dossier=None, lang="en_US"):
        self.env.invalidate_all()
        report = self.env["ir.actions.report"].with_user(self.users[who]).with_context(lang=lang)
        html, _format = report._render_qweb_html(
            "lob_hrm.lob_dossier_report", (dossier or self.dossier).ids
        )
        return html.decode()

    def _zip(self, who):
        self.env.invalidate_all()
        action = self.dossier.with_user(self.users[who]).action_download_evidence()
        self.assertEqual(action["type"], "ir.actions.act_url")
        wizard_id = int(action["url"].split("&id=")[1].split("&")[0])
        wizard = self.env["lob.dossier.evidence.wizard"].with_user(self.users[who])
        data = wizard.browse(wizard_id).data
        with zipfile.ZipFile(io.BytesIO(base64.b64decode(data))) as archive:
            return {name: archive.read(name) for name in archive.namelist()}, wizard_id

    def test_every_employee_has_a_file(self):
        self.assertEqual(len(self.dossier), 1)
        employee = self.env["hr.employee"].create({"name": "New Teacher"})
        self.assertEqual(self.Dossier.search_count([("employee_id", "=", employee.id)]), 1)
        # demo and earlier employees got theirs on install
        employees = self.env["hr.employee"].with_context(active_test=False).search([])
        self.assertFalse(employees - self.Dossier.search([]).employee_id)

    def test_contents(self):
        dossier = self.dossier.with_user(self.employee)
        self.assertEqual(dossier.talk_ids, self.talk)
        self.assertEqual(dossier.agreement_ids, self.talk.agreement_ids)
        self.assertEqual(dossier.professionalisation_ids, self.activity)
        self.assertEqual(dossier.certificate_ids, self.certificate)
        self.assertEqual(dossier.evidence_count, 2)
        year = fields.Date.today().year
        self.assertEqual(
            self.dossier._lob_hours_per_year()[self.emp_employee.id],
            [{"year": year, "hours": 16.0, "norm": 59.0, "percent": 27}],
        )
        self.assertIn("16.0", dossier.hours_summary)
        self.assertIn("27%", dossier.hours_summary)

    def test_access_matrix(self):
        """Own, managers up the hierarchy and HR of the company: through every channel."""
        for who, user in self.users.items():
            self.env.invalidate_all()
            allowed = who in self.readers
            model = self.Dossier.with_user(user)
            domain = [("id", "=", self.dossier.id)]
            found = or_nothing(lambda m=model, d=domain: m.search_read(d, ["id"]))
            groups = or_nothing(
                lambda m=model, d=domain: m.read_group(d, ["company_id"], ["company_id"])
            )
            self.assertEqual(len(found), int(allowed), who)
            self.assertEqual(sum(g["company_id_count"] for g in groups), int(allowed), who)
            record = self.dossier.with_user(user)
            if allowed:
                record.read(["employee_id", "talk_ids", "certificate_ids"])
                exported = record.export_data(["employee_id", "company_id"])["datas"]
                self.assertEqual(len(exported), 1, who)
                self.assertIn(TOGETHER, self._html(who), who)
            else:
                for call in (
                    lambda r=record: r.read(["employee_id"]),
                    lambda r=record: r.export_data(["employee_id"]),
                    lambda w=who: self._html(w),
                    lambda r=record: r.action_download_evidence(),
                ):
                    with self.assertRaises(AccessError, msg=who):
                        call()

    def test_report_never_shows_private_or_unshared(self):
        for who in self.readers:
            html = self._html(who)
            self.assertIn(TOGETHER, html, who)
            self.assertIn("Coach two new SLB", html, who)
            self.assertIn("Certificate BPV supervisor", html, who)
            self.assertIn("Training loopbaandialoog", html, who)
            for secret in (NOTE, "MARK-PRIVATE-NOTE", EVA_PREP, MARK_PREP, UNSIGNED):
                self.assertNotIn(secret, html, f"{who}: {secret}")

    def test_shared_preparation_is_shown(self):
        """What the employee did share before signing belongs to the signed report."""
        talk = self._create_talk(planned_date=fields.Datetime.now())
        talk.with_user(self.manager).action_start_preparation()
        self._fill(talk, "employee", self.employee, "EVA-SHARED-PREP")
        self._fill(talk, "together", self.manager, "TOGETHER-AGAIN")
        talk.with_user(self.employee).action_share_employee()
        talk.with_user(self.manager).action_held()
        talk.with_user(self.employee).action_sign()
        talk.with_user(self.manager).action_sign()
        html = self._html("manager")
        self.assertIn("EVA-SHARED-PREP", html)
        self.assertNotIn(EVA_PREP, html)

    def test_zip_holds_exactly_the_readable_evidence(self):
        for who in ("employee", "manager", "officer"):
            files, wizard_id = self._zip(who)
            today = fields.Date.today()
            self.assertEqual(
                files,
                {
                    f"professionalisation/{today} loopbaandialoog.pdf": b"EVA-EVIDENCE",
                    f"certificates/{today} bpv.pdf": b"EVA-CERTIFICATE",
                },
                who,
            )
        # the zip a manager made is theirs: nobody else reads it
        wizard = self.env["lob.dossier.evidence.wizard"].browse(wizard_id)
        for who in ("colleague", "employee"):
            with self.assertRaises(AccessError, msg=who):
                wizard.with_user(self.users[who]).read(["data"])

    def test_zip_without_evidence_is_refused(self):
        dossier = self.Dossier.search([("employee_id", "=", self.emp_colleague.id)])
        self.colleague_activity.evidence = False
        with self.assertRaisesRegex(UserError, "holds no evidence files"):
            dossier.with_user(self.colleague).action_download_evidence()

    def test_smart_button(self):
        """The employee opens their own file from their profile; a colleague cannot."""
        public = self.env["hr.employee.public"].browse(self.emp_employee.id)
        action = public.with_user(self.employee).action_open_lob_dossier()
        self.assertEqual((action["res_model"], action["res_id"]), ("lob.dossier", self.dossier.id))
        action = public.with_user(self.manager).action_open_lob_dossier()
        self.assertEqual(action["res_id"], self.dossier.id)
        with self.assertRaises(AccessError):
            public.with_user(self.colleague).action_open_lob_dossier()
        action = self.emp_employee.with_user(self.officer).action_open_lob_dossier()
        self.assertEqual(action["res_id"], self.dossier.id)

    def test_other_company_is_refused(self):
        employee = self.other_employee.with_user(self.officer)
        with self.assertRaisesRegex(UserError, "Olaf Elders belongs to Tweede College"):
            self.Dossier.with_user(self.officer)._lob_for_employee(employee)
        with self.assertRaisesRegex(UserError, "which is not one of your companies"):
            self.Dossier.with_user(self.officer).create({"employee_id": self.other_employee.id})

    def test_certificate_dates(self):
        with self.assertRaisesRegex(UserError, "cannot be valid until"):
            self.certificate.valid_until = "2000-01-01"
        self.certificate.write({"date": "2000-01-01", "valid_until": "2001-01-01"})
        self.assertFalse(self.certificate.is_valid)

    def test_contents_in_constant_queries(self):
        """Reading the files of one employee or of four costs the same queries."""
        for employee in (self.emp_colleague, self.emp_manager, self.emp_top):
            self.env["lob.professionalisation"].create(
                {"name": "Course", "employee_id": employee.id, "hours": 2, "state": "done"}
            )
        names = [
            "role_assignment_ids",
            "skill_ids",
            "skill_log_ids",
            "talk_ids",
            "agreement_ids",
            "professionalisation_ids",
            "certificate_ids",
            "evidence_count",
            "hours_summary",
        ]
        employees = self.emp_employee | self.emp_colleague | self.emp_manager | self.emp_top
        many = self.Dossier.search([("employee_id", "in", employees.ids)])
        self.assertEqual(len(many), 4)
        counts = []
        # the first round warms the caches of the rules and the views; the second counts
        for dossiers in (self.dossier, many, self.dossier, many):
            self.env.invalidate_all()
            dossiers = dossiers.with_user(self.officer)
            dossiers.mapped("employee_id.company_id")  # warm the shared records
            start = self.env.cr.sql_log_count
            dossiers.read(names)
            counts.append(self.env.cr.sql_log_count - start)
        self.assertEqual(counts[2], counts[3], counts)
