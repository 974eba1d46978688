"""Queries that every request runs, their SQL built by the ORM once (issue 15).

Building a query through the ORM (resolving lookups and subqueries, compiling them to SQL)
costs far more Python time than running it: the signed-in person's row with its roles (three
`Exists` subqueries) took 3 ms to build and 0.3 ms to run. `CompiledQuery(build, name=marker)`
asks the ORM for the SQL of `build(name=marker)` once per database and then only runs that
SQL with the real values in the markers' places:

- `raw()`: model instances, with the annotations as attributes (Django's raw queries);
- `objects()`: model instances as the queryset itself gives them — `select_related` objects,
  annotations, the database's values converted (Django's own row handling, kept from the
  compilation);
- `rows()`: the rows of a `values_list()` queryset, converted.

`CompiledAggregate(build, name=marker)`: the SQL of `queryset.aggregate(**aggregates)`, where
`build(name=marker)` gives (queryset, aggregates); `get()` gives the aggregate's dict.

Everything runs through Django's cursor, so query counts see it. The SQL stays the ORM's own:
a change of the model or of `build` changes it at the next start. A marker must be an int or a
str that no other parameter of the query equals (checked).

Several statements in one round trip (`statements_run`): where every round trip counts — a
section all other writers wait for (a cohort's lock) — `objects_statement()`,
`get_statement()`, `insert_statement(instance)` and `ids_statement(*models)` give statements
that PostgreSQL runs one after the other from one message, each with its own snapshot (so a
count after a `FOR UPDATE` sees what the lock waited for); elsewhere they run one by one.
"""

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import AutoField, Model, QuerySet
from django.db.models.query import RawQuerySet, get_related_populators
from django.db.models.sql import InsertQuery
from django.db.transaction import TransactionManagementError


@dataclass(frozen=True)
class Statement:
    """One statement for `statements_run`: its SQL (None: nothing to run here), its parameters,
    what its rows become and whether it gives rows at all."""

    sql: str | None
    params: Sequence
    finish: Callable[[list[tuple]], Any]
    gives_rows: bool = True


def statements_run(statements: Sequence[Statement], *, using: str = "default") -> list:
    """Run `statements` in order and return what each one's rows become. On PostgreSQL in one
    round trip (one execute, its result sets read in turn; the first error stops the rest and
    is raised); elsewhere one execute each. The SQL must hold no literal `%` (the ORM's never
    does: its values are parameters)."""
    connection = connections[using]
    runnable = [statement for statement in statements if statement.sql is not None]
    results: dict[int, list[tuple]] = {}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and len(runnable) > 1:
            cursor.execute(
                ";\n".join(statement.sql for statement in runnable),
                [param for statement in runnable for param in statement.params],
            )
            for position, statement in enumerate(runnable):
                if position:
                    cursor.nextset()
                results[id(statement)] = cursor.fetchall() if statement.gives_rows else []
        else:
            for statement in runnable:
                cursor.execute(statement.sql, list(statement.params))
                results[id(statement)] = cursor.fetchall() if statement.gives_rows else []
    return [statement.finish(results.get(id(statement), [])) for statement in statements]


# The INSERT of each model's rows, by (model, with its key, alias, vendor): its fields and
# SQL, the SQL None where a field places its values itself (`get_placeholder`).
_INSERTS: dict[tuple, tuple[list, str | None]] = {}


def insert_statement(instance: Model, *, using: str = "default") -> Statement:
    """The INSERT of `instance` as `bulk_create` writes it (every field's pre-save value: the
    `auto_now_add` moments, the related rows' keys), without RETURNING: its primary key goes in
    when it has one (reserved: `ids_statement`), else the database gives one the instance is
    not told. Afterwards the instance is saved, as `bulk_create` leaves it. The SQL is built by
    the ORM once per model; a value that is an expression is compiled by it each time."""
    model = type(instance)
    connection = connections[using]
    instance._prepare_related_fields_for_save(operation_name="insert_statement")
    with_key = instance.pk is not None
    key = (model, with_key, using, connection.vendor)
    if key not in _INSERTS:
        fields = [
            field
            for field in model._meta.concrete_fields
            if with_key or not (field.primary_key and isinstance(field, AutoField))
        ]
        placed = any(hasattr(field, "get_placeholder") for field in fields)
        _INSERTS[key] = (fields, None if placed else _insert_sql(model, fields, instance, using))
    fields, statement = _INSERTS[key]
    values = [field.pre_save(instance, True) for field in fields]
    if statement is None or any(hasattr(value, "resolve_expression") for value in values):
        statement, params = _insert_sql(model, fields, instance, using, with_params=True)
    else:
        params = [
            field.get_db_prep_save(value, connection=connection)
            for field, value in zip(fields, values, strict=True)
        ]

    def saved(_rows: list[tuple]) -> Model:
        instance._state.adding = False
        instance._state.db = using
        return instance

    return Statement(statement, tuple(params), saved, gives_rows=False)


