"""participants: selectors split by concern (registrations, attendance, …)."""
