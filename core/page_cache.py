"""Public pages for visitors who are not signed in, from the cache (issue 15).

`public_page(view)` wraps a view (in urls.py): a GET by an anonymous visitor with no message
waiting is answered from the cache when the same address was rendered in the same language
since the last change; otherwise the view renders it and, when it is a plain 200 page, it is
kept for `TIMEOUT` seconds. Never for a signed-in user, never a page with a message, an
error, a redirect or a cookie of its own.

The CSRF token: every page carries one (the language switcher's form, htmx's header). The
cached copy keeps a placeholder where the token was and each visitor gets their own token
(`get_token`, which also sets their CSRF cookie as a rendered page would), so that no one
receives someone else's token.

Invalidation: the keys carry a generation, replaced after every statement that writes a row
of what public pages show (`watch_models`, in CoreConfig.ready; core.generations: saves,
deletes and bulk writes alike — a module moved up), so a change is visible on the next
request; the timeout bounds what depends on the clock alone (a registration deadline
passing). Languages are separate keys; so are addresses with different query strings.

Signed-in people's pages (issue 15) use `personal_page(view)`: a GET by a signed-in person,
with no message waiting and not from htmx, for an address with at most a page number, is
answered with what the view answered the same person for the same address in the same
language on the same day, **while nothing has been committed in the database since**
(`core.db.committed_state()`, PostgreSQL's snapshot: any commit by any process — a save, a
bulk update, a worker, a migration — names a new state). The view does not run on such an
answer; it did run, for this person, on exactly the data and day of the answer, so its checks
(sign-in, role, object permissions, all rows) gave the same result. Copies are per person
(never shared between people), kept `PERSONAL_TIMEOUT` seconds; the CSRF token is handled as
for public pages. A page that changes by the clock within the day (a survey opens when the last
session ends) says when, with `page_changes_at(request, moment)`: its copy is kept until then
at most. A request with `Cache-Control: no-cache` (a browser's hard reload) is
rendered by the view each time. On another database than PostgreSQL, or inside a transaction
(tests that are not transactional), nothing is cached.

Every key carries the release (`release()`: the code, templates, translations and static files'
names of this deployment), so that a page rendered by the previous release — pointing to its
CSS — is not served after a deploy.

Pages about one object whose content depends on that object alone (certificate verification)
use `object_page(request, key=…, render=…)` instead: kept per key and language, whatever else
changes, until the object's service calls `object_page_forget(key)` (now and again when its
transaction commits), so that a change — a revoked certificate — is visible on the next request.
"""

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.response import SimpleTemplateResponse
from django.utils import timezone

from core.db import committed_state
from core.generations import Generation
from core.pagination import asks_only_for_a_page
from core.release import release

logger = logging.getLogger(__name__)

TIMEOUT = 300
# An object's page is forgotten by its service; the short timeout bounds what a forget that did
# not reach Redis (an outage, core/cache.py) could leave behind.
OBJECT_TIMEOUT = 60
PERSONAL_TIMEOUT = 300
GENERATION_KEY = "public-page:generation"
OBJECT_KEY = "object-page:{release}:{key}:{language}"
# Headers a view sets that a cached answer does not repeat (they describe this one response).
_NOT_KEPT = {"content-length", "content-type", "set-cookie"}
PLACEHOLDER = "__CSRF_TOKEN__"
# Where a masked CSRF token (64 letters and digits) appears in a rendered page.
_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value="|"X-CSRFToken": ")[A-Za-z0-9]{64}"')
# The apps whose rows public pages show (a save of a user only counts beyond logging in).
WATCHED_APPS = {"programs", "library", "participants", "core", "accounts"}
# Rows of those apps that no public page shows (a new model counts until it is named here).
IGNORED_MODELS = frozenset(
    {
        "core.backgroundjob",
        "participants.attendance",
        "participants.auditentry",
        "participants.calendarfeed",
        "participants.cohortmessage",
        "participants.consentrecord",
        "participants.importbatch",
        "participants.importinvitation",
        "participants.registrationanswer",
        "participants.registrationrequest",
        "participants.surveyanswer",
        "participants.surveyresponse",
        "participants.surveysubmission",
    }
)


GENERATION = Generation(GENERATION_KEY, watched_apps=WATCHED_APPS, ignored_models=IGNORED_MODELS)


def public_pages_changed() -> None:
    """Every cached public page is stale (core.generations: now and at the commit)."""
    GENERATION.replace()


def _has_messages(request: HttpRequest) -> bool:
    """Counted, not read: they are still shown by the page that renders."""
    return len(get_messages(request)) > 0


def _visitor_get(request: HttpRequest) -> bool:
    """A GET by a visitor who is not signed in and has no message waiting."""
    return (
        request.method in {"GET", "HEAD"}
        and not request.user.is_authenticated
        and not _has_messages(request)
    )


def _key(request: HttpRequest) -> str:
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"public-page:{release()}:{GENERATION.current()}:{request.LANGUAGE_CODE}:{address}"


