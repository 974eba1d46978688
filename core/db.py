"""Turkish collation and folding on both databases under one name.

PostgreSQL gets an ICU collation from a migration; SQLite gets a Python collation registered
on every new connection. Either way `turkish_collate("name")` sorts Ç after C and İ after I.

`count_of(queryset, outer=…)` counts one relation per row as its own subquery.

`turkish_fold_sql(expression, vendor=…)` is `core.text.turkish_fold` in SQL: on PostgreSQL
`translate` and `lower` with the tables of core.text (whatever the database's locale), on
SQLite the Python function itself, registered on every new connection.

`update_rows(model, changes=…, same=…)` gives each row its own values in one UPDATE.

`committed_state()` names what is committed in the whole database as the next statement sees
it (PostgreSQL's snapshot): a cache keyed by it is stale after any commit, by any process.
"""

from collections.abc import Mapping

from django.db import connection, connections, router
from django.db.models import (
    Count,
    F,
    Func,
    IntegerField,
    Model,
    OuterRef,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Coalesce, Collate, Lower

from core.text import FOLD_TO_ASCII, LOWER_SPECIAL, turkish_fold, turkish_sort_key

TURKISH_COLLATION = "turkish"
_SQLITE_FOLD = "turkish_fold"


def _compare(left: str, right: str) -> int:
    left_key, right_key = turkish_sort_key(left), turkish_sort_key(right)
    return (left_key > right_key) - (left_key < right_key)


def register_sqlite_turkish(sender, connection, **kwargs) -> None:  # noqa: ARG001
    if connection.vendor == "sqlite":
        connection.connection.create_collation(TURKISH_COLLATION, _compare)
        connection.connection.create_function(
            _SQLITE_FOLD, 1, lambda text: turkish_fold(text or ""), deterministic=True
        )


def turkish_collate(field: str) -> Collate:
    """An order_by() expression that sorts `field` the Turkish way."""
    return Collate(F(field), TURKISH_COLLATION)


def _translate(expression, table: dict[str, str]) -> Func:
    return Func(
        expression,
        Value("".join(table)),
        Value("".join(table.values())),
        function="translate",
        output_field=TextField(),
    )


def turkish_lower_sql(expression) -> Func:
    """`core.text.turkish_lower` on PostgreSQL: "IŞIK İZMİR" → "ışık izmir"."""
    return Lower(_translate(expression, LOWER_SPECIAL), output_field=TextField())


def turkish_fold_sql(expression, *, vendor: str) -> Func:
    """`core.text.turkish_fold` in SQL: "İZMİR", "Izmir" and "izmir" → "izmir"."""
    if vendor == "postgresql":
        return _translate(turkish_lower_sql(expression), FOLD_TO_ASCII)
    return Func(expression, function=_SQLITE_FOLD, output_field=TextField())


def count_of(queryset: QuerySet, *, outer: str) -> Coalesce:
    """An annotation: how many rows of `queryset` have `outer` equal to the annotated row's pk,
    as one correlated subquery (0 when none). Counting several relations of a row this way
    keeps each count on its own index, where COUNT(DISTINCT …) over chained LEFT JOINs
    multiplies the rows of every relation (issue 15: 1.4 million rows for 122 cohorts)."""
    return Coalesce(
        Subquery(
            queryset.filter(**{outer: OuterRef("pk")})
            .order_by()
            .values(outer)
            .annotate(count=Count("pk"))
            .values("count"),
            output_field=IntegerField(),
        ),
        0,
    )


def update_rows(
    model: type[Model],
    *,
    changes: Mapping[object, Mapping[str, object]],
    same: Mapping[str, object] | None = None,
) -> int:
    """Give each row its own values and all of them the `same` ones, in one UPDATE:
    `changes` maps a primary key to {field name: value}, the same field names for every row.
    Returns how many rows were updated.

    What `bulk_update` does, without its cost: it builds one CASE WHEN per field and row
    through the ORM (a batch of ten documents with eight fields: about 25 ms of CPU, more
    than a certificate's whole render), where this joins a VALUES list (UPDATE … FROM, on
    PostgreSQL and SQLite ≥ 3.33) with values prepared by the fields themselves (0.7 ms)."""
    if not changes:
        return 0
    connection = connections[router.db_for_write(model)]
    meta, quote = model._meta, connection.ops.quote_name
    names = list(next(iter(changes.values())))
    fields = [meta.get_field(name) for name in names]
    table = quote(meta.db_table)

    def column(position: int, field) -> str:
        value = f"v.column{position}"  # a VALUES list's columns on both databases
        if connection.vendor == "postgresql":  # its literals are untyped text there
            return f"CAST({value} AS {field.cast_db_type(connection)})"
        return value

    assignments = [
        f"{quote(field.column)} = {column(position, field)}"
        for position, field in enumerate(fields, 2)
    ]
    params = []
    for name, value in (same or {}).items():
        field = meta.get_field(name)
        assignments.append(f"{quote(field.column)} = %s")
        params.append(field.get_db_prep_save(value, connection))
    row = "(" + ", ".join(["%s"] * (len(fields) + 1)) + ")"
    for pk, values in changes.items():
        params.append(meta.pk.get_db_prep_save(pk, connection))
        params.extend(
            field.get_db_prep_save(values[name], connection)
            for name, field in zip(names, fields, strict=True)
        )
    sql = (
        f"UPDATE {table} SET {', '.join(assignments)} "  # noqa: S608 — names from the model
        f"FROM (VALUES {', '.join([row] * len(changes))}) AS v "
        f"WHERE {table}.{quote(meta.pk.column)} = {column(1, meta.pk)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def committed_state() -> str | None:
    """A name for everything committed in the database, as this connection's next statement
    sees it: PostgreSQL's current snapshot (`xmin:xmax:ids still running`). Every commit of a
    transaction that wrote — in this process or any other, through the ORM, a bulk update or
    raw SQL — changes it: the transaction either leaves the running ids or was given an id at
    or above `xmax`, and `xmax` only grows. Reading changes nothing.

    None, without a query, when there is no such name: another database than PostgreSQL, or
    inside a transaction (its own uncommitted rows would be in no snapshot; a request runs
    outside one, `ATOMIC_REQUESTS` being off; a test that is not transactional runs inside)."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_snapshot()::text")
        return cursor.fetchone()[0]
