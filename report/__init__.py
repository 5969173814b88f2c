from . import (
    lob_competency_overview,
    lob_competency_team_summary,
    lob_talk_cycle_progress,
    lob_talk_report,
)
