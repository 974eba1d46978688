"""Every URL pattern of the project has a declared expectation for each role.

A new URL without an entry here fails `test_every_url_pattern_is_declared`; the entries are
then requested as anonymous visitor, participant, facilitator and coordinator.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from core.models import BackgroundJob
from tests.factories import UserFactory

ROLES = ("anonymous", "participant", "facilitator", "coordinator")
LOGIN = "login"  # a redirect to the login page
ADMIN_LOGIN = "admin-login"


@dataclass(frozen=True)
class Expect:
    anonymous: int | str
    participant: int | str
    facilitator: int | str
    coordinator: int | str
    method: str = "get"
    kwargs: dict = field(default_factory=dict)
    data: dict = field(default_factory=dict)


def _job_kwargs(db_objects) -> dict:
    return {"job_id": db_objects["job"].pk}


EVERYONE = Expect(200, 200, 200, 200)
MEMBERS = Expect(LOGIN, 200, 200, 200)
COORDINATORS = Expect(LOGIN, 403, 403, 200)

MATRIX: dict[str, Expect] = {
    "core:home": EVERYONE,
    "core:system_status": COORDINATORS,
    "core:worker_check": Expect(LOGIN, 403, 403, 302, method="post"),
    "core:system_status_job": Expect(LOGIN, 403, 403, 200, kwargs={"job_id": "job"}),
    "accounts:profile": MEMBERS,
    "set_language": Expect(302, 302, 302, 302, method="post", data={"language": "en"}),
    # django-allauth: guests see the entrance pages, members are sent on.
    "account_login": Expect(200, 302, 302, 302),
    "account_signup": Expect(200, 302, 302, 302),
    "account_logout": Expect(302, 302, 302, 302, method="post"),
    "account_inactive": EVERYONE,
    "account_reauthenticate": MEMBERS,
    "account_email": MEMBERS,
    "account_email_verification_sent": EVERYONE,
    "account_confirm_email": Expect(200, 200, 200, 200, kwargs={"key": "gecersiz-anahtar"}),
    "account_confirm_login_code": Expect(302, 302, 302, 302),
    "account_change_password": MEMBERS,
    "account_set_password": Expect(LOGIN, 302, 302, 302),
    "account_reset_password": EVERYONE,
    "account_reset_password_done": EVERYONE,
    "account_reset_password_from_key": Expect(
        200, 200, 200, 200, kwargs={"uidb36": "0", "key": "gecersiz-anahtar"}
    ),
    "account_reset_password_from_key_done": EVERYONE,
    # documents: a queued document of a test kind that only its owner and coordinators may fetch.
    "documents:download": Expect(LOGIN, 404, 404, 200, kwargs={"document_id": "document"}),
    "documents:retry": Expect(
        LOGIN, 404, 404, 302, method="post", kwargs={"document_id": "document"}
    ),
}
# The Django admin is for staff; coordinators are staff and see the apps their role grants
# (accounts and groups stay with superusers). Checked on its index and on the change list of
# every registered model.
ADMIN = Expect(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 200)
ADMIN_SUPERUSER_ONLY = Expect(ADMIN_LOGIN, ADMIN_LOGIN, ADMIN_LOGIN, 403)
SUPERUSER_ONLY_APPS = {"auth", "accounts", "account"}


def _walk(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            full = f"{namespace}:{inner}".strip(":") if inner else namespace
            yield from _walk(pattern.url_patterns, full)
        elif isinstance(pattern, URLPattern):
            name = pattern.name or f"<unnamed {pattern.pattern}>"
            yield f"{namespace}:{name}" if namespace else name


def test_every_url_pattern_is_declared():
    names = {name for name in _walk(get_resolver().url_patterns) if not name.startswith("admin:")}
    assert sorted(names - MATRIX.keys()) == [], "URL patterns without an access expectation"
    assert sorted(MATRIX.keys() - names) == [], "expectations for URL patterns that do not exist"


@pytest.fixture
def role_users(db):
    return {
        "anonymous": None,
        "participant": UserFactory(),
        "facilitator": UserFactory(roles=["facilitator"]),
        "coordinator": UserFactory(roles=["coordinator"], is_staff=True),
    }


@pytest.fixture
def db_objects(db):
    return {
        "job": BackgroundJob.objects.create(kind=BackgroundJob.Kind.WORKER_CHECK),
        "document": _document(owner=UserFactory()),
    }


def _document(*, owner):
    from django.contrib.contenttypes.models import ContentType

    from documents.models import Document

    job = BackgroundJob.objects.create(kind=BackgroundJob.Kind.WORKER_CHECK, requested_by=owner)
    return Document.objects.create(
        kind="test_certificate",
        content_type=ContentType.objects.get_for_model(job),
        object_id=job.pk,
        inputs_hash="0" * 64,
    )


def _check(client, url: str, expect: Expect, role: str, user) -> None:
    if user is not None:
        client.force_login(user)
    response = getattr(client, expect.method)(url, expect.data)
    wanted = getattr(expect, role)
    if wanted == LOGIN:
        assert response.status_code == 302, (url, role, response.status_code)
        assert urlsplit(response.url).path == reverse("account_login"), (url, role)
    elif wanted == ADMIN_LOGIN:
        assert response.status_code == 302, (url, role, response.status_code)
        assert urlsplit(response.url).path == reverse("admin:login"), (url, role)
    else:
        assert response.status_code == wanted, (url, role, response.status_code)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_url_access(client, role_users, db_objects, name, role):
    expect = MATRIX[name]
    kwargs = {
        key: (db_objects[value].pk if value in db_objects else value)
        for key, value in expect.kwargs.items()
    }
    _check(client, reverse(name, kwargs=kwargs), expect, role, role_users[role])


def _admin_urls() -> list[tuple[str, Expect]]:
    from django.contrib import admin

    urls = [(reverse("admin:index"), ADMIN)]
    urls += [
        (
            reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"),
            ADMIN_SUPERUSER_ONLY if model._meta.app_label in SUPERUSER_ONLY_APPS else ADMIN,
        )
        for model in admin.site._registry
    ]
    return urls


@pytest.mark.parametrize("role", ROLES)
def test_admin_access(client, role_users, role):
    for url, expect in _admin_urls():
        _check(client, url, expect, role, role_users[role])