def _insert_sql(model, fields, instance, using, *, with_params=False):
    """The ORM's INSERT of `instance` into `fields`, without RETURNING."""
    query = InsertQuery(model)
    query.insert_values(fields, [instance], raw=False)
    [(statement, params)] = query.get_compiler(using=using).as_sql()
    return (statement, params) if with_params else statement


def rows_insert(instances: Sequence[Model], *, using: str = "default") -> None:
    """Insert `instances` in order: on PostgreSQL in one round trip (`insert_statement`: a row
    whose key was not reserved is not told the one it gets), elsewhere each saved on its own
    (and told its key)."""
    if connections[using].vendor == "postgresql":
        statements_run([insert_statement(row, using=using) for row in instances], using=using)
        return
    for row in instances:
        row.save(force_insert=True, using=using)


def ids_statement(*models: type[Model], using: str = "default") -> Statement:
    """The next primary key of each of `models`, reserved (PostgreSQL's sequences: each given
    once, also when the transaction rolls back); elsewhere None each (the rows get theirs when
    they are saved)."""
    if connections[using].vendor != "postgresql":
        return Statement(None, (), lambda _rows: [None] * len(models))
    columns = ", ".join(["nextval(pg_get_serial_sequence(%s, %s))"] * len(models))
    params = [value for model in models for value in (model._meta.db_table, model._meta.pk.column)]
    return Statement(f"SELECT {columns}", tuple(params), lambda rows: list(rows[0]))


def _positions(sql: str, params, markers: dict) -> dict[str, int]:
    positions = {}
    for name, marker in markers.items():
        found = [index for index, param in enumerate(params) if param == marker]
        if len(found) != 1:
            raise ValueError(f"the marker of {name!r} is {len(found)} parameters: {sql}")
        positions[name] = found[0]
    return positions


def _bind(params: tuple, positions: dict[str, int], values: dict) -> list:
    if values.keys() != positions.keys():
        raise TypeError(f"values for {sorted(positions)} expected, got {sorted(values)}")
    bound = list(params)
    for name, value in values.items():
        bound[positions[name]] = value
    return bound


class _CompiledOnce(ABC):
    """`build(**markers)` turned into SQL once per database alias and vendor (`_make`, which
    each kind of compiled statement says for itself)."""

    def __init__(self, build: Callable, **markers: int | str) -> None:
        self._build = build
        self._markers = markers
        self._compiled: dict[tuple[str, str], tuple] = {}

    @abstractmethod
    def _make(self, using: str) -> tuple: ...

    def _compile(self, using: str) -> tuple:
        key = (using, connections[using].vendor)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._make(using)
        return compiled


