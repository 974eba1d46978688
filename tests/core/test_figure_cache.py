import pytest

from core import figure_cache
from tests.factories import CohortFactory, NotificationFactory, RegistrationFactory, UserFactory

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
