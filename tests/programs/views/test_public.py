import datetime as dt
import re

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from programs.models import Cohort, GoodPractice, Program
from programs.views.public import PAGE_SIZE
from tests.factories import (
    CohortFactory,
    CollaborationTypeFactory,
    ModuleFactory,
    ObjectiveFactory,
    ProgramFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)


@pytest.fixture
def program(db):
    program = ProgramFactory(title="Kooperatif Eğitimi", slug="kooperatif-egitimi")
    ObjectiveFactory(program=program, number=1, text="Bağ kurmak")
    ModuleFactory(program=program, title="Yasal dayanaklar")
    return program


def test_program_page_shows_objectives_modules_and_seats_left(client, program):
    cohort = CohortFactory(program=program, title="Bursa dönemi", capacity=10)
    RegistrationFactory.create_batch(3, cohort=cohort, status="confirmed")
    html = client.get(
        reverse("programs:program_detail", kwargs={"slug": program.slug})
    ).content.decode()
    assert "Bağ kurmak" in html
    assert "Yasal dayanaklar" in html
    assert "Bursa dönemi" in html
    assert "7 boş yer" in html


def test_program_page_prints_each_objective_number_once(client, program):
    ObjectiveFactory(program=program, number=2, text="Araç geliştirmek")
    html = client.get(
        reverse("programs:program_detail", kwargs={"slug": program.slug})
    ).content.decode()
    objectives = html.split('<ol class="objectives">', 1)[1].split("</ol>", 1)[0]
    text = " ".join(re.sub(r"<[^>]+>", " ", objectives).split())
    assert text == "01 Bağ kurmak 02 Araç geliştirmek"


def test_full_cohort_shows_waiting_list(client, program):
    cohort = CohortFactory(program=program, capacity=1)
    RegistrationFactory(cohort=cohort, status="confirmed")
    html = client.get(reverse("programs:cohort_detail", kwargs={"pk": cohort.pk})).content.decode()
    assert "Dolu — bekleme listesi" in html


def test_draft_programme_and_cohort_are_hidden_from_the_public(client, coordinator):
    program = ProgramFactory(status=Program.Status.DRAFT)
    cohort = CohortFactory(status=Cohort.Status.DRAFT)
    assert (
        client.get(reverse("programs:program_detail", kwargs={"slug": program.slug})).status_code
        == 404
    )
    assert (
        client.get(reverse("programs:cohort_detail", kwargs={"pk": cohort.pk})).status_code == 404
    )
    assert client.get(reverse("programs:cohort_ical", kwargs={"pk": cohort.pk})).status_code == 404
    client.force_login(coordinator)
    assert (
        client.get(reverse("programs:program_detail", kwargs={"slug": program.slug})).status_code
        == 200
    )
    assert (
        client.get(reverse("programs:cohort_detail", kwargs={"pk": cohort.pk})).status_code == 200
    )


def test_draft_cohort_is_visible_to_its_facilitator_only(client, facilitator):
    cohort = CohortFactory(status=Cohort.Status.DRAFT)
    client.force_login(facilitator)
    assert (
        client.get(reverse("programs:cohort_detail", kwargs={"pk": cohort.pk})).status_code == 404
    )
    cohort.facilitators.add(facilitator)
    assert (
        client.get(reverse("programs:cohort_detail", kwargs={"pk": cohort.pk})).status_code == 200
    )


def test_cohort_page_shows_turkish_dates_with_weekday(client, db):
    cohort = CohortFactory(
        starts_on=dt.date(2026, 11, 26),
        ends_on=dt.date(2026, 11, 27),
        registration_closes_at=timezone.make_aware(dt.datetime(2026, 11, 20)),
        registration_opens_at=timezone.make_aware(dt.datetime(2026, 11, 1)),
    )
    SessionFactory(cohort=cohort, title="Açılış")
    html = client.get(reverse("programs:cohort_detail", kwargs={"pk": cohort.pk})).content.decode()
    assert "26 Kasım 2026, Perşembe" in html
    assert "27 Kasım 2026, Cuma" in html
    assert "10:00–12:00" in html


