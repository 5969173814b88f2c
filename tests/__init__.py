from . import (
    test_core_integration,
    test_exchange_import,
    test_talk,
    test_talk_cycle,
    test_talk_template,
    test_template_security,
)
