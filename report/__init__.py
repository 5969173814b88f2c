from . import (
    lob_competency_overview,
    lob_competency_team_summary,
    lob_dossier_report,
    lob_talk_cycle_progress,
    lob_talk_report,
    lob_trialogue_guide_report,
)
