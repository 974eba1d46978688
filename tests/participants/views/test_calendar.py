import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse
from icalendar import Calendar

from participants.models import CalendarFeed
from participants.services.calendar import calendar_feed_renew
from tests.factories import (
    CalendarFeedFactory,
    CohortFactory,
    ParticipantProfileFactory,
    RegistrationFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db
MINE = reverse("participants:my_registrations")
RENEW = reverse("participants:calendar_feed_renew")
COHORT_LINK = "https://toplanti.example.org/donem"
LIVE_LINK = "https://toplanti.example.org/canli"


def _feed_url(feed) -> str:
    return reverse("participants:calendar_feed", kwargs={"token": feed.token})


def _events(response) -> list:
    calendar = Calendar.from_ical(response.content)
    return sorted(calendar.walk("VEVENT"), key=lambda event: event.decoded("dtstart"))


@pytest.fixture
def person():
    return ParticipantProfileFactory().user


def _cohort_with_links(title: str):
    cohort = CohortFactory(title=title, online_url=COHORT_LINK, venue="Eğitim salonu")
    SessionFactory(cohort=cohort, title=f"{title}: açılış", room="Salon A")
    SessionFactory(
        cohort=cohort,
        title=f"{title}: canlı bağlantı",
        starts_at=dt.datetime.combine(cohort.starts_on, dt.time(14, 0)).astimezone(),
        ends_at=dt.datetime.combine(cohort.starts_on, dt.time(15, 0)).astimezone(),
        online_url=LIVE_LINK,
    )
    return cohort


def test_feed_lists_confirmed_sessions_with_links_and_venues_without_login(client, person):
    confirmed = _cohort_with_links("Onaylı")
    RegistrationFactory(cohort=confirmed, participant=person, status="confirmed")
    for status in ("waitlisted", "pending", "cancelled", "rejected"):
        RegistrationFactory(cohort=_cohort_with_links(status), participant=person, status=status)
    feed = CalendarFeedFactory(user=person)

    response = client.get(_feed_url(feed))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    events = _events(response)
    assert [str(event["summary"]).split(" — ")[0] for event in events] == [
        "Onaylı: açılış",
        "Onaylı: canlı bağlantı",
    ]
    opening, live = events
    assert str(opening["url"]) == COHORT_LINK
    assert str(opening["location"]) == "Salon A, Eğitim salonu, İzmir"
    assert COHORT_LINK in str(opening["description"])
    assert str(live["url"]) == LIVE_LINK
    assert LIVE_LINK in str(live["description"])


def test_feed_of_someone_waitlisted_or_pending_has_no_link(client, person):
    for status in ("waitlisted", "pending"):
        RegistrationFactory(cohort=_cohort_with_links(status), participant=person, status=status)
    feed = CalendarFeedFactory(user=person)
    response = client.get(_feed_url(feed))
    assert response.status_code == 200
    assert _events(response) == []
    assert "toplanti.example.org" not in response.content.decode()


def test_public_cohort_feed_never_carries_links(client):
    cohort = _cohort_with_links("Açık")
    response = client.get(reverse("programs:cohort_ical", kwargs={"pk": cohort.pk}))
    assert len(_events(response)) == 2
    assert "toplanti.example.org" not in response.content.decode()


def test_a_new_link_revokes_the_old_one_at_once(client, person):
    old = calendar_feed_renew(user=person)
    old_url = _feed_url(old)
    assert client.get(old_url).status_code == 200
    client.force_login(person)
    response = client.post(RENEW)
    assert response.status_code == 302
    assert response.url == MINE + "#takvim"
    new = CalendarFeed.objects.get(user=person)
    assert new.token != old.token
    assert len(new.token) == 43
    client.logout()
    assert client.get(old_url).status_code == 404
    assert client.get(_feed_url(new)).status_code == 200


def test_a_person_whose_data_was_erased_has_no_feed(client, person):
    from participants.services.privacy import personal_data_erase

    feed = CalendarFeedFactory(user=person)
    url = _feed_url(feed)
    personal_data_erase(user=person)
    assert client.get(url).status_code == 404
    assert not CalendarFeed.objects.filter(user=person).exists()


@pytest.mark.parametrize("cohorts", [1, 3])
def test_feed_takes_two_queries_whatever_the_number_of_sessions(
    client, person, cohorts, django_assert_num_queries
):
    for index in range(cohorts):
        cohort = CohortFactory(title=f"Dönem {index}")
        SessionFactory(cohort=cohort)
        RegistrationFactory(cohort=cohort, participant=person)
    feed = CalendarFeedFactory(user=person)
    with django_assert_num_queries(2):
        response = client.get(_feed_url(feed))
    assert len(_events(response)) == cohorts


def test_my_registrations_offers_to_create_the_calendar_link_then_shows_it(client, person):
    RegistrationFactory(participant=person)
    client.force_login(person)
    html = client.get(MINE).content.decode()
    assert "Takvim bağlantısı" in html
    assert "Takvim bağlantımı oluştur" in html
    assert 'id="calendar-feed-url"' not in html
    response = client.post(RENEW, follow=True)
    html = response.content.decode()
    feed = CalendarFeed.objects.get(user=person)
    assert "Takvim bağlantınız hazır." in html
    assert f'value="{settings.SITE_URL}{_feed_url(feed)}"' in html
    assert "Yeni bağlantı oluştur" in html


@pytest.mark.parametrize(
    ("status", "shown"),
    [("confirmed", True), ("pending", False), ("waitlisted", False), ("cancelled", False)],
)
def test_my_registrations_shows_meeting_links_only_when_confirmed(client, person, status, shown):
    cohort = _cohort_with_links("Dönem")
    RegistrationFactory(cohort=cohort, participant=person, status=status)
    client.force_login(person)
    html = client.get(MINE).content.decode()
    assert (COHORT_LINK in html, LIVE_LINK in html) == (shown, shown)
