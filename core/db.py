"""Turkish collation on both databases under one name.

PostgreSQL gets an ICU collation from a migration; SQLite gets a Python collation registered
on every new connection. Either way `turkish_collate("name")` sorts Ç after C and İ after I.
"""

from django.db.models import F
from django.db.models.functions import Collate

from core.text import turkish_sort_key

TURKISH_COLLATION = "turkish"


def _compare(left: str, right: str) -> int:
    left_key, right_key = turkish_sort_key(left), turkish_sort_key(right)
    return (left_key > right_key) - (left_key < right_key)


def register_sqlite_collation(sender, connection, **kwargs) -> None:  # noqa: ARG001
    if connection.vendor == "sqlite":
        connection.connection.create_collation(TURKISH_COLLATION, _compare)


def turkish_collate(field: str) -> Collate:
    """An order_by() expression that sorts `field` the Turkish way."""
    return Collate(F(field), TURKISH_COLLATION)
