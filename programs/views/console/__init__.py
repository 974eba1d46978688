"""The coordinator console: the whole training calendar without the Django admin."""
