import csv
import datetime as dt
import io
from urllib.parse import urlsplit

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from core import pagination
from participants.checkin_codes import code_for, current_step
from participants.models import Attendance, Registration
from tests.factories import (
    AttendanceFactory,
    CohortFactory,
    ParticipantProfileFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)


@pytest.fixture
def session(facilitator):
    # Today, so that moving the clock to the session keeps the test client's login valid.
    session = SessionFactory(
        cohort=CohortFactory(starts_on=timezone.localdate()), title="Yasal dayanaklar"
    )
    session.cohort.facilitators.add(facilitator)
    return session


@pytest.fixture
def registration(session):
    return RegistrationFactory(cohort=session.cohort, participant__full_name="İnci Çelik")


def _grid_url(session):
    return reverse("participants:attendance_grid", kwargs={"session_id": session.pk})


def _qr_url(session):
    return reverse("participants:attendance_qr", kwargs={"session_id": session.pk})


def _checkin_url(session, at, code=None):
    code = code or code_for(session_id=session.pk, step=current_step(at))
    return reverse(
        "participants:attendance_checkin", kwargs={"session_id": session.pk, "code": code}
    )


# The grid


def test_grid_lists_confirmed_participants_with_buttons_and_counts(
    client, facilitator, session, registration
):
    RegistrationFactory(
        cohort=session.cohort,
        participant__full_name="Bekleyen Kişi",
        status=Registration.Status.PENDING,
    )
    client.force_login(facilitator)
    html = client.get(_grid_url(session)).content.decode()
    assert "İnci Çelik" in html
    assert "Bekleyen Kişi" not in html
    assert f'hx-post="{_grid_url(session)}"' in html
    assert 'name="status" value="present"' in html
    assert ">Geldi</button>" in html
    assert ">Geç kaldı</button>" in html
    assert ">Gelmedi</button>" in html
    assert "<dt>İşaretlenmedi</dt><dd>1</dd>" in html