def test_cohort_ical_feed_has_one_event_per_session(client, db):
    cohort = CohortFactory(starts_on=dt.date(2027, 3, 10), ends_on=dt.date(2027, 3, 11))
    for hour in (9, 11, 14):
        SessionFactory(
            cohort=cohort,
            title=f"Oturum {hour}",
            starts_at=timezone.make_aware(dt.datetime(2027, 3, 10, hour, 0)),
            ends_at=timezone.make_aware(dt.datetime(2027, 3, 10, hour + 1, 30)),
        )
    response = client.get(reverse("programs:cohort_ical", kwargs={"pk": cohort.pk}))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(event["summary"]).split(" — ")[0] for event in events] == [
        "Oturum 9",
        "Oturum 11",
        "Oturum 14",
    ]
    assert events[0].decoded("dtstart") == timezone.make_aware(dt.datetime(2027, 3, 10, 9, 0))
    assert "İzmir" in str(events[0]["location"])


def test_ical_events_link_the_cohort_page_whatever_the_site_address_ends_with(client, db, settings):
    settings.SITE_URL = "https://egitim.example.org/"
    session = SessionFactory()
    response = client.get(reverse("programs:session_ical", kwargs={"pk": session.pk}))
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["url"]) == f"https://egitim.example.org/donemler/{session.cohort.pk}/"
    assert response["Content-Disposition"] == (
        f'attachment; filename="oturum-{session.pk}.ics"; '
        f"filename*=UTF-8''oturum-{session.pk}.ics"
    )


def test_session_ical_has_one_event_and_no_meeting_link(client, db):
    cohort = CohortFactory(online_url="https://toplanti.example.org/gizli")
    session = SessionFactory(cohort=cohort, online_url="https://toplanti.example.org/gizli")
    response = client.get(reverse("programs:session_ical", kwargs={"pk": session.pk}))
    calendar = icalendar.Calendar.from_ical(response.content)
    assert len(calendar.walk("VEVENT")) == 1
    assert b"gizli" not in response.content


def test_good_practice_filters(client, db):
    GoodPractice.objects.create(
        partner="A", country="İtalya", title="Roma örneği", summary="s", kind="case_study"
    )
    GoodPractice.objects.create(
        partner="B", country="Almanya", title="Berlin bağlantısı", summary="s", kind="live_link"
    )
    GoodPractice.objects.create(
        partner="C",
        country="Almanya",
        title="Yayımlanmamış kayıt",
        summary="s",
        kind="live_link",
        is_published=False,
    )
    url = reverse("programs:good_practice_list")
    html = client.get(url).content.decode()
    assert "Roma örneği" in html
    assert "Berlin bağlantısı" in html
    assert "Yayımlanmamış kayıt" not in html
    html = client.get(url, {"ulke": "Almanya"}).content.decode()
    assert "Berlin bağlantısı" in html
    assert "Roma örneği" not in html
    html = client.get(url, {"tur": "case_study"}).content.decode()
    assert "Roma örneği" in html
    assert "Berlin bağlantısı" not in html
    assert client.get(url, {"tur": "<script>", "modul": "abc"}).status_code == 200


@pytest.mark.parametrize("count", [1, 3, 30])
def test_program_page_query_count_does_not_grow_with_cohorts(
    client, program, count, django_assert_num_queries
):
    for _ in range(count):
        cohort = CohortFactory(program=program)
        RegistrationFactory(cohort=cohort)
        cohort.facilitators.add(RegistrationFactory().participant)
    with django_assert_num_queries(6):
        client.get(reverse("programs:program_detail", kwargs={"slug": program.slug}))


@pytest.mark.parametrize("count", [1, 3, 30])
def test_good_practice_list_query_count_does_not_grow(client, db, count, django_assert_num_queries):
    module = ModuleFactory()
    for index in range(count):
        practice = GoodPractice.objects.create(
            partner=f"P{index}", country="İtalya", title=f"T{index}", summary="s", kind="case_study"
        )
        practice.modules.add(module)
    with django_assert_num_queries(6):
        client.get(reverse("programs:good_practice_list"))


@pytest.mark.parametrize("count", [1, 3, 30])
def test_cohort_page_query_count_does_not_grow_with_sessions(
    client, db, count, django_assert_num_queries
):
    cohort = CohortFactory(starts_on=dt.date(2027, 3, 10), ends_on=dt.date(2027, 4, 30))
    module = ModuleFactory(program=cohort.program)
    for index in range(count):
        session = SessionFactory(
            cohort=cohort,
            starts_at=timezone.make_aware(
                dt.datetime(2027, 3, 10, 8, 0) + dt.timedelta(days=index)
            ),
            ends_at=timezone.make_aware(dt.datetime(2027, 3, 10, 9, 0) + dt.timedelta(days=index)),
        )
        session.modules.add(module)
    with django_assert_num_queries(4):
        client.get(reverse("programs:cohort_detail", kwargs={"pk": cohort.pk}))


