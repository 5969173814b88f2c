# Only Odoo registers the models. pytest, collecting the Odoo-free core in lob_hrm/, imports
# this folder as the core's parent package, outside any Odoo registry.
if __name__.startswith("odoo.addons."):
    from . import models, report, wizards
