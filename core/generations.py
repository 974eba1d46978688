"""Generations of cached data (issue 15): one value in the cache names the current state of
what a cache depends on; the cache's keys carry it, so replacing it makes every entry stale at
once (the old entries expire by their timeout). `core.page_cache` (anonymous public pages) and
`core.figure_cache` (the coordinator's figures) each have one.

A generation is replaced after every save or delete of a row of the apps it watches (`watch`,
connected in CoreConfig.ready) — a save of a user that only records a login does not count, nor
a row of the models it names as never shown by what it caches (`ignored_models`: attendance
clicks during a session do not empty the public pages' cache) —
and by the services that write rows in bulk (`bulk_create`, `QuerySet.update()`: no signal),
through `replace()`. It is replaced at once and again when the transaction commits: a page
rendered in between from the data before the commit is not kept. However many rows one
transaction changes, the commit replaces it once.

A section every other writer waits for (a cohort's lock: 200 people registering at once) should
not wait for the cache as well: `replaced_up_front()` replaces every generation before it, now
and at the commit (all of them in one cache call each time), and the rows saved inside it
replace none again.
"""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

_LOGIN_ONLY = frozenset({"last_login"})
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

    def _changed(self, sender, **kwargs) -> None:
        if sender._meta.app_label not in self.watched_apps or _up_front.get():
            return
        if sender._meta.label_lower in self.ignored_models:
            return
        update_fields = kwargs.get("update_fields")
        if update_fields and frozenset(update_fields) <= _LOGIN_ONLY:
            return
        self.replace()

    def watch(self) -> None:
        """Connect once (CoreConfig.ready): every save and delete of the watched apps' rows."""
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(self._changed, weak=False, dispatch_uid=f"{self.key}:{signal}")
        if self not in _watching:
            _watching.append(self)


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
