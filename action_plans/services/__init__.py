"""action_plans: services split by concern (library, groups, plans, reminders)."""
