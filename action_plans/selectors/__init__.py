"""action_plans: selectors split by concern (plans, dashboard)."""
