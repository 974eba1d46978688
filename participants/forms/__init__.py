"""participants: forms split by concern (profile, registrations, privacy, …)."""
