# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a user reads on the screens: hours as hours, and Dutch headers that fit at 1280 px."""

from lxml import etree

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestScreenLabels(TransactionCase):
    def _arch(self, model, view_type, lang="en_US"):
        views = self.env[model].with_context(lang=lang).get_views([(False, view_type)])
        return etree.fromstring(views["views"][view_type]["arch"])

    def test_professionalisation_hours_read_as_hours(self):
        """59 hours is a number of hours on the employee's smart button, not the clock 59:00."""
        self.env["res.lang"]._activate_lang("nl_NL")
        for model in ("hr.employee", "hr.employee.public"):
            arch = self._arch(model, "form")
            button = arch.xpath("//button[@name='action_lob_professionalisation']")
            self.assertTrue(button, model)
            for name in ("lob_professionalisation_hours", "lob_professionalisation_norm"):
                node = button[0].xpath(f".//field[@name='{name}']")[0]
                self.assertNotEqual(node.get("widget"), "float_time", f"{model}.{name}")
                self.assertTrue(node.get("digits"), f"{model}.{name} shows a rounded number")
            self.assertIn("Professionalisation hours", "".join(button[0].itertext()), model)

    def test_team_summary_headers_fit(self):
        """Numeric columns get room for their Dutch header; derived columns start hidden."""
        arch = self._arch("lob.competency.team.summary", "list")
        visible = [
            node
            for node in arch.xpath("//field")
            if node.get("optional") != "hide" and node.get("column_invisible") != "True"
        ]
        numeric = [
            node
            for node in visible
            if self.env["lob.competency.team.summary"]._fields[node.get("name")].type
            in ("integer", "float")
        ]
        self.assertGreaterEqual(len(numeric), 5)
        for node in numeric:
            self.assertTrue(node.get("width"), node.get("name"))
        hidden = {node.get("name") for node in arch.xpath("//field[@optional='hide']")}
        self.assertTrue({"professionalisation_norm", "talk_count"} <= hidden)
