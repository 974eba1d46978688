import pytest
from django.apps import apps
from django.test import RequestFactory
from django.utils.html import conditional_escape

from core import figure_cache
from participants.models import AuditEntry
from participants.services.audit import audit_log
from tests.factories import (
    AttendanceFactory,
    CohortFactory,
    NotificationFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


class Counter:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> int:
        self.calls += 1
        return self.calls


def test_a_figure_is_computed_once_until_a_watched_row_changes():
    compute = Counter()
    assert figure_cache.cached_figures("x", compute) == 1
    assert figure_cache.cached_figures("x", compute) == 1
    CohortFactory()
    assert figure_cache.cached_figures("x", compute) == 2
    assert compute.calls == 2


def test_keys_are_kept_apart():
    assert figure_cache.cached_figures("a", lambda: "first") == "first"
    assert figure_cache.cached_figures("b", lambda: "second") == "second"
    assert figure_cache.cached_figures("a", lambda: "other") == "first"


def test_logging_in_and_rows_of_unwatched_apps_keep_the_figures():
    user = UserFactory()
    registration = RegistrationFactory()
    compute = Counter()
    figure_cache.cached_figures("x", compute)
    user.save(update_fields=["last_login"])
    NotificationFactory(registration=registration)  # an e-mail row is no figure
    assert figure_cache.cached_figures("x", compute) == 1


def test_the_audit_log_keeps_the_figures_and_attendance_replaces_them():
    registration = RegistrationFactory(status="confirmed")
    session = SessionFactory(cohort=registration.cohort)
    compute = Counter()
    figure_cache.cached_figures("x", compute)
    audit_log(actor=None, action=AuditEntry.Action.DATA_ERASED, detail="#1")
    assert figure_cache.cached_figures("x", compute) == 1
    AttendanceFactory(
        session=session, registration=registration
    )  # the overview's attendance rate counts it
    assert figure_cache.cached_figures("x", compute) == 2


def test_the_models_the_figure_cache_ignores_exist():
    for label in figure_cache.IGNORED_MODELS:
        assert apps.get_model(label)._meta.app_label in figure_cache.WATCHED_APPS


def test_a_figure_computed_before_the_commit_of_a_change_is_replaced_after_it(
    django_capture_on_commit_callbacks,
):
    """Inside the changing transaction a request may still read the old rows and cache them:
    the generation is replaced again at the commit."""
    compute = Counter()
    with django_capture_on_commit_callbacks(execute=True):
        figure_cache.figures_changed()
        assert figure_cache.cached_figures("x", compute) == 1
    assert figure_cache.cached_figures("x", compute) == 2


class Context(Counter):
    """A context factory that counts its calls; its context holds the number of the call."""

    def __call__(self) -> dict:
        return {"call": super().__call__(), "name": "<Ayşe & Ali>"}


@pytest.fixture
def body_template(settings):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [
                    (
                        "django.template.loaders.locmem.Loader",
                        {"body.html": "<p>{{ call }} {{ name }} {{ request.path }}</p>"},
                    )
                ],
                "context_processors": ["django.template.context_processors.request"],
            },
        }
    ]
    return "body.html"


def test_a_body_is_rendered_on_a_miss_and_read_on_a_hit(body_template):
    context = Context()
    first = figure_cache.cached_body(key="x", template_name=body_template, context=context)
    second = figure_cache.cached_body(key="x", template_name=body_template, context=context)
    assert first == "<p>1 &lt;Ayşe &amp; Ali&gt; </p>"
    assert second == "<p>1 &lt;Ayşe &amp; Ali&gt; </p>"
    assert context.calls == 1  # the hit built no context
    assert conditional_escape(second) == second  # put into the page as it is


def test_a_change_replaces_the_body(body_template):
    context = Context()
    figure_cache.cached_body(key="x", template_name=body_template, context=context)
    CohortFactory()
    body = figure_cache.cached_body(key="x", template_name=body_template, context=context)
    assert body == "<p>2 &lt;Ayşe &amp; Ali&gt; </p>"
    assert context.calls == 2


def test_a_body_is_rendered_with_the_request_and_without_a_key_each_time(body_template):
    context = Context()
    request = RequestFactory().get("/konsol/")
    for call in (1, 2):
        body = figure_cache.cached_body(
            key=None, template_name=body_template, context=context, request=request
        )
        assert body == f"<p>{call} &lt;Ayşe &amp; Ali&gt; /konsol/</p>"
    assert figure_cache.cached_body(key="x", template_name=body_template, context=context) == (
        "<p>3 &lt;Ayşe &amp; Ali&gt; </p>"
    )
