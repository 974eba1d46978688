"""action_plans: forms split by concern (library, plans)."""
