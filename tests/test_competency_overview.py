# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .overview_common import LobOverviewCommon


@tagged("post_install", "-at_install")
class TestCompetencyOverview(LobOverviewCommon):
    """The report model against the hand-computed values of ``overview_common``."""

    def _rows(self, user=None, domain=()):
        Overview = self.env["lob.competency.overview"]
        if user:
            Overview = Overview.with_user(user)
        rows = Overview.search([("skill_type_id", "=", self.framework.id), *domain])
        return {(row.employee_id.name, row.skill_id.lob_key): row for row in rows}

    def test_levels_targets_and_gaps(self):
        rows = self._rows()
        expected = {
            # (employee, competency): (current, target, gap, at target)
            ("Anna", "gesprek"): ("vak", "vak", 0, True),
            ("Anna", "netwerk"): ("start", "basis", 1, False),
            ("Anna", "beleid"): ("basis", False, 0, False),
            ("Bram", "gesprek"): ("start", "vak", 2, False),
            ("Bram", "netwerk"): (False, "vak", 3, False),  # the higher of SLB and Decaan
            ("Bram", "beleid"): (False, "excellent", 4, False),
            ("Cato", "gesprek"): ("excellent", "vak", 0, True),  # above target counts
            ("Cato", "netwerk"): ("basis", "basis", 0, True),  # her ended role is ignored
            ("Cato", "beleid"): ("start", False, 0, False),
            ("Otto", "gesprek"): ("vak", "vak", 0, True),
            ("Otto", "netwerk"): (False, "basis", 2, False),
            ("Otto", "beleid"): (False, False, 0, False),
        }
        self.assertEqual(set(rows), set(expected), "one row per employee with a role × competency")
        for key, (current, target, gap, at_target) in expected.items():
            row = rows[key]
            self.assertEqual(row.current_level_id.lob_key, current, key)
            self.assertEqual(row.target_level_id.lob_key, target, key)
            self.assertEqual(row.gap, gap, key)
            self.assertEqual(row.at_target, at_target, key)
            self.assertEqual(row.below_target, int(gap > 0), key)
        # The role that sets the target: Decaan asks more networking than SLB.
        self.assertEqual(rows["Bram", "netwerk"].role_id, self.decaan)
        self.assertEqual(rows["Bram", "gesprek"].role_id, self.slb)
        self.assertEqual(rows["Bram", "gesprek"].role_ids, self.slb | self.decaan)
        self.assertEqual(rows["Cato", "gesprek"].role_ids, self.slb)
        # The report agrees with the competency layer's own definition of a target.
        targets = self.bram._lob_targets()[self.bram.id]
        self.assertEqual(targets[self.skills["netwerk"]], self._level("vak"))
        self.assertEqual(targets[self.skills["beleid"]], self._level("excellent"))

    def test_share_at_target_per_team_and_competency(self):
        """The pivot's heatmap: teams × competencies, average of 1 (at) / 0 (below)."""
        Overview = self.env["lob.competency.overview"]
        domain = [("skill_type_id", "=", self.framework.id), ("company_id", "=", self.company.id)]
        per_team = dict(Overview._read_group(domain, ["department_id"], ["at_target_rate:avg"]))
        self.assertAlmostEqual(per_team[self.zorg], 1 / 5)
        self.assertAlmostEqual(per_team[self.techniek], 1.0)
        cells = {
            (team, skill.lob_key): rate
            for team, skill, rate in Overview._read_group(
                domain, ["department_id", "skill_id"], ["at_target_rate:avg"]
            )
        }
        self.assertAlmostEqual(cells[self.zorg, "gesprek"], 0.5)
        self.assertAlmostEqual(cells[self.zorg, "netwerk"], 0.0)
        self.assertAlmostEqual(cells[self.zorg, "beleid"], 0.0)  # only Bram has a target
        self.assertIs(cells[self.techniek, "beleid"], False)  # no target: no share
        [(total,)] = Overview._read_group(domain, [], ["at_target_rate:avg"])
        self.assertAlmostEqual(total, 3 / 7)

    def test_filters(self):
        below = self._rows(domain=[("gap", ">", 0)])
        self.assertEqual(
            set(below),
            {
                ("Anna", "netwerk"),
                ("Bram", "gesprek"),
                ("Bram", "netwerk"),
                ("Bram", "beleid"),
                ("Otto", "netwerk"),
            },
        )
        decaans = self._rows(domain=[("role_ids", "in", self.decaan.ids)])
        self.assertEqual({name for name, _ in decaans}, {"Bram"})
        # The search view's "no assessment for over a year" filter, as the browser runs it.
        arch = self.env["lob.competency.overview"].get_view(view_type="search")["arch"]
        [node] = etree.fromstring(arch).xpath("//filter[@name='stale']")
        domain = safe_eval(
            node.get("domain"),
            {"context_today": lambda: self.today, "relativedelta": relativedelta},
        )
        stale = self._rows(domain=domain)
        self.assertIn(("Cato", "beleid"), stale)  # assessed two years ago
        self.assertIn(("Bram", "netwerk"), stale)  # never assessed
        self.assertNotIn(("Anna", "gesprek"), stale)  # assessed today
        self.assertEqual(stale["Cato", "beleid"].last_assessed, self.stale_date)
        self.assertEqual(self._rows()["Anna", "gesprek"].last_assessed, self.today)

    def test_reference_date_decides_the_roles(self):
        """Before Bram became Decaan his networking target was SLB's."""
        self.env["lob.role.assignment"].search(
            [("employee_id", "=", self.bram.id), ("role_id", "=", self.decaan.id)]
        ).date_from = self.today - relativedelta(days=10)
        Overview = self.env["lob.competency.overview"]
        earlier = Overview.with_context(lob_date=self.today - relativedelta(days=20)).search(
            [("employee_id", "=", self.bram.id), ("skill_id", "=", self.skills["netwerk"].id)]
        )
        self.assertEqual(earlier.target_level_id, self._level("basis"))
        self.assertEqual(earlier.role_ids, self.slb)
        Overview.invalidate_model()  # the rows of both dates share their ids
        now = Overview.search(
            [("employee_id", "=", self.bram.id), ("skill_id", "=", self.skills["netwerk"].id)]
        )
        self.assertEqual(now.target_level_id, self._level("vak"))

    def test_employee_reads_own_rows_only(self):
        rows = self._rows(self.employee_user)
        self.assertEqual({name for name, _ in rows}, {"Cato"})

    def test_manager_reads_the_employees_below(self):
        rows = self._rows(self.manager_user)
        self.assertEqual({name for name, _ in rows}, {"Anna", "Bram"})

    def test_officers_read_their_companies_only(self):
        self.assertEqual(
            {name for name, _ in self._rows(self.officer_user)}, {"Anna", "Bram", "Cato"}
        )
        self.assertEqual({name for name, _ in self._rows(self.other_user)}, {"Otto"})


