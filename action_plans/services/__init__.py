"""action_plans: services split by concern (groups, plans, reminders)."""
