"""participants: services split by concern (registrations, attendance, …)."""
