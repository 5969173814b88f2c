# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import datetime, time

import openpyxl
import psycopg2
from dateutil.relativedelta import relativedelta

from odoo.fields import Command
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from ..lob_hrm import labels
from ..lob_hrm.alignment import CHECKS
from ..lob_hrm.xlsx import EMPTY_SELECTION
from .overview_common import LobOverviewCommon

GREEN, ORANGE, RED, GREY = "00C6EFCE", "00FFCC99", "00FFC7CE", "00E7E6E6"


@tagged("post_install", "-at_install")
class TestCompetencyExport(LobOverviewCommon):
    """The workbook read back cell by cell, per kind of user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["lob.professionalisation"].create(
            [
                {"name": "Training", "employee_id": cls.anna.id, "hours": 10, "state": "done"},
                {"name": "Intervisie", "employee_id": cls.cato.id, "hours": 8, "state": "done"},
            ]
        )
        template = cls.env.ref("lob_hrm.default_template_staff_performance_talk")
        cycle = cls.env["lob.talk.cycle"].create(
            {
                "name": "Cyclus 2025 (test)",
                "template_id": template.id,
                "date_start": cls.today - relativedelta(months=2),
                "date_end": cls.today + relativedelta(months=1),
            }
        )
        for employee, state in ((cls.anna, "signed"), (cls.bram, "planned")):
            talk = cls.env["lob.talk"].create(
                {"template_id": template.id, "employee_id": employee.id, "cycle_id": cycle.id}
            )
            cls._agreements(talk, employee)
            # the fixture skips the buttons' workflow: the state is what counts here
            talk.with_context(lob_talk_internal=True).state = state

    @classmethod
    def _agreements(cls, talk, employee):
        """An open agreement on networking and a done one, which the export leaves out."""
        cls.env["lob.talk.agreement"].create(
            [
                {
                    "talk_id": talk.id,
                    "description": f"Training netwerken {employee.name}",
                    "skill_id": cls.skills["netwerk"].id,
                    "deadline": cls.today + relativedelta(months=3),
                },
                {
                    "talk_id": talk.id,
                    "description": "Al afgerond",
                    "skill_id": cls.skills["netwerk"].id,
                    "status": "done",
                },
            ]
        )

    def _wizard(self, user, **values):
        Wizard = self.env["lob.competency.export.wizard"].with_user(user)
        return Wizard.create({"skill_type_id": self.framework.id, **values})

    def _workbook(self, user, **values):
        wizard = self._wizard(user, **values)
        action = wizard.action_export()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertIn(f"id={wizard.id}", action["url"])
        self.assertIn("download=true", action["url"])
        return openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.data))), wizard

    @staticmethod
    def _sheet(ws, first=1):
        return [[cell.value for cell in row] for row in ws.iter_rows(min_row=first)]

    def _matrix(self, wb):
        """Overzicht below its header: {employee: (team, role, levels...)}."""
        return {row[0]: tuple(row[1:6]) for row in self._sheet(wb["Overzicht"], 4) if row[0]}

    def test_officer_workbook_cell_by_cell(self):
        wb, wizard = self._workbook(self.officer_user)
        self.assertIn(self.company.name, wizard.filename)
        self.assertIn(str(self.today), wizard.filename)
        self.assertTrue(wizard.filename.endswith(".xlsx"))
        ws = wb["Overzicht"]
        self.assertEqual(ws["A1"].value, f"LOB-competentieoverzicht {self.company.name}")
        self.assertEqual(
            self._sheet(ws)[2][:6], ["Medewerker", "Team", "Rol", "Gesprek", "Netwerk", "Beleid"]
        )
        matrix = self._matrix(wb)
        self.assertEqual(
            matrix,
            {
                "Cato": ("Techniek (test)", "SLB (test)", "Excellent", "Basis", "Start"),
                "Anna": ("Zorg (test)", "SLB (test)", "Vak", "Start", "Basis"),
                "Bram": ("Zorg (test)", "SLB (test) + Decaan (test)", "Start", None, None),
            },
        )
        # the target ranks beside the levels (the highest any of the roles asks), which the
        # colour rules compare the levels with: sorting or editing keeps the colours right
        targets = {row[0]: row[6:9] for row in self._sheet(ws, 4)}
        self.assertEqual(targets["Anna"], [3, 2, None])
        self.assertEqual(targets["Bram"], [3, 3, 4])  # SLB + Decaan: the highest of both
        self.assertEqual(targets["Cato"], [3, 2, None])
        (heat,) = ws.conditional_formatting
        self.assertEqual(str(heat.sqref), "D4:F6")
        self.assertEqual(
            [rule.dxf.fill.bgColor.rgb for rule in heat.rules], [GREY, GREEN, ORANGE, RED]
        )
        (levels,) = ws.data_validations.dataValidation
        self.assertEqual((levels.formula1, str(levels.sqref)), ("LOB_Niveaus", "D4:F6"))
        self.assertEqual(
            [row[2] for row in self._sheet(wb["Definities"], 2)[:4]],
            ["Start", "Basis", "Vak", "Excellent"],
        )
        matrix_roles = {row[0]: row[2:5] for row in self._sheet(wb["Rollenmatrix"], 3)}
        self.assertEqual(matrix_roles["SLB (test) + Decaan (test)"], [3, 3, 4])
        self.assertEqual(matrix_roles["SLB (test)"], [3, 2, None])

        teams = self._sheet(wb["Teams"])
        self.assertEqual(
            teams[0][:9],
            [
                "Team",
                "Medewerkers",
                "Beoordeeld",
                "Op doelniveau",
                "Gem. niveau",
                "Open ontwikkelpunten",
                "Professionaliseringsuren",
                "Norm (uren)",
                "Uren t.o.v. norm",
            ],
        )
        norm = self.company.lob_professionalisation_norm
        techniek, zorg = teams[1], teams[2]
        self.assertEqual(techniek[:4], ["Techniek (test)", 1, 1, 1])
        self.assertEqual(techniek[5:8], [0, 8, norm])
        self.assertEqual(zorg[:2], ["Zorg (test)", 2])
        self.assertAlmostEqual(zorg[2], 4 / 6)  # assessed cells
        self.assertAlmostEqual(zorg[3], 1 / 5)  # share at target
        self.assertEqual(zorg[5:8], [4, 10, 2 * norm])
        self.assertAlmostEqual(zorg[8], 10 / (2 * norm))
        self.assertEqual(teams[4][0], "Alle teams")
        self.assertAlmostEqual(teams[4][3], 3 / 7)
        self.assertEqual(len(wb["Teams"]._charts), 1)

        roles = {row[0]: row for row in self._sheet(wb["Rollen"], 2) if row[0]}
        self.assertEqual(roles["SLB (test)"][2], 2)  # Anna and Cato
        self.assertEqual(roles["SLB (test) + Decaan (test)"][2], 1)

        gaps = self._sheet(wb["Ontwikkelpunten"], 2)
        self.assertEqual(
            [row[:7] for row in gaps],
            [
                [
                    "Bram",
                    "Zorg (test)",
                    "SLB (test) + Decaan (test)",
                    "Beleid",
                    "(niet beoordeeld)",
                    "Excellent",
                    4,
                ],
                [
                    "Bram",
                    "Zorg (test)",
                    "SLB (test) + Decaan (test)",
                    "Netwerk",
                    "(niet beoordeeld)",
                    "Vak",
                    3,
                ],
                ["Bram", "Zorg (test)", "SLB (test) + Decaan (test)", "Gesprek", "Start", "Vak", 2],
                ["Anna", "Zorg (test)", "SLB (test)", "Netwerk", "Start", "Basis", 1],
            ],
        )
        cycle = self._sheet(wb["Gesprekkencyclus"], 2)
        # cycle, team, planned, preparation, held, signed, done, cancelled, total, completed
        self.assertEqual(
            cycle[0][:10], ["Cyclus 2025 (test)", "Zorg (test)", 1, 0, 0, 1, 0, 0, 2, 0.5]
        )
        definitions = {(row[0], row[2]) for row in self._sheet(wb["Definities"], 2)}
        self.assertIn(("Competentie", "Gesprek"), definitions)
        self.assertIn(("Rol", "SLB (test) + Decaan (test)"), definitions)

    def test_open_agreements_beside_their_gaps(self):
        wb, _wizard = self._workbook(self.officer_user)
        gaps = self._sheet(wb["Ontwikkelpunten"], 2)
        # the open agreements on a competency stand beside its gap; done ones do not
        deadline = datetime.combine(self.today + relativedelta(months=3), time())  # as read back
        self.assertEqual(gaps[1][:3], ["Bram", "Zorg (test)", "SLB (test) + Decaan (test)"])
        self.assertEqual(gaps[1][7:10], ["Training netwerken Bram", deadline, "Open"])
        self.assertEqual(gaps[3][:4], ["Anna", "Zorg (test)", "SLB (test)", "Netwerk"])
        self.assertEqual(gaps[3][7:10], ["Training netwerken Anna", deadline, "Open"])
        self.assertEqual(gaps[0][7:10], [None, None, None])
        self.assertEqual(len(gaps), 4)

    def test_manager_workbook_holds_their_team_only(self):
        wb, _wizard = self._workbook(self.manager_user)
        self.assertEqual(set(self._matrix(wb)), {"Anna", "Bram"})
        self.assertEqual(
            [row[0] for row in self._sheet(wb["Teams"], 2) if row[0]], ["Zorg (test)", "Alle teams"]
        )

    def test_employee_cannot_export_others_levels(self):
        wb, _wizard = self._workbook(self.employee_user)
        self.assertEqual(set(self._matrix(wb)), {"Cato"})
        names = {cell for sheet in wb for row in sheet.iter_rows(values_only=True) for cell in row}
        self.assertFalse(names & {"Anna", "Bram", "Otto"})

    def test_other_company_hr_sees_nothing(self):
        # even asking for the first company's teams explicitly
        wb, _wizard = self._workbook(
            self.other_user,
            company_ids=[Command.set(self.company.ids)],
            department_ids=[Command.set((self.zorg | self.techniek).ids)],
        )
        self.assertEqual(wb["Overzicht"]["A4"].value, EMPTY_SELECTION)
        cells = {cell for sheet in wb for row in sheet.iter_rows(values_only=True) for cell in row}
        self.assertFalse(cells & {"Anna", "Bram", "Cato"})

    def test_filters_matching_nobody_write_a_workbook_that_says_so(self):
        empty = self.env["hr.department"].create({"name": "Leeg team (test)"})
        wb, _wizard = self._workbook(self.officer_user, department_ids=[Command.set(empty.ids)])
        self.assertEqual(wb["Overzicht"]["A4"].value, EMPTY_SELECTION)
        self.assertEqual(self._matrix(wb), {EMPTY_SELECTION: (None,) * 5})

    def test_filters_teams_and_roles(self):
        wb, _wizard = self._workbook(self.officer_user, role_ids=[Command.set(self.decaan.ids)])
        self.assertEqual(set(self._matrix(wb)), {"Bram"})
        wb, _wizard = self._workbook(
            self.officer_user, department_ids=[Command.set(self.techniek.ids)]
        )
        self.assertEqual(set(self._matrix(wb)), {"Cato"})

    def test_rows_are_the_overview_rows_each_user_may_read(self):
        """The export picks its employees per employee, not from the view's rows: it still
        holds exactly the rows of the competency overview that the user may read, with
        their levels and targets, whoever exports and whatever the filters."""
        twenty_days_ago = self.today - relativedelta(days=20)  # Cato was still Decaan
        cases = [
            (self.officer_user, {}),
            (self.manager_user, {}),
            (self.employee_user, {}),
            (self.other_user, {}),
            (self.other_user, {"company_ids": [Command.set(self.company.ids)]}),  # none
            (self.officer_user, {"department_ids": [Command.set(self.zorg.ids)]}),
            (self.officer_user, {"role_ids": [Command.set(self.decaan.ids)]}),
            (self.officer_user, {"reference_date": twenty_days_ago}),
        ]
        seen = set()
        for user, values in cases:
            with self.subTest(user=user.login, values=values):
                wizard = self._wizard(user, **values)
                Overview = (
                    self.env["lob.competency.overview"]
                    .with_user(user)
                    .with_context(lob_date=wizard.reference_date)
                )
                expected = {
                    (row.employee_id.name, row.department_id.name, row.skill_id.lob_key): (
                        row.current_level_id.lob_key or None,
                        row.target_level_id.lob_key or None,
                    )
                    for row in Overview.search(wizard._lob_domain()).sudo()
                }
                Overview.invalidate_model()  # rows of other dates share these ids
                rows = wizard._lob_read()["data"].rows
                self.assertEqual(
                    {(r.employee, r.team, r.competency): (r.level, r.target) for r in rows},
                    expected,
                )
                seen |= {row.employee for row in rows}
        self.assertEqual(seen, {"Anna", "Bram", "Cato", "Otto"})
        # on the earlier date Cato's Decaan role counts: the highest target of both roles
        rows = self._wizard(self.officer_user, reference_date=twenty_days_ago)._lob_read()
        cato = {r.competency: r.target for r in rows["data"].rows if r.employee == "Cato"}
        self.assertEqual(cato, {"gesprek": "vak", "netwerk": "vak", "beleid": "excellent"})

    def test_a_rule_per_competency_stops_the_export_rather_than_leak(self):
        """The export applies the overview's rules per employee: a rule on a column that
        differs between the rows of one employee cannot be applied so, and stops it."""
        self.env["ir.rule"].create(
            {
                "name": "Competency overview: one area only (test)",
                "model_id": self.env["ir.model"]._get_id("lob.competency.overview"),
                "domain_force": "[('area_id.key', '=', 'begeleiden')]",
            }
        )
        wizard = self._wizard(self.officer_user)
        with (
            self.assertRaises(psycopg2.errors.UndefinedColumn),
            mute_logger("odoo.sql_db"),
            self.cr.savepoint(),
        ):
            wizard._lob_read()

    def test_queries_do_not_grow_with_employees(self):
        """Reading 10 or 200 employees takes the same number of queries."""
        team = self.env["hr.department"].create({"name": "Groot team (test)"})

        def staff(count, start):
            employees = self.env["hr.employee"].create(
                [
                    {"name": f"Medewerker {start + i:03d}", "department_id": team.id}
                    for i in range(count)
                ]
            )
            for role in (self.slb, self.decaan):
                self.env["lob.role.assignment"].create(
                    [
                        {"employee_id": e.id, "role_id": role.id, "date_from": self.today}
                        for e in employees[: count // (1 if role == self.slb else 2)]
                    ]
                )
            self.env["hr.employee.skill"].create(
                [
                    {
                        "employee_id": e.id,
                        "skill_type_id": self.framework.id,
                        "skill_id": self.skills["gesprek"].id,
                        "skill_level_id": self._level("basis").id,
                    }
                    for e in employees
                ]
            )
            self.env["lob.professionalisation"].create(
                [
                    {"name": "Training", "employee_id": e.id, "hours": 4, "state": "done"}
                    for e in employees
                ]
            )
            return employees

        def count_queries():
            wizard = self._wizard(self.officer_user, department_ids=[Command.set(team.ids)])
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            inputs = wizard._lob_read()
            return self.cr.sql_log_count - before, inputs

        staff(10, 0)
        count_queries()  # warm the caches of rules and views
        small, inputs = count_queries()
        self.assertEqual(len({row.employee for row in inputs["data"].rows}), 10)
        staff(190, 10)
        wizard = self._wizard(self.officer_user, department_ids=[Command.set(team.ids)])
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(small):
            inputs = wizard._lob_read()
        self.assertEqual(len({row.employee for row in inputs["data"].rows}), 200)
        self.assertEqual(len(inputs["data"].rows), 600)


@tagged("post_install", "-at_install")
class TestSharedLabels(TransactionCase):
    """The screens, the CLI and the workbook name the same things alike: the Odoo labels
    (literals, for Odoo's translation export) equal the core's catalogue."""

    def test_overview_fields_use_the_catalogue(self):
        expected = {
            "employee_id": labels.EMPLOYEE,
            "department_id": labels.TEAM,
            "role_id": labels.ROLE,
            "skill_id": labels.COMPETENCY,
            "area_id": labels.AREA,
            "skill_type_id": labels.FRAMEWORK,
            "current_level_id": labels.CURRENT_LEVEL,
            "target_level_id": labels.TARGET_LEVEL,
            "gap": labels.GAP,
            "at_target_rate": labels.SHARE_AT_TARGET,
            "below_target": labels.BELOW_TARGET,
        }
        fields = self.env["lob.competency.overview"]._fields
        self.assertEqual({name: fields[name].string for name in expected}, expected)

    def test_alignment_checks_read_alike_on_screen_and_in_the_cli(self):
        screens = self.env["lob.talk.template.finding"].with_context(lang="en_US")._check_labels()
        screens_shared = {code: screens[code] for code in CHECKS}
        self.assertEqual(screens_shared, labels.ALIGNMENT_CHECKS)
        # the CLI prints the core's checks: the same words (it said "career dimensions")
        self.assertEqual({code: label for code, (label, _) in CHECKS.items()}, screens_shared)
        self.assertEqual(CHECKS["dimensions"][0], "Career competencies covered")
