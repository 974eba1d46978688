"""Expensive figures of the coordinator's pages, from the cache (issue 15).

`cached_figures(key, compute)` returns what `compute()` returned the last time it ran for that
key since the last change, or runs it and keeps the result for at most `TIMEOUT` seconds.
Callers put into the key everything the result depends on besides the data (the programme,
the language). `cached_body(...)` does so for a page's content: a template rendered with a
context built only when the cache has none, ready to put into the page around it.

Invalidation: the keys carry a generation, replaced after every statement that writes a row
of the apps whose data the figures count (`watch_models`, in CoreConfig.ready; core.generations:
saves, deletes and bulk writes alike) — registrations, attendance, sessions, cohorts, survey
responses, certificates, plans, organisations, profiles — so a change is visible on the next
request. The generation is replaced at once and again when the transaction commits:
a page rendered in between from the data before the commit is not kept. The keys carry the
release (core/release.py): a deploy does not serve the last release's HTML. The timeout bounds
what a lost replacement could leave (Redis down at the moment of a change).
"""

from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from core.generations import Generation
from core.release import release

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
# Rows of those apps that no cached figure counts (a new model counts until it is named here).
IGNORED_MODELS = frozenset(
    {
        "core.backgroundjob",
        "participants.auditentry",
        "participants.calendarfeed",
        "participants.consentrecord",
        "participants.importbatch",
        "participants.importinvitation",
        "participants.registrationrequest",
    }
)


GENERATION = Generation(GENERATION_KEY, watched_apps=WATCHED_APPS, ignored_models=IGNORED_MODELS)


def figures_changed() -> None:
    """Every cached figure is stale (core.generations: now and at the commit)."""
    GENERATION.replace()


def cached_figures(key: str, compute: Callable[[], Any]) -> Any:
    """`compute()`'s result for `key` since the last change (see the module)."""
    full_key = f"coordinator-figures:{release()}:{GENERATION.current()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, TIMEOUT)
    return value


def cached_body(
    *,
    key: str | None,
    template_name: str,
    context: Callable[[], dict[str, Any]],
    request: HttpRequest | None = None,
) -> SafeString:
    """`template_name` rendered for `key` since the last change, to put into a page as it is.

    On a miss `context()` is called (it may run the expensive queries) and the template rendered
    with it, and with `request`'s context processors when one is given; on a hit neither runs.
    `key=None` renders it each time and keeps nothing (an address not worth keeping).
    """

    def render() -> str:
        return render_to_string(template_name, context(), request=request)

    body = render() if key is None else cached_figures(key, render)
    return mark_safe(body)  # noqa: S308 — our own template's output


def watch_models() -> None:
    """Once, in CoreConfig.ready: every statement that writes a row of the watched apps."""
    GENERATION.watch()