@tagged("post_install", "-at_install")
class TestTeamSummary(LobOverviewCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Activity = cls.env["lob.professionalisation"]
        Activity.create(
            [
                {"name": "Training", "employee_id": cls.anna.id, "hours": 10, "state": "done"},
                {"name": "Congres", "employee_id": cls.bram.id, "hours": 5, "state": "planned"},
                {
                    "name": "Vorig jaar",
                    "employee_id": cls.bram.id,
                    "hours": 40,
                    "state": "done",
                    "date": cls.today - relativedelta(years=1),
                },
                {"name": "Intervisie", "employee_id": cls.cato.id, "hours": 8, "state": "done"},
            ]
        )
        template = cls.env.ref("lob_hrm.default_template_staff_performance_talk")
        cycle = cls.env["lob.talk.cycle"].create(
            {
                "name": "Cyclus (test)",
                "template_id": template.id,
                "date_start": cls.today - relativedelta(months=2),
                "date_end": cls.today + relativedelta(months=1),
            }
        )
        old_cycle = cycle.copy(
            {
                "name": "Oude cyclus (test)",
                "date_start": cls.today - relativedelta(years=3),
                "date_end": cls.today - relativedelta(years=2),
            }
        )
        Talk = cls.env["lob.talk"]
        for employee, state, talk_cycle in (
            (cls.anna, "signed", cycle),
            (cls.bram, "planned", cycle),
            (cls.bram, "cancelled", cycle),  # left out
            (cls.bram, "done", old_cycle),  # too old
            (cls.cato, "done", cycle),
        ):
            talk = Talk.create(
                {"template_id": template.id, "employee_id": employee.id, "cycle_id": talk_cycle.id}
            )
            # the fixture skips the buttons' workflow: the state is what counts here
            talk.with_context(lob_talk_internal=True).state = state

    def _summary(self, user):
        summaries = self.env["lob.competency.team.summary"].with_user(user).search([])
        return {summary.department_id: summary for summary in summaries}

    def test_team_figures(self):
        summaries = self._summary(self.officer_user)
        zorg = summaries[self.zorg]
        self.assertEqual(zorg.employee_count, 2)
        self.assertAlmostEqual(zorg.at_target_share, 1 / 5)
        self.assertEqual(zorg.below_target_count, 4)
        self.assertEqual(zorg.professionalisation_hours, 10)  # planned and last year's not
        norm = self.company.lob_professionalisation_norm
        self.assertEqual(zorg.professionalisation_norm, 2 * norm)
        self.assertAlmostEqual(zorg.professionalisation_share, 10 / (2 * norm))
        self.assertEqual((zorg.talk_count, zorg.talk_done_count), (2, 1))
        self.assertAlmostEqual(zorg.talk_done_share, 0.5)
        techniek = summaries[self.techniek]
        self.assertEqual(techniek.employee_count, 1)
        self.assertAlmostEqual(techniek.at_target_share, 1.0)
        self.assertEqual(techniek.professionalisation_hours, 8)
        self.assertAlmostEqual(techniek.talk_done_share, 1.0)
        self.assertNotIn(self.other_team, summaries)

    def test_manager_sees_the_teams_of_the_employees_below(self):
        summaries = self._summary(self.manager_user)
        self.assertEqual(set(summaries), {self.zorg})
        self.assertEqual(summaries[self.zorg].employee_count, 2)
        self.assertAlmostEqual(summaries[self.zorg].at_target_share, 1 / 5)

    def test_other_company_sees_its_own_teams(self):
        summaries = self._summary(self.other_user)
        self.assertEqual(set(summaries), {self.other_team})
        self.assertAlmostEqual(summaries[self.other_team].at_target_share, 1 / 2)
