import re

import pytest
from django.apps import apps
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import Client
from django.urls import reverse

from core import page_cache
from tests.factories import (
    AttendanceFactory,
    CohortFactory,
    ProgramFactory,
    RegistrationFactory,
    SessionFactory,
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
    for query in ("?q=kooperatif", "?uydurma=1", "?sayfa=99999999", "?sayfa=bir"):
        client.get(url + query)
        assert "X-Public-Cache" not in client.get(url + query), query