def test_htmx_click_marks_and_returns_the_row_and_fresh_counts(
    client, facilitator, session, registration
):
    client.force_login(facilitator)
    response = client.post(
        _grid_url(session),
        {"registration": registration.pk, "status": "late"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<li class="attendance-row" id="kayit-{registration.pk}">')
    assert 'value="late" class="choice choice-late"\n              aria-pressed="true"' in html
    assert '<span class="badge badge-warn">geç kaldı</span>' in html  # the row's own badge
    assert 'hx-swap-oob="true"' in html
    assert "<dt>Geç kaldı</dt><dd>1</dd>" in html
    assert "<dt>İşaretlenmedi</dt><dd>0</dd>" in html
    attendance = Attendance.objects.get()
    assert (attendance.status, attendance.method, attendance.marked_by) == (
        "late",
        "grid",
        facilitator,
    )


def test_plain_post_without_javascript_marks_and_returns_to_the_row(
    client, coordinator, session, registration
):
    client.force_login(coordinator)
    response = client.post(
        _grid_url(session), {"registration": registration.pk, "status": "absent"}
    )
    assert response.status_code == 302
    assert response.url == f"{_grid_url(session)}#kayit-{registration.pk}"
    assert Attendance.objects.get().status == "absent"
    page = client.get(response.url).content.decode()
    assert "İnci Çelik: gelmedi." in page


def test_the_grid_shows_a_page_of_people_counts_everyone_and_a_plain_post_returns_to_it(
    client, facilitator, session, monkeypatch
):
    monkeypatch.setattr(pagination, "PER_PAGE", 2)
    people = [
        RegistrationFactory(cohort=session.cohort, participant__full_name=name)
        for name in ("Ayşe", "Bora", "Cem")
    ]
    AttendanceFactory(session=session, registration=people[2], status="late")
    client.force_login(facilitator)
    first = client.get(_grid_url(session))
    assert [row.participant.full_name for row in first.context["rows"]] == ["Ayşe", "Bora"]
    assert first.context["counts"]["late"] == 1
    assert first.context["counts"]["total"] == 3
    assert "Sayfa 1 / 2" in first.content.decode()
    second = client.get(_grid_url(session), {"sayfa": 2})
    assert [row.participant.full_name for row in second.context["rows"]] == ["Cem"]
    assert '<input type="hidden" name="sayfa" value="2">' in second.content.decode()
    response = client.post(
        _grid_url(session), {"registration": people[2].pk, "status": "absent", "sayfa": "2"}
    )
    assert response.url == f"{_grid_url(session)}?sayfa=2#kayit-{people[2].pk}"


def test_the_cohort_overview_shows_a_page_of_people_and_totals_of_everyone(
    client, facilitator, session, monkeypatch
):
    monkeypatch.setattr(pagination, "PER_PAGE", 2)
    for name in ("Ayşe", "Bora", "Cem"):
        registration = RegistrationFactory(cohort=session.cohort, participant__full_name=name)
        AttendanceFactory(session=session, registration=registration)
    client.force_login(facilitator)
    url = reverse("participants:attendance_cohort", kwargs={"cohort_id": session.cohort_id})
    first = client.get(url).content.decode()
    assert "Ayşe" in first
    assert "Cem" not in first
    assert "3 / 3" in first
    second = client.get(url, {"sayfa": 2}).content.decode()
    assert "Cem" in second
    assert "Ayşe" not in second


def test_grid_refuses_a_registration_that_is_not_confirmed(client, facilitator, session):
    pending = RegistrationFactory(cohort=session.cohort, status=Registration.Status.PENDING)
    client.force_login(facilitator)
    response = client.post(_grid_url(session), {"registration": pending.pk, "status": "present"})
    assert response.status_code == 302
    assert "Yalnızca onaylı kayıtlar için yoklama alınabilir." in (
        client.get(response.url).content.decode()
    )
    htmx = client.post(
        _grid_url(session),
        {"registration": pending.pk, "status": "present"},
        HTTP_HX_REQUEST="true",
    )
    assert htmx["HX-Redirect"] == _grid_url(session)
    assert not Attendance.objects.exists()


def test_grid_bad_status_gets_a_message_not_an_error(client, facilitator, session, registration):
    client.force_login(facilitator)
    response = client.post(_grid_url(session), {"registration": registration.pk, "status": "x"})
    assert response.status_code == 302
    assert "Bilinmeyen yoklama durumu." in client.get(response.url).content.decode()
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("registration_id", ["", "abc", "999999"])
def test_grid_unknown_registration_is_404(client, facilitator, session, registration_id):
    client.force_login(facilitator)
    response = client.post(_grid_url(session), {"registration": registration_id, "status": "late"})
    assert response.status_code == 404


def test_registration_of_another_cohort_is_404(client, facilitator, session):
    client.force_login(facilitator)
    stranger = RegistrationFactory()
    response = client.post(_grid_url(session), {"registration": stranger.pk, "status": "late"})
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_facilitator_of_another_cohort_cannot_see_or_mark(client, session, registration):
    other = UserFactory(roles=["facilitator"])
    SessionFactory().cohort.facilitators.add(other)
    client.force_login(other)
    assert client.get(_grid_url(session)).status_code == 404
    assert client.get(_qr_url(session)).status_code == 404
    response = client.post(_grid_url(session), {"registration": registration.pk, "status": "late"})
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_grid_marking_is_post_only_with_csrf(facilitator, session, registration):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(facilitator)
    response = client.post(_grid_url(session), {"registration": registration.pk, "status": "late"})
    assert response.status_code == 403
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("size", [1, 3])
def test_grid_query_count_does_not_grow_with_participants(
    client, facilitator, session, django_assert_num_queries, size
):
    for _ in range(size):
        AttendanceFactory(session=session)
    client.force_login(facilitator)
    with django_assert_num_queries(6):  # the counts of everyone, then a page of rows
        response = client.get(_grid_url(session))
    assert response.content.decode().count('class="attendance-row"') == size


@pytest.mark.parametrize("size", [1, 3])
def test_a_click_reads_its_row_and_the_counts_whatever_the_cohorts_size(
    client, facilitator, session, django_assert_num_queries, size
):
    marks = [AttendanceFactory(session=session) for _ in range(size)]
    client.force_login(facilitator)
    clicked = marks[0].registration
    with django_assert_num_queries(11):
        response = client.post(
            _grid_url(session),
            {"registration": clicked.pk, "status": "absent"},
            HTTP_HX_REQUEST="true",
        )
    html = response.content.decode()
    assert f'id="kayit-{clicked.pk}"' in html
    assert html.count('class="attendance-row"') == 1


# Entry page and cohort overview


def test_entry_page_lists_the_facilitators_sessions_with_links(client, facilitator, session):
    SessionFactory(title="Başka dönemin oturumu")
    client.force_login(facilitator)
    with time_machine.travel(session.starts_at - dt.timedelta(minutes=30)):
        html = client.get(reverse("participants:attendance_home")).content.decode()
    assert "Yasal dayanaklar" in html
    assert "Başka dönemin oturumu" not in html
    assert _grid_url(session) in html
    assert _qr_url(session) in html
    assert "0 kişiden 0 kişi katıldı" in html


def test_entry_page_offers_no_qr_code_once_the_session_is_over(client, facilitator, session):
    client.force_login(facilitator)
    with time_machine.travel(session.ends_at + dt.timedelta(minutes=1)):
        html = client.get(reverse("participants:attendance_home")).content.decode()
    assert _grid_url(session) in html
    assert _qr_url(session) not in html


def test_nav_shows_attendance_to_facilitators_only(client, facilitator, participant):
    client.force_login(participant)
    assert reverse("participants:attendance_home") not in client.get("/").content.decode()
    client.force_login(facilitator)
    assert reverse("participants:attendance_home") in client.get("/").content.decode()


@pytest.mark.parametrize("size", [1, 3])
def test_entry_page_query_count_does_not_grow_with_sessions(
    client, coordinator, django_assert_num_queries, size
):
    for _ in range(size):
        AttendanceFactory()
    client.force_login(coordinator)
    with django_assert_num_queries(3):
        response = client.get(reverse("participants:attendance_home"))
    assert response.content.decode().count('class="session-item"') == size


def test_cohort_overview_shows_marks_and_rates(client, facilitator, session, registration):
    AttendanceFactory(session=session, registration=registration, status="late")
    RegistrationFactory(cohort=session.cohort, participant__full_name="Ali Er")
    client.force_login(facilitator)
    url = reverse("participants:attendance_cohort", kwargs={"cohort_id": session.cohort_id})
    html = client.get(url).content.decode()
    assert "Katılım oranı" in html
    assert ">%100</span>" in html
    assert ">%0</span>" in html
    assert "1 / 2" in html
    assert html.index("Ali Er") < html.index("İnci Çelik")


@pytest.mark.parametrize("size", [1, 3])
def test_cohort_overview_query_count_does_not_grow(
    client, coordinator, session, django_assert_num_queries, size
):
    for _ in range(size):
        AttendanceFactory(session=session)
    client.force_login(coordinator)
    url = reverse("participants:attendance_cohort", kwargs={"cohort_id": session.cohort_id})
    with django_assert_num_queries(6):
        client.get(url)


# The QR page


def test_qr_page_shows_an_svg_code_for_an_absolute_check_in_url(
    client, facilitator, session, settings
):
    settings.SITE_URL = "https://egitim.example.org"
    moment = session.starts_at - dt.timedelta(minutes=10)
    client.force_login(facilitator)
    with time_machine.travel(moment, tick=False):
        html = client.get(_qr_url(session)).content.decode()
    assert '<svg viewBox="0 0 ' in html
    assert f"https://egitim.example.org{_checkin_url(session, moment)}" in html
    assert 'hx-trigger="every 10s"' in html
    assert "style=" not in html


def test_qr_fragment_for_htmx_polling_is_the_panel_only(client, facilitator, session):
    client.force_login(facilitator)
    with time_machine.travel(session.starts_at, tick=False):
        response = client.get(_qr_url(session), HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "HX-Request" in response["Vary"]
    assert html.lstrip().startswith('<section id="qr-panel"')
    assert "<html" not in html


def test_qr_page_before_the_window_says_when_it_opens(client, facilitator, session):
    client.force_login(facilitator)
    with time_machine.travel(session.starts_at - dt.timedelta(hours=2), tick=False):
        html = client.get(_qr_url(session)).content.decode()
    assert "<svg" not in html
    assert "QR ile giriş" in html
    assert "itibarıyla açılır" in html
    assert 'hx-trigger="every 10s"' in html


def test_qr_page_after_the_session_says_closed_and_stops_polling(client, facilitator, session):
    client.force_login(facilitator)
    with time_machine.travel(session.ends_at + dt.timedelta(minutes=1), tick=False):
        html = client.get(_qr_url(session)).content.decode()
    assert "<svg" not in html
    assert "Bu oturum sona erdi; QR ile giriş kapandı." in html
    assert "hx-trigger" not in html


# QR check-in by the participant


def _during(session, minutes=5):
    return session.starts_at + dt.timedelta(minutes=minutes)


def test_valid_code_asks_to_confirm_then_marks_present_once(client, session, registration):
    client.force_login(registration.participant)
    moment = _during(session)
    url = _checkin_url(session, moment)
    with time_machine.travel(moment, tick=False):
        page = client.get(url).content.decode()
        assert "bu oturuma katıldığınızı onaylayın" in page
        assert ">Buradayım</button>" in page
        assert not Attendance.objects.exists()
        marked = client.post(url).content.decode()
        again = client.post(url).content.decode()
    assert "“geldi” olarak işaretlendiniz" in marked
    assert "Bu oturum için yoklamanız zaten alınmış." in again
    attendance = Attendance.objects.get()
    assert (attendance.status, attendance.method, attendance.marked_by) == (
        "present",
        "qr",
        registration.participant,
    )


def test_second_scan_says_already_marked_without_a_button(client, session, registration):
    AttendanceFactory(session=session, registration=registration, status="present")
    client.force_login(registration.participant)
    moment = _during(session)
    with time_machine.travel(moment, tick=False):
        page = client.get(_checkin_url(session, moment)).content.decode()
    assert "zaten alınmış" in page
    assert "Buradayım" not in page


def test_expired_code_marks_nothing(client, session, registration, settings):
    client.force_login(registration.participant)
    shown = _during(session)
    url = _checkin_url(session, shown)
    later = shown + dt.timedelta(seconds=3 * settings.ATTENDANCE_QR_STEP_SECONDS)
    with time_machine.travel(later, tick=False):
        page = client.get(url).content.decode()
        posted = client.post(url).content.decode()
    assert "Bu QR kodunun süresi doldu." in page
    assert "Bu QR kodunun süresi doldu." in posted
    assert not Attendance.objects.exists()


def test_code_scanned_in_time_can_be_confirmed_a_few_minutes_later(
    client, session, registration, settings
):
    client.force_login(registration.participant)
    scanned = _during(session)
    url = _checkin_url(session, scanned)
    with time_machine.travel(scanned, tick=False):
        client.get(url)
    with time_machine.travel(scanned + dt.timedelta(minutes=3), tick=False):
        assert "işaretlendiniz" in client.post(url).content.decode()
    assert Attendance.objects.get().status == "present"


def test_a_scanned_code_is_confirmed_to_the_last_second_of_the_grace(
    client, session, registration, settings
):
    client.force_login(registration.participant)
    scanned = _during(session)
    url = _checkin_url(session, scanned)
    with time_machine.travel(scanned, tick=False):
        client.get(url)
    last = scanned + dt.timedelta(minutes=settings.ATTENDANCE_QR_CONFIRM_MINUTES)
    with time_machine.travel(last, tick=False):
        assert "işaretlendiniz" in client.post(url).content.decode()
    assert Attendance.objects.get().status == "present"


def test_scan_grace_ends_after_the_configured_minutes(client, session, registration, settings):
    client.force_login(registration.participant)
    scanned = _during(session)
    url = _checkin_url(session, scanned)
    with time_machine.travel(scanned, tick=False):
        client.get(url)
    late = scanned + dt.timedelta(minutes=settings.ATTENDANCE_QR_CONFIRM_MINUTES, seconds=1)
    with time_machine.travel(late, tick=False):
        assert "süresi doldu" in client.post(url).content.decode()
    assert not Attendance.objects.exists()


def test_anonymous_scan_logs_in_and_comes_back_to_confirm(client, session, registration):
    scanned = _during(session)
    url = _checkin_url(session, scanned)
    with time_machine.travel(scanned, tick=False):
        response = client.get(url)
    assert response.status_code == 302
    assert urlsplit(response.url).path == reverse("account_login")
    assert f"next={url}" in response.url.replace("%2F", "/")
    with time_machine.travel(scanned + dt.timedelta(minutes=2), tick=False):
        client.force_login(registration.participant)
        assert ">Buradayım</button>" in client.get(url).content.decode()
        client.post(url)
    assert Attendance.objects.get().status == "present"


def test_code_of_another_session_marks_nothing(client, session, registration):
    other = SessionFactory(cohort=session.cohort, starts_at=session.starts_at)
    client.force_login(registration.participant)
    moment = _during(session)
    foreign = code_for(session_id=other.pk, step=current_step(moment))
    url = _checkin_url(session, moment, code=foreign)
    with time_machine.travel(moment, tick=False):
        assert "Bu QR kodu bu oturum için geçerli değil." in client.get(url).content.decode()
        assert "geçerli değil" in client.post(url).content.decode()
    assert not Attendance.objects.exists()


def test_tampered_code_marks_nothing(client, session, registration):
    client.force_login(registration.participant)
    moment = _during(session)
    forged = f"{current_step(moment)}-{'0' * 20}"
    with time_machine.travel(moment, tick=False):
        page = client.post(_checkin_url(session, moment, code=forged)).content.decode()
    assert "Bu QR kodu bu oturum için geçerli değil." in page
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("offset_minutes", [-31, 125])
def test_session_outside_its_window_marks_nothing(client, session, registration, offset_minutes):
    client.force_login(registration.participant)
    moment = session.starts_at + dt.timedelta(minutes=offset_minutes)
    url = _checkin_url(session, moment)
    with time_machine.travel(moment, tick=False):
        assert "QR ile giriş şu anda açık değil." in client.get(url).content.decode()
        assert "şu anda açık değil" in client.post(url).content.decode()
    assert not Attendance.objects.exists()


def test_person_without_confirmed_registration_marks_nothing(client, session):
    waiting = RegistrationFactory(cohort=session.cohort, status=Registration.Status.WAITLISTED)
    moment = _during(session)
    for person in (UserFactory(), waiting.participant):
        client.force_login(person)
        with time_machine.travel(moment, tick=False):
            page = client.get(_checkin_url(session, moment)).content.decode()
            posted = client.post(_checkin_url(session, moment)).content.decode()
        assert "onaylı bir kaydınız yok" in page
        assert "Buradayım" not in page
        assert "onaylı bir kaydınız yok" in posted
    assert not Attendance.objects.exists()


def test_check_in_of_an_unknown_session_is_404(client, participant):
    client.force_login(participant)
    url = reverse("participants:attendance_checkin", kwargs={"session_id": 999, "code": "1-a"})
    assert client.get(url).status_code == 404


# The same numbers everywhere (core.numbers)


@pytest.fixture
def forty_point_nine(coordinator):
    """A finished cohort of 409 + 591 minutes; İnci Çelik attended the first: 40.90 %, 6.8 h."""
    today = timezone.localdate()
    cohort = CohortFactory(
        title="Ankara dönemi",
        starts_on=today - dt.timedelta(days=3),
        ends_on=today - dt.timedelta(days=3),
        registration_opens_at=timezone.now() - dt.timedelta(days=30),
        registration_closes_at=timezone.now() - dt.timedelta(days=4),
    )
    start = timezone.make_aware(dt.datetime.combine(cohort.starts_on, dt.time(8, 0)))
    end = start + dt.timedelta(minutes=409)
    first = SessionFactory(cohort=cohort, starts_at=start, ends_at=end)
    later = end + dt.timedelta(minutes=10)
    SessionFactory(cohort=cohort, starts_at=later, ends_at=later + dt.timedelta(minutes=591))
    person = ParticipantProfileFactory(
        user__full_name="İnci Çelik", organization__name="Konak Belediyesi"
    ).user
    registration = RegistrationFactory(cohort=cohort, participant=person)
    AttendanceFactory(session=first, registration=registration)
    return registration


def _export(client, cohort, fmt):
    url = reverse(
        "participants:attendance_cohort_export", kwargs={"cohort_id": cohort.pk, "fmt": fmt}
    )
    return client.get(url)


def test_a_persons_rate_prints_the_same_on_every_page_and_in_the_export(
    client, coordinator, forty_point_nine
):
    cohort = forty_point_nine.cohort
    client.force_login(forty_point_nine.participant)
    mine = client.get(reverse("participants:my_registrations")).content.decode()
    client.force_login(coordinator)
    attendance = client.get(
        reverse("participants:attendance_cohort", kwargs={"cohort_id": cohort.pk})
    ).content.decode()
    certificates = client.get(
        reverse("certificates:cohort", kwargs={"cohort_pk": cohort.pk})
    ).content.decode()
    assert '<span class="badge badge-warn">%40,9</span>' in attendance
    assert '<td class="num">6,8</td>' in attendance
    assert '<span class="badge badge-warn">%40,9</span>' in certificates
    assert "Katılım oranınız: %40,9 (sertifika için gereken: %80)." in mine
    csv_text = _export(client, cohort, "csv").getvalue().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(csv_text), delimiter=";"))
    assert rows[0][-3:] == ["Katıldığı saat", "Katılım oranı (%)", "Sertifika eşiğini karşılıyor"]
    assert rows[1][-3:] == ["6,8", "40,9", "Hayır"]


def test_the_attendance_export_lists_marks_hours_and_rates(client, facilitator, forty_point_nine):
    cohort = forty_point_nine.cohort
    cohort.facilitators.add(facilitator)
    client.force_login(facilitator)
    response = _export(client, cohort, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))
    sessions = list(cohort.sessions.order_by("starts_at"))
    assert rows == [
        [
            "Sıra",
            "Ad soyad",
            "Kurum",
            *(
                f"{session.title} ({timezone.localtime(session.starts_at):%d.%m.%Y %H:%M})"
                for session in sessions
            ),
            "Katıldığı saat",
            "Katılım oranı (%)",
            "Sertifika eşiğini karşılıyor",
        ],
        ["1", "İnci Çelik", "Konak Belediyesi", "Geldi", "", "6,8", "40,9", "Hayır"],
    ]
    sheet = load_workbook(io.BytesIO(_export(client, cohort, "xlsx").content)).active
    hours, rate = sheet["F2"], sheet["G2"]
    assert (hours.value, hours.number_format, rate.value, rate.number_format) == (
        6.8,
        "0.0",
        40.9,
        "0.0",
    )


@pytest.mark.parametrize("size", [1, 3])
def test_the_attendance_export_query_count_does_not_grow(
    client, coordinator, session, django_assert_num_queries, size
):
    for _ in range(size):
        AttendanceFactory(session=session)
    client.force_login(coordinator)
    with django_assert_num_queries(6):
        assert _export(client, session.cohort, "xlsx").status_code == 200
