# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Odoo-free core inside a running Odoo: its content, and Odoo's pinned libraries."""

import io

import openpyxl

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path

from ..lob_hrm import content, exchange, xlsx
from ..lob_hrm.demo import build_demo_college
from ..lob_hrm.overview import build_overview


@tagged("post_install", "-at_install")
class TestCoreIntegration(TransactionCase):
    def test_module_installed_with_its_default_content(self):
        module = self.env["ir.module.module"].search([("name", "=", "lob_hrm")])
        self.assertEqual(module.state, "installed")
        path = file_path("lob_hrm/data/lob_default_content.json")
        self.assertTrue(path, "the default content ships with the installed add-on")
        with open(path, "rb") as stream:
            document = exchange.load_document(stream.read())
        self.assertEqual(
            [d.key for d in document.dimensions],
            ["qualities", "motives", "work_exploration", "career_steering", "networking"],
        )
        self.assertEqual(document, content.load_default_content())

    def test_workbook_with_odoos_openpyxl(self):
        """Odoo 18 pins openpyxl 3.0.9: the writer must produce a readable workbook with it."""
        document = build_demo_college(seed=7, employees=12)
        stream = io.BytesIO()
        xlsx.write_workbook(
            stream,
            document.framework,
            document.roles,
            document.overview,
            dimensions=document.dimensions,
            idiom=document.idiom,
            overview=build_overview(document.framework, document.roles, document.overview),
        )
        stream.seek(0)
        workbook = openpyxl.load_workbook(stream)
        self.assertIn("Overzicht", workbook.sheetnames)
        sheet = workbook["Overzicht"]
        first_column = [row[0] for row in sheet.iter_rows(max_col=1, values_only=True)]
        header = first_column.index("Medewerker")
        self.assertEqual(len(set(first_column[header + 1 :]) - {None}), 12)