def page_changes_at(request: HttpRequest, moment: dt.datetime | None) -> None:
    """The page being rendered for `request` changes by the clock at `moment` (a survey opens
    when the last session ends): a cached copy of it is kept until then at most."""
    if moment is None:
        return
    sooner = getattr(request, "_page_changes_at", None)
    if sooner is None or moment < sooner:
        request._page_changes_at = moment


def _timeout(request: HttpRequest, timeout: int) -> int:
    """`timeout` seconds, or fewer when the page changes by the clock before (0: not kept)."""
    moment = getattr(request, "_page_changes_at", None)
    if moment is None:
        return timeout
    return max(0, min(timeout, int((moment - timezone.now()).total_seconds())))


def _from_cache(
    request: HttpRequest, entry: dict, *, header: str = "X-Public-Cache"
) -> HttpResponse:
    content = entry["content"].replace(PLACEHOLDER, get_token(request))
    response = HttpResponse(content, content_type=entry["content_type"])
    for name, value in entry.get("headers", ()):
        response[name] = value
    response[header] = "hit"
    return response


def _store(key: str, response: HttpResponse, timeout: int) -> None:
    if isinstance(response, SimpleTemplateResponse) and not response.is_rendered:
        response.render()
    if (
        timeout <= 0
        or response.status_code != 200
        or response.streaming
        or response.cookies
        or response.has_header("Content-Disposition")
    ):
        return
    content = _TOKEN.sub(
        lambda match: match.group(1) + PLACEHOLDER + '"', response.content.decode()
    )
    headers = [(name, value) for name, value in response.items() if name.lower() not in _NOT_KEPT]
    cache.set(
        key,
        {"content": content, "content_type": response["Content-Type"], "headers": headers},
        timeout,
    )


def public_page(view):
    """The view's pages for anonymous visitors, from the cache (see the module)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not (asks_only_for_a_page(request) and _visitor_get(request)):
            return view(request, *args, **kwargs)
        key = _key(request)
        entry = cache.get(key)
        if entry is not None:
            return _from_cache(request, entry)
        response = view(request, *args, **kwargs)
        _store(key, response, _timeout(request, TIMEOUT))
        return response

    return wrapped


def _personal_get(request: HttpRequest) -> bool:
    """A GET by a signed-in person for an address with at most a page number, not from htmx
    (its answers are parts of pages), not a hard reload, no message waiting."""
    return (
        request.method in {"GET", "HEAD"}
        and request.user.is_authenticated
        and asks_only_for_a_page(request)
        and "HX-Request" not in request.headers
        and "no-cache" not in request.headers.get("Cache-Control", "")
        and not _has_messages(request)
    )


def _personal_key(request: HttpRequest, state: str) -> str:
    address = hashlib.sha256(f"{state}|{request.get_full_path()}".encode()).hexdigest()
    return (
        f"personal-page:{release()}:{request.user.pk}:{request.LANGUAGE_CODE}:"
        f"{timezone.localdate().isoformat()}:{address}"
    )


def personal_page(view):
    """The view's pages for signed-in people, from the cache while the database is unchanged
    (see the module)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _personal_get(request):
            return view(request, *args, **kwargs)
        state = committed_state()
        if state is None:
            return view(request, *args, **kwargs)
        key = _personal_key(request, state)
        entry = cache.get(key)
        if entry is not None:
            return _from_cache(request, entry, header="X-Personal-Cache")
        response = view(request, *args, **kwargs)
        if not _has_messages(request):  # a message added while rendering is shown once
            _store(key, response, _timeout(request, PERSONAL_TIMEOUT))
        return response

    return wrapped


def watch_models() -> None:
    """Once, in CoreConfig.ready: every statement that writes a row of the watched apps."""
    GENERATION.watch()


def _object_keys(key: str) -> list[str]:
    return [
        OBJECT_KEY.format(release=release(), key=key, language=language)
        for language, _ in settings.LANGUAGES
    ]


def object_page(
    request: HttpRequest, *, key: str, render: Callable[[], HttpResponse]
) -> HttpResponse:
    """`render()`'s page about one object for an anonymous visitor with no message waiting,
    kept under `key` in the request's language until `object_page_forget(key)` (or
    `OBJECT_TIMEOUT`).
    Signed-in visitors, other answers than a plain 200 page: rendered each time."""
    if not _visitor_get(request):
        return render()
    cache_key = OBJECT_KEY.format(release=release(), key=key, language=request.LANGUAGE_CODE)
    entry = cache.get(cache_key)
    if entry is not None:
        return _from_cache(request, entry)
    response = render()
    _store(cache_key, response, _timeout(request, OBJECT_TIMEOUT))
    return response


def _forget(key: str) -> None:
    cache.delete_many(_object_keys(key))


def object_page_forget(key: str) -> None:
    """The pages kept under `key` are stale: now, and again when the current transaction
    commits (a page rendered in between from the data before the commit is not kept)."""
    _forget(key)
    transaction.on_commit(lambda: _forget(key))