def test_good_practices_filter_by_collaboration_type(client, db):
    partnership = CollaborationTypeFactory(slug="ortaklik", name="Ortaklık")
    linked = GoodPractice.objects.create(
        partner="A", country="Almanya", title="Enerji ortaklığı", summary="s", kind="live_link"
    )
    linked.collaboration_types.add(partnership)
    GoodPractice.objects.create(
        partner="B", country="İtalya", title="Bakım hizmeti", summary="s", kind="case_study"
    )
    html = client.get(
        reverse("programs:good_practice_list"), {"isbirligi": "ortaklik"}
    ).content.decode()
    assert "Enerji ortaklığı" in html
    assert "Bakım hizmeti" not in html
    assert 'href="/yasal-dayanaklar/kopru/?type=ortaklik"' in html


def _published_with_cohort(title: str, days: int | None, **program_fields):
    program = ProgramFactory(title=title, **program_fields)
    ObjectiveFactory(program=program)
    if days is not None:
        CohortFactory(
            program=program,
            title=f"{title} dönemi",
            starts_on=timezone.localdate() + dt.timedelta(days=days),
        )
    return program


def _card_titles(html: str) -> list[str]:
    return re.findall(r'<h2 class="h3"><a href="[^"]+">([^<]+)</a></h2>', html)


def test_programme_list_puts_the_soonest_cohort_first_and_hides_drafts(client, db):
    _published_with_cohort("Çevre Programı", None)
    _published_with_cohort("Bayrak Programı", 40)
    _published_with_cohort("Yeni Program", 10)
    _published_with_cohort("Taslak Program", 5, status=Program.Status.DRAFT)
    html = client.get(reverse("programs:program_list")).content.decode()
    assert _card_titles(html) == ["Yeni Program", "Bayrak Programı", "Çevre Programı"]
    assert "1 açık dönem, sıradaki" in html
    assert "şu anda açık dönem yok" in html


def test_programme_list_is_paginated(client, db):
    for index in range(PAGE_SIZE + 1):
        _published_with_cohort(f"Program {index:02d}", None)
    first = client.get(reverse("programs:program_list")).content.decode()
    assert len(_card_titles(first)) == PAGE_SIZE
    assert 'href="?sayfa=2" rel="next"' in first
    second = client.get(reverse("programs:program_list"), {"sayfa": "2"}).content.decode()
    assert _card_titles(second) == [f"Program {PAGE_SIZE:02d}"]
    assert "Sayfa 2 / 2" in second
    assert client.get(reverse("programs:program_list"), {"sayfa": "x'<"}).status_code == 200


@pytest.mark.parametrize("count", [1, 3])
def test_programme_list_query_count_does_not_grow(client, db, count, django_assert_num_queries):
    for index in range(count):
        _published_with_cohort(f"Program {index}", index + 3)
    with django_assert_num_queries(2):
        client.get(reverse("programs:program_list"))


def test_cohort_list_shows_every_open_cohort_of_published_programmes_soonest_first(client, db):
    _published_with_cohort("Bayrak Programı", 40)
    _published_with_cohort("Yeni Program", 10)
    _published_with_cohort("Taslak Program", 5, status=Program.Status.DRAFT)
    CohortFactory(title="Taslak dönem", status=Cohort.Status.DRAFT)
    CohortFactory(
        title="Biten dönem",
        starts_on=timezone.localdate() - dt.timedelta(days=3),
        ends_on=timezone.localdate() - dt.timedelta(days=1),
        registration_opens_at=timezone.now() - dt.timedelta(days=20),
        registration_closes_at=timezone.now() - dt.timedelta(days=10),
    )
    html = client.get(reverse("programs:cohort_list")).content.decode()
    assert _card_titles(html) == ["Yeni Program dönemi", "Bayrak Programı dönemi"]
    assert '<a href="/programlar/' in html  # each card names its programme
    assert "Taslak" not in html
    assert "Biten dönem" not in html


@pytest.mark.parametrize("count", [1, 3])
def test_cohort_list_query_count_does_not_grow(client, db, count, django_assert_num_queries):
    for index in range(count):
        cohort = CohortFactory(starts_on=timezone.localdate() + dt.timedelta(days=index + 3))
        RegistrationFactory(cohort=cohort)
        cohort.facilitators.add(UserFactory())
    with django_assert_num_queries(3):
        client.get(reverse("programs:cohort_list"))


def test_good_practice_filter_ignores_a_module_that_is_no_number(client, db):
    response = client.get(reverse("programs:good_practice_list"), {"modul": "²"})
    assert response.status_code == 200
