import datetime as dt

from django.utils import timezone

from core.models import Province
from programs.forms.cohorts import CohortForm, ScheduleForm, SessionForm
from tests.factories import (
    CohortFactory,
    ProgramFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)


def _cohort_data(**overrides):
    data = {
        "title": "Bursa dönemi",
        "starts_on": "2027-03-10",
        "ends_on": "2027-03-11",
        "province": Province.objects.get(name="Bursa").pk,
        "capacity": "20",
        "registration_opens_at": "2027-02-01T09:00",
        "registration_closes_at": "2027-03-07T23:59",
        "requires_approval": "on",
        "attendance_threshold": "80",
    }
    data.update(overrides)
    return data


def test_valid_cohort_form(db):
    facilitator = UserFactory(roles=["facilitator"])
    form = CohortForm(_cohort_data(facilitators=[facilitator.pk]))
    assert form.is_valid(), form.errors


def test_cohort_ending_before_it_starts_is_refused(db):
    form = CohortForm(_cohort_data(ends_on="2027-03-09"))
    assert form.errors["ends_on"] == ["Son gün ilk günden önce olamaz."]


def test_registration_closing_after_the_start_is_refused(db):
    form = CohortForm(_cohort_data(registration_closes_at="2027-03-10T12:00"))
    assert form.errors["registration_closes_at"] == [
        "Kayıtlar, eğitim dönemi başlamadan (10.03.2027) önce kapanmalıdır."
    ]


def test_registration_closing_before_it_opens_is_refused(db):
    form = CohortForm(_cohort_data(registration_opens_at="2027-03-08T09:00"))
    assert (
        "Kayıt bitişi, kayıt başlangıcından sonra olmalıdır."
        in form.errors["registration_closes_at"]
    )


def test_cohort_needs_a_province_or_an_online_link(db):
    assert "province" in CohortForm(_cohort_data(province="")).errors
    assert CohortForm(
        _cohort_data(province="", online_url="https://toplanti.example.org/x")
    ).is_valid()


def test_capacity_cannot_go_below_taken_seats(db):
    cohort = CohortFactory(capacity=5)
    RegistrationFactory.create_batch(3, cohort=cohort, status="confirmed")
    RegistrationFactory(cohort=cohort, status="pending")
    form = CohortForm(_cohort_data(capacity="3"), instance=cohort)
    assert form.errors["capacity"] == [
        "4 yer zaten dolu (onaylı ya da onay bekleyen); kontenjan bundan düşük olamaz."
    ]
    assert CohortForm(_cohort_data(capacity="4"), instance=cohort).is_valid()


def test_threshold_over_100_is_refused(db):
    form = CohortForm(_cohort_data(attendance_threshold="120"))
    assert form.errors["attendance_threshold"] == ["Yüzde değeri 100'den büyük olamaz."]


def test_moving_dates_away_from_existing_sessions_is_refused(db):
    cohort = CohortFactory(starts_on=dt.date(2027, 3, 10), ends_on=dt.date(2027, 3, 11))
    SessionFactory(cohort=cohort)
    form = CohortForm(
        _cohort_data(
            starts_on="2027-03-12", ends_on="2027-03-13", registration_closes_at="2027-03-09T10:00"
        ),
        instance=cohort,
    )
    assert form.non_field_errors() == [
        "1 oturum yeni tarihlerin dışında kalıyor; önce oturumları taşıyın."
    ]


def _session_cohort():
    return CohortFactory(starts_on=dt.date(2027, 3, 10), ends_on=dt.date(2027, 3, 11))


def test_session_outside_the_cohort_dates_is_refused(db):
    cohort = _session_cohort()
    form = SessionForm(
        {"title": "Oturum", "day": "2027-03-12", "start_time": "10:00", "end_time": "12:00"},
        cohort=cohort,
    )
    assert form.errors["day"] == [
        "Gün, eğitim döneminin tarihleri içinde olmalıdır (10.03.2027 – 11.03.2027)."
    ]


def test_session_ending_before_it_starts_is_refused(db):
    form = SessionForm(
        {"title": "Oturum", "day": "2027-03-10", "start_time": "12:00", "end_time": "10:00"},
        cohort=_session_cohort(),
    )
    assert form.errors["end_time"] == ["Oturum, başladıktan sonra bitmelidir."]


