"""Expensive figures of the coordinator's pages, from the cache (issue 15).

`cached_figures(key, compute)` returns what `compute()` returned the last time it ran for that
key since the last change, or runs it and keeps the result for at most `TIMEOUT` seconds.
Callers put into the key everything the result depends on besides the data (the programme,
the language).

Invalidation: the keys carry a generation, replaced after every committed save or delete of a
row of the apps whose data the figures count (`watch_models`, connected in CoreConfig.ready) —
registrations, attendance, sessions, cohorts, survey responses, certificates, plans,
organisations, profiles — and by the services that write such rows in bulk
(`bulk_create`, `QuerySet.update()`: they call `figures_changed()`), so a change is visible on
the next request. The generation is replaced at once and again when the transaction commits:
a page rendered in between from the data before the commit is not kept. The timeout bounds
what a lost replacement could leave (Redis down at the moment of a change).
"""

import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

TIMEOUT = 300
GENERATION_KEY = "coordinator-figures:generation"
# The apps whose rows the figures count; a save of a user only counts beyond logging in.
WATCHED_APPS = {
    "programs",
    "participants",
    "certificates",
    "action_plans",
    "library",
    "core",
    "accounts",
}
_LOGIN_ONLY = frozenset({"last_login"})


def _generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.set(GENERATION_KEY, generation, None)
    return generation


def _new_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def figures_changed() -> None:
    """Every cached figure is stale: now, and again when the current transaction commits."""
    _new_generation()
    transaction.on_commit(_new_generation)


def cached_figures(key: str, compute: Callable[[], Any]) -> Any:
    """`compute()`'s result for `key` since the last change (see the module)."""
    full_key = f"coordinator-figures:{_generation()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, TIMEOUT)
    return value


def _changed(sender, **kwargs) -> None:
    if sender._meta.app_label not in WATCHED_APPS:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields and frozenset(update_fields) <= _LOGIN_ONLY:
        return
    figures_changed()


def watch_models() -> None:
    """Connected once, in CoreConfig.ready: every save and delete of the watched apps' rows."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_changed, dispatch_uid=f"coordinator-figures-{signal}")
