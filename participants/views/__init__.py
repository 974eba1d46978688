"""participants: views split by concern (registrations, attendance, …)."""
