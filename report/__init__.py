from . import lob_competency_overview, lob_competency_team_summary, lob_dossier_report
