"""Queries that every request runs, their SQL built by the ORM once (issue 15).

Building a query through the ORM (resolving lookups and subqueries, compiling them to SQL)
costs far more Python time than running it: the signed-in person's row with its roles (three
`Exists` subqueries) took 3 ms to build and 0.3 ms to run. `CompiledQuery(build, name=marker)`
asks the ORM for the SQL of `build(name=marker)` once per database and then only runs that
SQL with the real values in the markers' places (`raw()`: model instances, with the
annotations as attributes, through Django's cursor, so query counts see it).

The SQL stays the ORM's own: a change of the model or of `build` changes it at the next start.
A marker must be an int or a str that no other parameter of the query equals (checked).
"""

from collections.abc import Callable

from django.db import connections
from django.db.models import QuerySet
from django.db.models.query import RawQuerySet


class CompiledQuery:
    def __init__(self, build: Callable[..., QuerySet], **markers: int | str) -> None:
        self._build = build
        self._markers = markers
        # per database alias and vendor: (the model, the SQL, its parameters, where each value goes)
        self._compiled: dict[tuple[str, str], tuple[type, str, tuple, dict[str, int]]] = {}

    def _compile(self, using: str) -> tuple[type, str, tuple, dict[str, int]]:
        key = (using, connections[using].vendor)
        compiled = self._compiled.get(key)
        if compiled is None:
            queryset = self._build(**self._markers)
            sql, params = queryset.query.get_compiler(using=using).as_sql()
            positions = {}
            for name, marker in self._markers.items():
                found = [index for index, param in enumerate(params) if param == marker]
                if len(found) != 1:
                    raise ValueError(f"the marker of {name!r} is {len(found)} parameters: {sql}")
                positions[name] = found[0]
            compiled = self._compiled[key] = (queryset.model, sql, tuple(params), positions)
        return compiled

    def raw(self, *, using: str = "default", **values: int | str) -> RawQuerySet:
        """The query's rows for `values` (one per marker), as `build(**values)` would give."""
        model, sql, params, positions = self._compile(using)
        if values.keys() != positions.keys():
            raise TypeError(f"values for {sorted(positions)} expected, got {sorted(values)}")
        bound = list(params)
        for name, value in values.items():
            bound[positions[name]] = value
        return model._default_manager.db_manager(using).raw(sql, bound)