class CompiledQuery(_CompiledOnce):
    def __init__(self, build: Callable[..., QuerySet], **markers: int | str) -> None:
        super().__init__(build, **markers)

    def _make(self, using: str) -> tuple:
        """(the model, the SQL, its parameters, where each value goes, the compiler that built
        the SQL — its columns and how rows become objects — and its converters)"""
        queryset = self._build(**self._markers)
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        positions = _positions(sql, params, self._markers)
        columns = [column[0] for column in compiler.select[0 : compiler.col_count]]
        converters = compiler.get_converters(columns)  # once, as the SQL
        return (queryset.model, sql, tuple(params), positions, compiler, converters)

    def raw(self, *, using: str = "default", **values: int | str) -> RawQuerySet:
        """The query's rows for `values` (one per marker), as `build(**values)` would give."""
        model, sql, params, positions, _compiler, _converters = self._compile(using)
        return model._default_manager.db_manager(using).raw(sql, _bind(params, positions, values))

    def _statement(self, using: str, values: dict, finish: Callable) -> Statement:
        _model, sql, params, positions, compiler, _converters = self._compile(using)
        if compiler.query.select_for_update and connections[using].get_autocommit():
            raise TransactionManagementError(
                "select_for_update cannot be used outside of a transaction."
            )
        return Statement(sql, _bind(params, positions, values), finish)

    def _results(self, using: str, values: dict):
        """The rows as Django's `results_iter` gives them (converted), with the compiler."""
        statement = self._statement(using, values, lambda rows: rows)
        [rows] = statements_run([statement], using=using)
        return self._converted(using, rows)

    def _converted(self, using: str, rows: list[tuple]):
        _model, _sql, _params, _positions, compiler, converters = self._compile(using)
        if compiler.has_extra_select:
            rows = [row[: compiler.col_count] for row in rows]
        if converters:
            rows = list(compiler.apply_converters(rows, converters))
        return compiler, rows

    def _shape(self, using: str, compiler) -> tuple:
        """How a row becomes an instance (ModelIterable's set-up), worked out once."""
        shape = getattr(compiler, "_compiled_shape", None)
        if shape is None:
            select, klass_info = compiler.select, compiler.klass_info
            start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
            shape = compiler._compiled_shape = (
                klass_info["model"],
                start,
                end,
                [column[0].target.attname for column in select[start:end]],
                get_related_populators(klass_info, select, using),
                compiler.annotation_col_map or {},
            )
        return shape

    def objects(self, *, using: str = "default", **values: int | str) -> list[Model]:
        """`list(build(**values))`: the instances as Django's ModelIterable makes them."""
        return self._instances(using, *self._results(using, values))

    def objects_statement(self, *, using: str = "default", **values: int | str) -> Statement:
        """`objects()` as a statement for `statements_run`."""
        return self._statement(
            using, values, lambda rows: self._instances(using, *self._converted(using, rows))
        )

    def _instances(self, using: str, compiler, results) -> list[Model]:
        model, start, end, init_list, populators, annotations = self._shape(using, compiler)
        objects = []
        for row in results:
            instance = model.from_db(using, init_list, row[start:end])
            for populator in populators:
                populator.populate(row, instance)
            for name, position in annotations.items():
                setattr(instance, name, row[position])
            objects.append(instance)
        return objects

    def rows(self, *, using: str = "default", **values: int | str) -> list[tuple]:
        """The rows of `build(**values)`, a `values_list()` queryset, as tuples."""
        return [tuple(row) for row in self._results(using, values)[1]]


class _Built(Exception):  # noqa: N818 — not an error: how the aggregate's SQL comes out
    pass


class CompiledAggregate(_CompiledOnce):
    def __init__(
        self, build: Callable[..., tuple[QuerySet, dict[str, Any]]], **markers: int | str
    ) -> None:
        super().__init__(build, **markers)

    def _make(self, using: str) -> tuple:
        """(the SQL, its parameters, where each value goes, the compiler, the aggregates'
        names, their converters)"""
        queryset, aggregates = self._build(**self._markers)
        query = queryset.query.chain()
        make_compiler = query.get_compiler

        def get_compiler(*args, **kwargs):
            compiler = make_compiler(*args, **kwargs)

            def execute_sql(*_args, **_kwargs):
                raise _Built(compiler, *compiler.as_sql())

            compiler.execute_sql = execute_sql
            return compiler

        query.get_compiler = get_compiler  # this query's only: nothing runs
        try:
            query.get_aggregation(using, aggregates)
        except _Built as built:
            compiler, sql, params = built.args
        else:  # pragma: no cover — Django built another query around it
            raise ValueError("the aggregate's SQL was not built by the queryset's query")
        names = list(compiler.query.annotation_select)
        converters = compiler.get_converters(compiler.query.annotation_select.values())
        positions = _positions(sql, params, self._markers)
        return (sql, tuple(params), positions, compiler, names, converters)

    def get(self, *, using: str = "default", **values: int | str) -> dict[str, Any]:
        """`queryset.aggregate(**aggregates)` of `build(**values)`."""
        return statements_run([self.get_statement(using=using, **values)], using=using)[0]

    def get_statement(self, *, using: str = "default", **values: int | str) -> Statement:
        """`get()` as a statement for `statements_run`."""
        sql, params, positions, compiler, names, converters = self._compile(using)

        def finish(rows: list[tuple]) -> dict[str, Any]:
            [row] = rows
            if converters:
                row = next(compiler.apply_converters((row,), converters))
            return dict(zip(names, row, strict=True))

        return Statement(sql, _bind(params, positions, values), finish)
