# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from .overview_common import LobOverviewCommon


@tagged("post_install", "-at_install")
class TestCompetencyOverviewTour(HttpCase, LobOverviewCommon):
    def test_manager_sees_the_heatmap_of_their_team(self):
        self.start_tour(
            "/odoo/action-lob_hrm.lob_competency_overview_action",
            "lob_hrm_competency_overview",
            login="lob_o_manager",
        )
