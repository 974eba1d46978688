"""programs: forms split by concern (programmes, cohorts, good practices)."""
