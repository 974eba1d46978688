"""Generations of cached data (issue 15): one value in the cache names the current state of
what a cache depends on; the cache's keys carry it, so replacing it makes every entry stale at
once (the old entries expire by their timeout). `core.page_cache` (anonymous public pages) and
`core.figure_cache` (the coordinator's figures) each have one.

A generation is replaced after every statement that writes a row of the apps it watches —
whatever wrote it: a model's `save()` or `delete()`, `QuerySet.update()`, `bulk_create`,
`bulk_update` (core.ordering's moves), a many-to-many change, SQL of our own
(core.compiled) — because it is watched where every statement passes: a database execute
wrapper (`watch`, installed on every connection as it opens), which reads the table an
INSERT, UPDATE or DELETE writes. Signals would miss the bulk writes (they send none), and a
service that forgot to announce one left public pages stale (a module moved up stayed in its
old place for five minutes). Not counted: an UPDATE that only records a login (`last_login`),
and rows of the models a generation names as never shown by what it caches
(`ignored_models`: attendance clicks during a session do not empty the public pages' cache).

It is replaced after the statement, at once and again when the transaction commits: a page
rendered in between from the data before the commit is not kept. However many rows one
transaction changes, the commit replaces it once. `replace()` is there for what no statement
tells (tests, a change by the clock).

A section every other writer waits for (a cohort's lock: 200 people registering at once) should
not wait for the cache as well: `replaced_up_front()` replaces every generation before it, now
and at the commit (all of them in one cache call each time), and the statements inside it
replace none again.
"""

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.core.cache import cache
from django.db import connections, transaction
from django.db.backends.signals import connection_created

_LOGIN_ONLY = frozenset({"last_login"})
# The statements that write rows, as Django and core.compiled write them (one or several in one
# string, each its table quoted right after the verb; `SELECT … FOR UPDATE OF "t"` is none).
_WRITE = re.compile(r'(?:^|;)\s*(INSERT INTO|UPDATE|DELETE FROM) "([^"]+)"')
# A column an UPDATE sets: `"name" = `. Inside a CASE (bulk_update) the key's column counts as
# well, which can only make an UPDATE count as more than a login.
_SET_COLUMN = re.compile(r'"(\w+)" = ')
# Every generation that watches rows (`Generation.watch`).
_watching: list["Generation"] = []
# True inside `replaced_up_front()`: the changes there were announced before it.
_up_front: ContextVar[bool] = ContextVar("generations_replaced_up_front", default=False)


class Generation:
    def __init__(
        self, key: str, *, watched_apps: set[str], ignored_models: frozenset[str] = frozenset()
    ) -> None:
        self.key = key
        self.watched_apps = frozenset(watched_apps)
        self.ignored_models = ignored_models  # "app_label.modelname", as Model._meta.label_lower

    def current(self) -> str:
        generation = cache.get(self.key)
        if generation is None:
            generation = uuid.uuid4().hex
            cache.set(self.key, generation, None)
        return generation

    def _replace_now(self) -> None:
        cache.set(self.key, uuid.uuid4().hex, None)

    def replace(self) -> None:
        """Everything cached under the current generation is stale: now, and again when the
        current transaction commits (once per transaction)."""
        self._replace_now()
        connection = transaction.get_connection()
        if not connection.in_atomic_block:
            return  # autocommit: the change is committed already
        if any(
            func == self._replace_now or (isinstance(func, _ReplaceAll) and self in func.every)
            for _ids, func, _robust in connection.run_on_commit
        ):
            return  # this transaction replaces it at its commit already
        transaction.on_commit(self._replace_now)

    def _cares(self, label: str, app_label: str, columns: frozenset[str] | None) -> bool:
        """Whether a write of a row of the model `label` (`columns`: what an UPDATE sets, None
        for an INSERT or DELETE) changes what this generation's cache holds."""
        if app_label not in self.watched_apps or label in self.ignored_models:
            return False
        return not (columns and columns <= _LOGIN_ONLY)

    def watch(self) -> None:
        """Once (CoreConfig.ready): every statement that writes a row of the watched apps
        replaces it (see the module)."""
        if self not in _watching:
            _watching.append(self)
        connection_created.connect(_wrap_connection, dispatch_uid="core.generations.watch")
        for connection in connections.all(initialized_only=True):
            _wrap(connection)


class _ReplaceAll:
    """Replace each of `every` with one cache call (one round trip to Redis, not one each)."""

    def __init__(self, every: list[Generation]) -> None:
        self.every = list(every)

    def __call__(self) -> None:
        cache.set_many({generation.key: uuid.uuid4().hex for generation in self.every}, None)


@contextmanager
def replaced_up_front() -> Iterator[None]:
    """Replace every watching generation now and at the commit (as a change would), then let
    the rows saved inside the block replace none again: for a short section that every other
    writer waits for. Only inside a transaction (the commit replaces them after the block's
    changes); nothing inside may cache what it renders."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("replaced_up_front() needs a transaction")
    _ReplaceAll(_watching)()  # all at once: one round trip
    connection = transaction.get_connection()
    at_commit = {
        generation
        for generation in _watching
        if any(
            func == generation._replace_now
            or (isinstance(func, _ReplaceAll) and generation in func.every)
            for _ids, func, _robust in connection.run_on_commit
        )
    }
    if len(at_commit) < len(_watching):  # the others, once per transaction as `replace`
        transaction.on_commit(_ReplaceAll([g for g in _watching if g not in at_commit]))
    token = _up_front.set(True)
    try:
        yield
    finally:
        _up_front.reset(token)


# db_table → (app label, model label) of every model, many-to-many tables included.
_TABLES: dict[str, tuple[str, str]] = {}


def _models_of_tables() -> dict[str, tuple[str, str]]:
    if not _TABLES:
        _TABLES.update(
            {
                model._meta.db_table: (model._meta.app_label, model._meta.label_lower)
                for model in apps.get_models(include_auto_created=True)
            }
        )
    return _TABLES


def writes(sql: str) -> list[tuple[str, frozenset[str] | None]]:
    """The tables `sql` writes rows of, each with the columns an UPDATE sets (None for an
    INSERT or a DELETE)."""
    found = []
    for match in _WRITE.finditer(sql):
        columns = None
        if match.group(1) == "UPDATE":
            rest = sql[match.end() :]
            ends = [at for at in (rest.find(" WHERE "), rest.find(";")) if at >= 0]
            columns = frozenset(_SET_COLUMN.findall(rest[: min(ends)] if ends else rest))
        found.append((match.group(2), columns))
    return found


def _watch_writes(execute, sql, params, many, context):
    """The execute wrapper: the statement runs, then each generation whose cache it changes is
    replaced (not inside `replaced_up_front()`: announced before)."""
    result = execute(sql, params, many, context)
    if not isinstance(sql, str) or (sql.startswith("SELECT") and ";" not in sql) or _up_front.get():
        return result
    tables = _models_of_tables()
    changed = []
    for table, columns in writes(sql):
        model = tables.get(table)
        if model is None:
            continue
        changed += [
            generation
            for generation in _watching
            if generation not in changed and generation._cares(model[1], model[0], columns)
        ]
    for generation in changed:
        generation.replace()
    return result


def _wrap(connection) -> None:
    """First in the connection's list: `connection.execute_wrapper()` blocks (tests) pop the
    last one when they end, and a connection may open inside one."""
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, _watch_writes)


def _wrap_connection(sender, connection, **kwargs) -> None:  # noqa: ARG001 — signal signature
    _wrap(connection)
