import datetime as dt

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from core.sessions import SessionStore


def test_the_site_keeps_its_sessions_in_the_database():
    assert settings.SESSION_ENGINE == "core.sessions"


def test_a_saved_session_is_read_back_in_one_query(db, django_assert_num_queries):
    store = SessionStore()
    store["colour"] = "kırmızı"
    store.save()
    again = SessionStore(store.session_key)
    with django_assert_num_queries(1):
        assert dict(again.items()) == {"colour": "kırmızı"}
    assert again.session_key == store.session_key


def test_an_expired_session_is_empty_and_forgets_its_key(db):
    store = SessionStore()
    store["colour"] = "mavi"
    store.save()
    Session.objects.filter(pk=store.session_key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    again = SessionStore(store.session_key)
    assert dict(again.items()) == {}
    assert again.session_key is None


def test_an_unknown_key_is_an_empty_session(db):
    again = SessionStore("k" * 32)
    assert dict(again.items()) == {}
    assert again.session_key is None


def test_a_logout_ends_the_session_for_good(client, participant):
    client.force_login(participant)
    key = client.session.session_key
    assert SessionStore(key)[SESSION_KEY] == str(participant.pk)
    client.post(reverse("account_logout"))
    assert not Session.objects.filter(pk=key).exists()
    client.cookies[settings.SESSION_COOKIE_NAME] = key  # the old cookie, sent again
    response = client.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
