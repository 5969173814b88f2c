from . import (
    test_core_integration,
    test_exchange_import,
    test_exchange_properties,
    test_exchange_sharing,
    test_talk,
    test_talk_performance,
    test_talk_security,
    test_talk_template,
    test_talk_tour,
    test_template_screens,
    test_template_screens_tour,
    test_template_security,
)
