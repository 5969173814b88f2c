# ruff: noqa: I001 (one import line per wizard, so that merges append lines)
from . import lob_download_mixin
from . import lob_exchange_export_wizard
from . import lob_exchange_import_wizard
from . import lob_template_mirror_wizard
from . import lob_finding_accept_wizard
from . import lob_template_publish_wizard
from . import lob_talk_reopen_wizard
from . import lob_framework_exchange
from . import lob_competency_export_wizard
from . import lob_instrument_rate_wizard
from . import lob_dossier_evidence_wizard
from . import lob_policy_export_wizard
