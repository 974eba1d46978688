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
"""

from collections.abc import Callable
from typing import Any

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import RawQuerySet, get_related_populators
from django.db.transaction import TransactionManagementError


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


def _fetch(using: str, sql: str, bound: list) -> list[tuple]:
    with connections[using].cursor() as cursor:
        cursor.execute(sql, bound)
        return cursor.fetchall()


class _CompiledOnce:
    """`build(**markers)` turned into SQL once per database alias and vendor (`_make`)."""

    def __init__(self, build: Callable, **markers: int | str) -> None:
        self._build = build
        self._markers = markers
        self._compiled: dict[tuple[str, str], tuple] = {}

    def _make(self, using: str) -> tuple:
        raise NotImplementedError

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

    def _results(self, using: str, values: dict):
        """The rows as Django's `results_iter` gives them (converted), with the compiler."""
        _model, sql, params, positions, compiler, converters = self._compile(using)
        if compiler.query.select_for_update and connections[using].get_autocommit():
            raise TransactionManagementError(
                "select_for_update cannot be used outside of a transaction."
            )
        rows = _fetch(using, sql, _bind(params, positions, values))
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
        compiler, results = self._results(using, values)
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
        sql, params, positions, compiler, names, converters = self._compile(using)
        [row] = _fetch(using, sql, _bind(params, positions, values))
        if converters:
            row = next(compiler.apply_converters((row,), converters))
        return dict(zip(names, row, strict=True))
