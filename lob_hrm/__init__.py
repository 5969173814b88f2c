"""Odoo-free core of lob_hrm: schemas, mirroring, alignment, overview, Excel, CLI.

This package never imports ``odoo``; the add-on's models call it.
"""

__version__ = "18.0.1.0.0"
