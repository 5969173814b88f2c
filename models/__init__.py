# ruff: noqa: I001 (Odoo builds models in import order: the mixin before its users)
from . import lob_exchange
from . import lob_template_part_mixin
from . import lob_dimension
from . import lob_idiom_term
from . import lob_idiom_rephrase
from . import lob_talk_template
from . import lob_talk_template_section
from . import lob_talk_template_prompt
from . import lob_talk_template_finding
from . import lob_talk_cycle
from . import lob_talk
from . import lob_talk_answer
from . import lob_talk_note
from . import lob_talk_agreement
from . import lob_talk_cycle_progress
from . import lob_talk_planning
from . import lob_talk_report
