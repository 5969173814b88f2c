from . import (
    test_competency,
    test_competency_security,
    test_core_integration,
    test_exchange_import,
    test_talk,
    test_talk_performance,
    test_talk_security,
    test_talk_template,
    test_talk_tour,
    test_template_security,
)
