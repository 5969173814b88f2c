from . import lob_exchange_export_wizard, lob_exchange_import_wizard, lob_template_mirror_wizard

# ruff: noqa: I001 (one import line per stream, to keep merges simple)
from . import lob_finding_accept_wizard, lob_template_publish_wizard
from . import (
    lob_exchange_export_wizard,
    lob_exchange_import_wizard,
    lob_talk_reopen_wizard,
    lob_template_mirror_wizard,
)
