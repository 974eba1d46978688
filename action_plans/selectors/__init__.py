"""action_plans: selectors split by concern (library, plans, dashboard)."""
