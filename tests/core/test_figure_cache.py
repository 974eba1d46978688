import pytest
from django.apps import apps

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
