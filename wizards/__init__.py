from . import (
    lob_competency_export_wizard,
    lob_exchange_export_wizard,
    lob_exchange_import_wizard,
    lob_framework_exchange,
    lob_talk_reopen_wizard,
    lob_template_mirror_wizard,
)
