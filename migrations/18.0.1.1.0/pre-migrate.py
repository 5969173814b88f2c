# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""18.0.1.1.0, before the new schema: forget open import dialogs.

The import wizard keeps its file in a column since 2026-11-30 (before, in an attachment).
Rows of a dialog opened before the upgrade have no file in that column, so Odoo could not
make it required ("unable to set NOT NULL"). Wizard rows are throw-away by design (Odoo
vacuums them within the hour); an upgrade does not keep open dialogs.
"""


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        SELECT 1 FROM information_schema.tables t
         WHERE t.table_name = 'lob_exchange_import_wizard' AND NOT EXISTS (
               SELECT 1 FROM information_schema.columns c
                WHERE c.table_name = t.table_name AND c.column_name = 'data')
        """
    )
    if cr.fetchone():
        cr.execute("DELETE FROM lob_exchange_import_wizard")
