import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.conf import settings

from notifications.models import Notification
from participants.emails import PENDING_DIGEST_EMAIL, RegistrationEmail
from participants.models import SurveySubmission
from participants.services.reminders import (
    attendance_warnings_send,
    pending_digests_send,
    session_reminders_send,
    survey_reminders_send,
)
from tests.factories import (
    AttendanceFactory,
    CohortFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
ISTANBUL = zoneinfo.ZoneInfo("Europe/Istanbul")
LINK = "https://toplanti.example.org/canli"


def _at(day: int, hour: int, minute: int = 0):
    return time_machine.travel(
        dt.datetime(2026, 12, day, hour, minute, tzinfo=ISTANBUL), tick=False
    )


def _when(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, 0, tzinfo=ISTANBUL)


def _cohort(**fields):
    return CohortFactory(
        starts_on=dt.date(2026, 12, 3),
        ends_on=dt.date(2026, 12, 5),
        registration_opens_at=_when(1, 9) - dt.timedelta(days=30),
        registration_closes_at=_when(1, 9),
        **fields,
    )


def _session(cohort, day: int, start: int, end: int, **fields):
    return SessionFactory(
        cohort=cohort, starts_at=_when(day, start), ends_at=_when(day, end), **fields
    )


def _people(cohort) -> dict:
    """A confirmed pair and one of every other kind of registration."""
    return {
        "first": RegistrationFactory(cohort=cohort),
        "second": RegistrationFactory(cohort=cohort),
        "pending": RegistrationFactory(cohort=cohort, status="pending"),
        "waitlisted": RegistrationFactory(cohort=cohort, status="waitlisted"),
        "cancelled": RegistrationFactory(cohort=cohort, status="cancelled"),
        "inactive": RegistrationFactory(cohort=cohort, participant=UserFactory(is_active=False)),
    }


def _sent(kind: str) -> list[tuple[int, str]]:
    return sorted(
        Notification.objects.filter(kind=kind).values_list("about_id", "dedupe_key"),
    )


def test_every_reminder_is_on_the_beat_schedule_daily():
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert {
        name: (entry["task"], entry["schedule"].hour, entry["schedule"].minute)
        for name, entry in schedule.items()
        if entry["task"].startswith(("participants.send_", "action_plans.send_"))
    } == {
        "participants-pending-digests": ("participants.send_pending_digests", {8}, {0}),
        "participants-session-reminders": ("participants.send_session_reminders", {9}, {0}),
        "action-plans-reminders": ("action_plans.send_plan_reminders", {9}, {30}),
        "participants-survey-reminders": ("participants.send_survey_reminders", {10}, {0}),
        "participants-attendance-warnings": (
            "participants.send_attendance_warnings",
            {20},
            {0},
        ),
    }


def test_session_reminder_goes_the_day_before_each_day_with_sessions_once():
    with _at(1, 9):
        cohort = _cohort(
            venue="Eğitim salonu", address="Konak Meydanı 1", reminder_note="Çay bizden."
        )
        _session(cohort, 3, 10, 12, title="Açılış", room="Salon A")
        _session(cohort, 3, 14, 15, title="Canlı bağlantı", online_url=LINK)
        _session(cohort, 5, 10, 12, title="Grup çalışması")
        people = _people(cohort)
        switched_off = _cohort(remind_sessions=False)
        _session(switched_off, 3, 10, 12)
        RegistrationFactory(cohort=switched_off)
        assert session_reminders_send() == 0
    with _at(2, 9):
        assert session_reminders_send() == 2
        assert session_reminders_send() == 0
    with _at(3, 9):
        assert session_reminders_send() == 0
    with _at(4, 9):
        assert session_reminders_send() == 2
        assert session_reminders_send() == 0

    confirmed = sorted([people["first"].pk, people["second"].pk])
    assert _sent(RegistrationEmail.REMINDER) == sorted(
        (pk, f"reminder:{pk}:{day}") for pk in confirmed for day in ("2026-12-03", "2026-12-05")
    )
    first_day, third_day = Notification.objects.filter(about_id=confirmed[0]).order_by("pk")
    assert first_day.subject == f"Yarın: {cohort.title}"
    assert "Hatırlatma: eğitiminiz yarın başlıyor." in first_day.body
    assert "Yarınki oturumlar:\n- 10:00–12:00 Açılış (Salon A)\n- 14:00–15:00 Canlı bağlantı\n" in (
        first_day.body
    )
    assert "Eğitim salonu, İzmir\nAdres: Konak Meydanı 1\n" in first_day.body
    assert f"Canlı bağlantı: {LINK}\n" in first_day.body
    assert first_day.body.index("Çay bizden.") > first_day.body.index(LINK)
    assert (
        "eğitiminiz yarın, 5 Aralık 2026 tarihinde devam ediyor.\nİlk oturum: Grup"
        in third_day.body
    )
    assert LINK not in third_day.body  # only the links of that day's sessions


def _survey_cohort(**fields):
    cohort = _cohort(**{"survey_closes_on": dt.date(2026, 12, 12), **fields})
    _session(cohort, 5, 10, 16)
    return cohort


def test_survey_reminders_go_when_it_opens_and_two_days_before_it_closes_to_who_has_not_answered():
    with _at(1, 9):
        cohort = _survey_cohort()
        people = _people(cohort)
        answered = RegistrationFactory(cohort=cohort)
        SurveySubmission.objects.create(registration=answered)
        switched_off = _survey_cohort(remind_survey=False)
        RegistrationFactory(cohort=switched_off)
    with _at(5, 10):
        assert survey_reminders_send() == 0  # opens when the last session ends, at 16:00
    with _at(6, 10):
        assert survey_reminders_send() == 2
        assert survey_reminders_send() == 0
        SurveySubmission.objects.create(registration=people["second"])
    with _at(9, 10):
        assert survey_reminders_send() == 0
    with _at(10, 10):
        assert survey_reminders_send() == 1
        assert survey_reminders_send() == 0
    with _at(11, 10):
        assert survey_reminders_send() == 0

    first, second = people["first"].pk, people["second"].pk
    assert _sent(RegistrationEmail.SURVEY_OPEN) == sorted(
        [(first, f"survey-open:{first}"), (second, f"survey-open:{second}")]
    )
    assert _sent(RegistrationEmail.SURVEY_CLOSING) == [
        (first, f"survey-closing:{first}:2026-12-12")
    ]
    closing = Notification.objects.get(kind=RegistrationEmail.SURVEY_CLOSING)
    assert closing.subject == f"Değerlendirme anketi yakında kapanıyor: {cohort.title}"
    assert "12 Aralık 2026 günü sonunda kapanıyor" in closing.body
    assert f"/donemler/{cohort.pk}/degerlendirme/" in closing.body


def test_a_survey_opened_early_is_announced_and_a_closed_one_is_not():
    with _at(1, 9):
        cohort = _survey_cohort()
        confirmed = RegistrationFactory(cohort=cohort)
        closed = _survey_cohort(survey_closed_at=_when(1, 8))
        RegistrationFactory(cohort=closed)
    with _at(4, 10):
        assert survey_reminders_send() == 0
        cohort.survey_opened_at = _when(4, 9)
        cohort.save()
        assert survey_reminders_send() == 1
    assert _sent(RegistrationEmail.SURVEY_OPEN) == [(confirmed.pk, f"survey-open:{confirmed.pk}")]


def test_attendance_warning_goes_once_when_the_rate_so_far_falls_below_the_threshold():
    with _at(1, 9):
        cohort = _cohort(attendance_threshold=80)
        morning = _session(cohort, 3, 10, 12)
        afternoon = _session(cohort, 3, 14, 16)
        long_day = _session(cohort, 4, 9, 17)  # 480 of the 720 minutes
        full, half, absent = (RegistrationFactory(cohort=cohort) for _ in range(3))
        pending = RegistrationFactory(cohort=cohort, status="pending")
        for registration in (full, half):
            AttendanceFactory(session=morning, registration=registration)
        AttendanceFactory(session=afternoon, registration=full, status="late")
        AttendanceFactory(session=afternoon, registration=half, status="absent")
        switched_off = _cohort(remind_attendance=False)
        AttendanceFactory(session=_session(switched_off, 3, 10, 12), status="absent")
    with _at(3, 11):
        AttendanceFactory(session=morning, registration=absent, status="absent")
        assert attendance_warnings_send() == 0  # the morning session has not ended yet
    with _at(3, 13):
        assert attendance_warnings_send() == 1  # absent: 0 % of the morning
    with _at(3, 20):
        assert attendance_warnings_send() == 1  # half: 50 % of the day
        assert attendance_warnings_send() == 0
    with _at(4, 20):
        assert attendance_warnings_send() == 0  # no attendance taken on the 4th yet
        AttendanceFactory(session=long_day, registration=full, status="absent")
        assert attendance_warnings_send() == 1  # full: 240 of 720 minutes
    assert pending.pk not in [pk for pk, _key in _sent(RegistrationEmail.ATTENDANCE_BELOW)]
    assert _sent(RegistrationEmail.ATTENDANCE_BELOW) == sorted(
        (registration.pk, f"attendance-below:{registration.pk}")
        for registration in (full, half, absent)
    )
    half_mail = Notification.objects.get(about_id=half.pk)
    assert half_mail.subject == f"Katılımınız: {cohort.title}"
    assert "Şimdiye kadar yapılan oturumlardaki katılımınız %50" in half_mail.body
    assert "katılımınız %83,3 olur ve sertifikayı yine de alabilirsiniz." in half_mail.body
    absent_mail = Notification.objects.get(about_id=absent.pk)
    assert "katılımınız %0;" in absent_mail.body
    assert "katılımınız %83,3 olur" in absent_mail.body
    full_mail = Notification.objects.get(about_id=full.pk)
    assert "Kalan oturumların hepsine katılsanız da" in full_mail.body


def test_attendance_exactly_at_the_threshold_is_not_warned():
    with _at(1, 9):
        cohort = _cohort(attendance_threshold=75)
        sessions = [_session(cohort, 3, hour, hour + 1) for hour in (9, 10, 11, 12)]
        at_threshold = RegistrationFactory(cohort=cohort)
        below = RegistrationFactory(cohort=cohort)
        for session in sessions[:3]:
            AttendanceFactory(session=session, registration=at_threshold)
        for session in sessions[:2]:
            AttendanceFactory(session=session, registration=below)
        AttendanceFactory(session=sessions[3], registration=below, status="absent")
    with _at(3, 20):
        assert attendance_warnings_send() == 1
    assert _sent(RegistrationEmail.ATTENDANCE_BELOW) == [(below.pk, f"attendance-below:{below.pk}")]


def test_pending_digest_goes_daily_to_each_active_coordinator_while_registrations_wait():
    with _at(1, 8):
        coordinators = [UserFactory(roles=["coordinator"]) for _ in range(2)]
        UserFactory(roles=["coordinator"], is_active=False)
        UserFactory(roles=["facilitator"])
        waiting = _cohort(title="Bekleyen dönem")
        RegistrationFactory.create_batch(
            2, cohort=waiting, status="pending", status_changed_at=_when(1, 7)
        )
        quiet = _cohort(title="Sessiz dönem", remind_pending=False)
        RegistrationFactory(cohort=quiet, status="pending")
        _cohort(title="Boş dönem")
    with _at(2, 8):
        assert pending_digests_send() == 2
        assert pending_digests_send() == 0
    with _at(3, 8):
        assert pending_digests_send() == 2

    digests = Notification.objects.filter(kind=PENDING_DIGEST_EMAIL)
    assert sorted(digests.values_list("recipient_id", "dedupe_key")) == sorted(
        (user.pk, f"pending-digest:{user.pk}:{day}")
        for user in coordinators
        for day in ("2026-12-02", "2026-12-03")
    )
    digest = digests.first()
    assert digest.subject == "2 kayıt onay bekliyor"
    assert "— Bekleyen dönem (3 Aralık 2026): 2 kayıt, en eskisi 1 Aralık 2026" in digest.body
    assert f"/konsol/donemler/{waiting.pk}/kayitlar/?status=pending" in digest.body
    assert "Sessiz dönem" not in digest.body


def test_no_digest_when_nothing_waits():
    UserFactory(roles=["coordinator"])
    RegistrationFactory(cohort=_cohort())
    assert pending_digests_send() == 0
    assert not Notification.objects.exists()


def test_a_survey_open_for_weeks_still_gets_its_closing_reminder():
    with _at(1, 9):
        cohort = _survey_cohort(survey_closes_on=dt.date(2027, 1, 20))
        confirmed = RegistrationFactory(cohort=cohort)
    with _at(6, 10):
        assert survey_reminders_send() == 1  # it opened
    with time_machine.travel(dt.datetime(2027, 1, 18, 10, 0, tzinfo=ISTANBUL), tick=False):
        assert survey_reminders_send() == 1
    assert _sent(RegistrationEmail.SURVEY_CLOSING) == [
        (confirmed.pk, f"survey-closing:{confirmed.pk}:2027-01-20")
    ]
