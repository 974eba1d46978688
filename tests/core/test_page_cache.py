import datetime as dt
import re

import pytest
from django.apps import apps
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.roles import COORDINATOR
from core import page_cache
from programs.models import Cohort
from tests.factories import (
    ActionPlanFactory,
    AttendanceFactory,
    CohortFactory,
    ParticipantProfileFactory,
    ProgramFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
    WorkGroupFactory,
    WorkGroupMemberFactory,
)

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')


def _program_url(program) -> str:
    return reverse("programs:program_detail", kwargs={"slug": program.slug})


def test_a_second_anonymous_visit_is_served_from_the_cache_without_a_query(
    client, django_assert_num_queries
):
    program = ProgramFactory(title="Kooperatif Okulu")
    first = client.get(_program_url(program))
    assert "X-Public-Cache" not in first
    with django_assert_num_queries(0):
        second = client.get(_program_url(program))
    assert second["X-Public-Cache"] == "hit"
    assert second.content.count(b"Kooperatif Okulu") == first.content.count(b"Kooperatif Okulu")
    assert page_cache.PLACEHOLDER.encode() not in second.content
    assert b'"X-CSRFToken": "__' not in second.content


def test_each_visitor_of_a_cached_page_gets_a_csrf_token_that_works(db):
    program = ProgramFactory()
    Client().get(_program_url(program))  # fills the cache
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(_program_url(program))
    assert page["X-Public-Cache"] == "hit"
    assert "csrftoken" in page.cookies
    token = TOKEN.search(page.content.decode()).group(1)
    assert f'"X-CSRFToken": "{token}"' in page.content.decode()
    response = visitor.post(
        reverse("set_language"), {"language": "en", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302


def test_a_change_of_what_the_page_shows_takes_it_out_of_the_cache(client):
    program = ProgramFactory(title="Eski başlık")
    cohort = CohortFactory(program=program, capacity=5)
    url = reverse("programs:cohort_detail", kwargs={"pk": cohort.pk})
    client.get(url)
    assert client.get(url)["X-Public-Cache"] == "hit"
    program.title = "Yeni başlık"
    program.save()
    changed = client.get(url)
    assert "X-Public-Cache" not in changed
    assert "Yeni başlık" in changed.content.decode()
    assert client.get(url)["X-Public-Cache"] == "hit"
    RegistrationFactory(cohort=cohort)  # the seats left change
    assert "X-Public-Cache" not in client.get(url)


def test_rows_no_public_page_shows_keep_the_pages_cached(client):
    cohort = CohortFactory(capacity=5)
    registration = RegistrationFactory(cohort=cohort, status="confirmed")
    session = SessionFactory(cohort=cohort)
    url = reverse("programs:cohort_detail", kwargs={"pk": cohort.pk})
    client.get(url)
    AttendanceFactory(session=session, registration=registration)  # a click in the attendance grid
    assert client.get(url)["X-Public-Cache"] == "hit"


def test_the_models_the_public_cache_ignores_exist():
    for label in page_cache.IGNORED_MODELS:
        assert apps.get_model(label)._meta.app_label in page_cache.WATCHED_APPS


def test_languages_are_cached_apart(client):
    program = ProgramFactory()
    turkish = client.get(_program_url(program))
    client.cookies["django_language"] = "en"
    english = client.get(_program_url(program))
    assert "X-Public-Cache" not in english
    assert english["Content-Language"] == "en"
    assert client.get(_program_url(program))["X-Public-Cache"] == "hit"
    assert b'lang="en"' in client.get(_program_url(program)).content
    del client.cookies["django_language"]
    again = client.get(_program_url(program))
    assert again["X-Public-Cache"] == "hit"
    assert b'lang="tr"' in again.content
    assert b'lang="tr"' in turkish.content


def test_signed_in_visitors_and_pages_with_a_message_are_never_cached(client, participant):
    program = ProgramFactory()
    client.get(_program_url(program))
    storage = CookieStorage(None)
    messages_cookie = storage._encode([_message("Kaydınız alındı.")])
    client.cookies["messages"] = messages_cookie
    with_message = client.get(_program_url(program))
    assert "X-Public-Cache" not in with_message
    assert "Kaydınız alındı." in with_message.content.decode()
    client.force_login(participant)
    assert "X-Public-Cache" not in client.get(_program_url(program))
    assert "X-Public-Cache" not in client.get(_program_url(program))


def test_a_missing_page_is_not_cached(client):
    url = reverse("programs:program_detail", kwargs={"slug": "yok"})
    assert client.get(url).status_code == 404
    ProgramFactory(slug="yok", title="Şimdi var")
    assert client.get(url).status_code == 200


def _message(text):
    return Message(constants.SUCCESS, text)


def test_only_a_page_number_makes_a_cached_copy_of_its_own(client):
    """Addresses of anyone's choosing (a search, a made-up parameter, a huge page number) are
    rendered every time: nobody can fill the cache with copies of a page."""
    url = reverse("programs:program_list")
    for query in ("?sayfa=2", "?sayfa=2"):
        client.get(url + query)
    assert client.get(url + "?sayfa=2")["X-Public-Cache"] == "hit"
    for query in (
        "?q=kooperatif",
        "?uydurma=1",
        "?sayfa=99999999",
        "?sayfa=bir",
        "?sayfa=02",  # page 2 has one address: "?sayfa=2"
        "?sayfa=\u0662",  # an Arabic-Indic two
        "?sayfa=",
    ):
        client.get(url + query)
        assert "X-Public-Cache" not in client.get(url + query), query


# Signed-in people's pages: `personal_page`. The copies are named by the committed state of the
# database, so these tests commit (transactional); the last one shows that a test inside a
# transaction caches nothing. Any commit in the cluster names a new state (autovacuum's
# analyze, another test run): a visit expected to be a hit may therefore be tried again.

MINE = reverse("participants:my_registrations")


def _cached_visit(client: Client, url: str, tries: int = 20):
    """The first visit answered from the cache, with the queries it made."""
    for _ in range(tries):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        if response.get("X-Personal-Cache") == "hit":
            return response, queries
    raise AssertionError(f"{url} was rendered by the view {tries} times")


def _participant_with_a_registration(title: str):
    return RegistrationFactory(
        cohort=CohortFactory(title=title), participant=ParticipantProfileFactory().user
    )


def _signed_in(user, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(user)
    return client


@pytest.mark.django_db(transaction=True)
def test_a_persons_second_visit_is_answered_from_the_cache_with_a_token_of_their_own():
    registration = _participant_with_a_registration("Çankırı dönemi")
    client = _signed_in(registration.participant, enforce_csrf_checks=True)
    first = client.get(MINE)
    assert first.status_code == 200
    assert "X-Personal-Cache" not in first
    second, queries = _cached_visit(client, MINE)
    # the session, the person with their roles, the database's state
    assert len(queries) == 3
    assert second.content.decode().count("Çankırı dönemi") == 1
    assert first.content.decode().count("Çankırı dönemi") == 1
    page = second.content.decode()
    token = TOKEN.search(page).group(1)
    assert token != TOKEN.search(first.content.decode()).group(1)
    assert f'"X-CSRFToken": "{token}"' in page
    assert page_cache.PLACEHOLDER not in page
    renewed = client.post(
        reverse("participants:calendar_feed_renew"), {"csrfmiddlewaretoken": token}
    )
    assert renewed.status_code == 302


@pytest.mark.django_db(transaction=True)
def test_any_commit_renders_the_page_again_even_one_that_sends_no_signal():
    registration = _participant_with_a_registration("Eski başlık")
    client = _signed_in(registration.participant)
    client.get(MINE)
    _cached_visit(client, MINE)
    # a bulk update: no signal, no generation replaced; the commit alone tells
    Cohort.objects.filter(pk=registration.cohort_id).update(title="Yeni başlık")
    again = client.get(MINE)
    assert "X-Personal-Cache" not in again
    assert "Yeni başlık" in again.content.decode()
    assert "Eski başlık" not in again.content.decode()
    _cached_visit(client, MINE)


@pytest.mark.django_db(transaction=True)
def test_copies_are_never_shared_between_people():
    first = _participant_with_a_registration("Birinci dönem")
    second = _participant_with_a_registration("İkinci dönem")
    _signed_in(first.participant).get(MINE)
    other = _signed_in(second.participant)
    page = other.get(MINE)
    assert "X-Personal-Cache" not in page
    assert "İkinci dönem" in page.content.decode()
    assert "Birinci dönem" not in page.content.decode()
    _cached_visit(other, MINE)


@pytest.mark.django_db(transaction=True)
def test_a_hard_reload_htmx_a_query_and_a_waiting_message_are_rendered_by_the_view():
    registration = _participant_with_a_registration("Sinop dönemi")
    client = _signed_in(registration.participant)
    client.get(MINE)
    _cached_visit(client, MINE)
    assert "X-Personal-Cache" not in client.get(MINE, headers={"Cache-Control": "no-cache"})
    assert "X-Personal-Cache" not in client.get(MINE, headers={"HX-Request": "true"})
    assert "X-Personal-Cache" not in client.get(MINE + "?q=sinop")
    client.cookies["messages"] = CookieStorage(None)._encode([_message("Profiliniz kaydedildi.")])
    with_message = client.get(MINE)
    assert "X-Personal-Cache" not in with_message
    assert "Profiliniz kaydedildi." in with_message.content.decode()
    assert "Profiliniz kaydedildi." not in client.get(MINE).content.decode()


@pytest.mark.django_db(transaction=True)
def test_languages_and_days_are_kept_apart(monkeypatch):
    registration = _participant_with_a_registration("Rize dönemi")
    client = _signed_in(registration.participant)
    client.get(MINE)
    client.cookies["django_language"] = "en"
    english = client.get(MINE)
    assert "X-Personal-Cache" not in english
    assert b'lang="en"' in english.content
    _cached_visit(client, MINE)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    monkeypatch.setattr(page_cache.timezone, "localdate", lambda: tomorrow)
    assert "X-Personal-Cache" not in client.get(MINE)


def test_nothing_is_cached_inside_a_test_transaction(client):
    registration = _participant_with_a_registration("Muş dönemi")
    client.force_login(registration.participant)
    client.get(MINE)
    assert "X-Personal-Cache" not in client.get(MINE)


class _Spy:
    """The cache, with the timeouts the page cache asked for."""

    def __init__(self, cache) -> None:
        self.cache = cache
        self.timeouts: list[int] = []

    def get(self, key):
        return self.cache.get(key)

    def set(self, key, value, timeout):
        self.timeouts.append(timeout)
        self.cache.set(key, value, timeout)


@pytest.mark.django_db(transaction=True)
def test_kayitlarim_is_kept_only_until_a_survey_link_appears(monkeypatch):
    spy = _Spy(page_cache.cache)
    monkeypatch.setattr(page_cache, "cache", spy)
    registration = _participant_with_a_registration("Ordu dönemi")
    cohort = registration.cohort
    cohort.sessions.all().delete()
    ends_at = timezone.now() + dt.timedelta(seconds=90)
    SessionFactory(cohort=cohort, starts_at=ends_at - dt.timedelta(hours=2), ends_at=ends_at)
    client = _signed_in(registration.participant)
    assert "Ordu dönemi" in client.get(MINE).content.decode()
    assert len(spy.timeouts) == 1
    assert 80 <= spy.timeouts[0] <= 90  # the survey opens when the session ends
    Cohort.objects.filter(pk=cohort.pk).update(survey_opened_at=timezone.now())  # by hand
    client.get(MINE)
    assert spy.timeouts[1] == page_cache.PERSONAL_TIMEOUT


@pytest.mark.django_db(transaction=True)
def test_a_page_that_says_it_varies_by_htmx_still_says_so_from_the_cache():
    group = WorkGroupFactory()
    member = WorkGroupMemberFactory(group=group).registration.participant
    plan = ActionPlanFactory(work_group=group, title="Kent bostanı")
    client = _signed_in(member)
    url = reverse("plans:plan_detail", kwargs={"plan_id": plan.pk})
    first = client.get(url)
    hit, _queries = _cached_visit(client, url)
    assert "HX-Request" in first["Vary"]
    assert hit["Vary"] == first["Vary"]
    assert hit.content.decode().count("Kent bostanı") == first.content.decode().count(
        "Kent bostanı"
    )


def test_every_key_carries_the_release(client, monkeypatch):
    program = ProgramFactory()
    client.get(_program_url(program))
    assert client.get(_program_url(program))["X-Public-Cache"] == "hit"
    monkeypatch.setattr(page_cache, "release", lambda: "next-release")
    assert "X-Public-Cache" not in client.get(_program_url(program))


@pytest.mark.django_db(transaction=True)
def test_the_survey_report_is_kept_only_until_the_survey_opens(monkeypatch):
    spy = _Spy(page_cache.cache)
    monkeypatch.setattr(page_cache, "cache", spy)
    cohort = CohortFactory(title="Bartın dönemi")
    cohort.sessions.all().delete()
    ends_at = timezone.now() + dt.timedelta(seconds=120)
    SessionFactory(cohort=cohort, starts_at=ends_at - dt.timedelta(hours=2), ends_at=ends_at)
    client = _signed_in(UserFactory(roles=[COORDINATOR], is_staff=True))
    url = reverse("participants:survey_report", kwargs={"pk": cohort.pk})
    assert "Bartın dönemi" in client.get(url).content.decode()
    assert 110 <= spy.timeouts[0] <= 120


def test_a_module_moved_up_is_in_its_new_place_on_the_next_visit(client):
    from programs.services import module_move
    from tests.factories import ModuleFactory

    program = ProgramFactory()
    first = ModuleFactory(program=program, position=1, title="Kooperatif ortaklığı modülü")
    second = ModuleFactory(program=program, position=2, title="Belediye bütçesi modülü")
    client.get(_program_url(program))
    assert client.get(_program_url(program))["X-Public-Cache"] == "hit"

    module_move(module=second, up=True)  # bulk_update: no signal

    page = client.get(_program_url(program))
    assert "X-Public-Cache" not in page
    text = page.content.decode()
    assert text.index(second.title) < text.index(first.title)


def test_an_objective_moved_down_is_renumbered_on_the_next_visit(client):
    from programs.services import objective_move
    from tests.factories import ObjectiveFactory

    program = ProgramFactory()
    first = ObjectiveFactory(program=program, number=1, text="Yasal çerçeveyi tanımak")
    second = ObjectiveFactory(program=program, number=2, text="Eylem planı hazırlamak")
    client.get(_program_url(program))
    assert client.get(_program_url(program))["X-Public-Cache"] == "hit"

    objective_move(objective=first, up=False)

    page = client.get(_program_url(program))
    assert "X-Public-Cache" not in page
    text = page.content.decode()
    assert text.index(second.text) < text.index(first.text)