def test_overlapping_session_is_refused(db):
    cohort = _session_cohort()
    SessionFactory(
        cohort=cohort,
        title="Açılış",
        starts_at=timezone.make_aware(dt.datetime(2027, 3, 10, 10, 0)),
        ends_at=timezone.make_aware(dt.datetime(2027, 3, 10, 12, 0)),
    )
    form = SessionForm(
        {"title": "Yeni", "day": "2027-03-10", "start_time": "11:00", "end_time": "13:00"},
        cohort=cohort,
    )
    assert form.errors["start_time"] == ["Bu oturum “Açılış” (10:00–12:00) ile çakışıyor."]
    touching = SessionForm(
        {"title": "Yeni", "day": "2027-03-10", "start_time": "12:00", "end_time": "13:00"},
        cohort=cohort,
    )
    assert touching.is_valid(), touching.errors


def test_schedule_with_a_malformed_block_says_which_line(db):
    form = ScheduleForm(
        {
            "title": "Oturum",
            "first_day": "2027-03-10",
            "days": "2",
            "blocks": "10:00-12:00\n25:00-26:00",
        },
        cohort=_session_cohort(),
    )
    assert form.errors["blocks"] == ["“25:00-26:00”, 10:00-12:00 biçiminde bir blok değil."]


def test_schedule_running_past_the_cohort_is_refused(db):
    form = ScheduleForm(
        {"title": "Oturum", "first_day": "2027-03-10", "days": "3", "blocks": "10:00-12:00"},
        cohort=_session_cohort(),
    )
    assert form.errors["days"] == [
        (
            "Oturumlar (10.03.2027 – 12.03.2027), eğitim döneminin tarihleri (10.03.2027 – "
            "11.03.2027) içinde olmalıdır."
        )
    ]


def test_schedule_overlapping_an_existing_session_is_refused(db):
    cohort = _session_cohort()
    SessionFactory(
        cohort=cohort,
        title="Açılış",
        starts_at=timezone.make_aware(dt.datetime(2027, 3, 11, 9, 0)),
        ends_at=timezone.make_aware(dt.datetime(2027, 3, 11, 10, 30)),
    )
    form = ScheduleForm(
        {"title": "Oturum", "first_day": "2027-03-10", "days": "2", "blocks": "10:00-12:00"},
        cohort=cohort,
    )
    assert form.errors["blocks"] == [
        "11.03.2027 tarihindeki blok, mevcut “Açılış” oturumuyla çakışıyor."
    ]


def test_a_long_schedule_is_checked_against_the_sessions_in_one_query(
    db, django_assert_num_queries
):
    cohort = _session_cohort()
    cohort.ends_on = cohort.starts_on + dt.timedelta(days=20)
    data = {"title": "Oturum", "first_day": str(cohort.starts_on), "days": "20"}
    data["blocks"] = "09:00-10:00\n11:00-12:00\n14:00-15:00"
    with django_assert_num_queries(1):
        assert ScheduleForm(data, cohort=cohort).is_valid()


def test_the_coordinator_chooses_what_a_certificate_needs_besides_attendance(db):
    form = CohortForm(
        _cohort_data(certificate_requires_evaluation="on", certificate_requires_plan="on")
    )
    assert form.is_valid(), form.errors
    form.instance.program = ProgramFactory()
    cohort = form.save()
    assert (cohort.certificate_requires_evaluation, cohort.certificate_requires_plan) == (
        True,
        True,
    )
    assert CohortForm(_cohort_data()).is_valid()


def test_reminder_switches_and_note_are_saved_in_their_own_section(db):
    form = CohortForm(
        _cohort_data(
            remind_sessions="on",
            remind_attendance="on",
            reminder_note="Yanınızda kimlik getirin.",
            survey_closes_on="2027-03-20",
        )
    )
    assert form.is_valid(), form.errors
    assert [field.name for field in form.reminder_fields()] == [
        "remind_sessions",
        "remind_survey",
        "remind_attendance",
        "remind_pending",
        "remind_plans",
        "reminder_note",
        "reminder_note_en",
    ]
    assert not {"remind_sessions", "reminder_note"} & {f.name for f in form.main_fields()}
    cohort = form.save(commit=False)
    assert (
        cohort.remind_sessions,
        cohort.remind_survey,
        cohort.remind_attendance,
        cohort.remind_pending,
        cohort.remind_plans,
    ) == (True, False, True, False, False)
    assert cohort.reminder_note == "Yanınızda kimlik getirin."
    assert cohort.survey_closes_on == dt.date(2027, 3, 20)


def test_a_new_cohort_form_has_every_reminder_switched_on(db):
    form = CohortForm()
    assert [form[name].initial for name in ("remind_sessions", "remind_survey")] == [True, True]
    assert all(
        form[name].initial for name in ("remind_attendance", "remind_pending", "remind_plans")
    )


def test_survey_cannot_close_before_the_last_day(db):
    form = CohortForm(_cohort_data(survey_closes_on="2027-03-10"))
    assert form.errors["survey_closes_on"] == [
        "Anket dönemin son gününden (11.03.2027) önce kapanamaz."
    ]
