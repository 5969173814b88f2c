from . import (
    test_competency,
    test_competency_export,
    test_competency_overview,
    test_competency_overview_tour,
    test_competency_security,
    test_core_integration,
    test_exchange_import,
    test_talk_template,
    test_template_security,
)
