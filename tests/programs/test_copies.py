import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps

from participants.models import SurveyResponse
from programs.copies import cohort_copy, copy_shift, program_copy
from programs.models import Cohort, GoodPractice, Program, RegistrationQuestion
from tests.factories import (
    ActionPlanFactory,
    AttendanceFactory,
    CertificateFactory,
    CohortFactory,
    ModuleFactory,
    NotificationFactory,
    ObjectiveFactory,
    ProgramFactory,
    RegistrationAnswerFactory,
    RegistrationFactory,
    RegistrationQuestionFactory,
    SessionFactory,
    UserFactory,
    WorkGroupMemberFactory,
)

ISTANBUL = ZoneInfo("Europe/Istanbul")


def _at(day: str, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour, minute), ISTANBUL)


@pytest.fixture
def source(db):
    """A cohort from Monday 1 to Tuesday 9 March 2027: Monday and Tuesday of its first week
    and Monday of its second, with a facilitator, rules and two questions."""
    cohort = CohortFactory(
        title="İzmir Mart 2027",
        starts_on=dt.date(2027, 3, 1),
        ends_on=dt.date(2027, 3, 9),
        registration_opens_at=_at("2027-02-01", 9),
        registration_closes_at=_at("2027-02-26", 17, 30),
        capacity=25,
        attendance_threshold=70,
        certificate_requires_evaluation=True,
        certificate_requires_plan=True,
        survey_anonymous=True,
        survey_closed_at=_at("2027-03-20", 12),
    )
    module = ModuleFactory(program=cohort.program)
    first = SessionFactory(
        cohort=cohort,
        title="Açılış",
        starts_at=_at("2027-03-01", 9, 30),
        ends_at=_at("2027-03-01", 12, 30),
    )
    first.modules.add(module)
    SessionFactory(
        cohort=cohort,
        title="Grup çalışması",
        starts_at=_at("2027-03-02", 14),
        ends_at=_at("2027-03-02", 17),
    )
    SessionFactory(
        cohort=cohort,
        title="Kapanış",
        starts_at=_at("2027-03-08", 10),
        ends_at=_at("2027-03-08", 12),
    )
    cohort.facilitators.add(UserFactory(full_name="Emre Işık"))
    RegistrationQuestionFactory(
        cohort=cohort, position=1, text="Sektörünüz", kind="single", options="Kamu\nKooperatif"
    )
    RegistrationQuestionFactory(
        cohort=cohort, position=2, text="Erişim ihtiyacınız", required=True, sensitive=True
    )
    return cohort


def test_copy_shift_moves_by_whole_weeks_to_the_first_day_with_the_same_weekday():
    monday = dt.date(2027, 3, 1)
    assert copy_shift(first_day=monday, new_first_day=dt.date(2027, 5, 10)) == dt.timedelta(70)
    assert copy_shift(first_day=monday, new_first_day=dt.date(2027, 5, 5)) == dt.timedelta(70)
    assert copy_shift(first_day=monday, new_first_day=dt.date(2027, 5, 4)) == dt.timedelta(70)
    assert copy_shift(first_day=monday, new_first_day=dt.date(2027, 5, 3)) == dt.timedelta(63)
    assert copy_shift(first_day=monday, new_first_day=dt.date(2027, 2, 24)) == dt.timedelta(0)
    assert copy_shift(first_day=monday, new_first_day=dt.date(2027, 2, 22)) == dt.timedelta(-7)


def test_copied_cohort_started_on_a_wednesday_keeps_weekdays_and_times(source):
    report = cohort_copy(source=source, new_first_day=dt.date(2027, 5, 5), title="İzmir Mayıs 2027")
    copy = report.copy
    assert (copy.starts_on, copy.ends_on) == (dt.date(2027, 5, 10), dt.date(2027, 5, 18))
    sessions = [
        (s.title, s.starts_at.astimezone(ISTANBUL), s.ends_at.astimezone(ISTANBUL))
        for s in copy.sessions.order_by("starts_at")
    ]
    assert sessions == [
        ("Açılış", _at("2027-05-10", 9, 30), _at("2027-05-10", 12, 30)),
        ("Grup çalışması", _at("2027-05-11", 14), _at("2027-05-11", 17)),
        ("Kapanış", _at("2027-05-17", 10), _at("2027-05-17", 12)),
    ]
    assert [start.strftime("%A %H:%M") for _title, start, _end in sessions] == [
        "Monday 09:30",
        "Tuesday 14:00",
        "Monday 10:00",
    ]
    assert copy.registration_opens_at == _at("2027-04-12", 9)
    assert copy.registration_closes_at == _at("2027-05-07", 17, 30)
    assert [[m.pk for m in s.modules.all()] for s in copy.sessions.order_by("starts_at")] == [
        [m.pk for m in s.modules.all()] for s in source.sessions.order_by("starts_at")
    ]


def test_copied_cohort_is_a_draft_with_the_settings_facilitators_and_questions(source):
    copy = cohort_copy(source=source, new_first_day=dt.date(2027, 5, 10), title="Yeni").copy
    copy.refresh_from_db()
    assert copy.status == Cohort.Status.DRAFT
    assert (copy.title, copy.program_id, copy.capacity, copy.province_id) == (
        "Yeni",
        source.program_id,
        25,
        source.province_id,
    )
    assert (
        copy.attendance_threshold,
        copy.certificate_requires_evaluation,
        copy.certificate_requires_plan,
        copy.survey_anonymous,
        copy.survey_closed_at,
    ) == (70, True, True, True, None)
    assert [u.full_name for u in copy.facilitators.all()] == ["Emre Işık"]
    assert list(
        RegistrationQuestion.objects.filter(cohort=copy).values_list(
            "position", "text", "kind", "options", "required", "sensitive"
        )
    ) == [
        (1, "Sektörünüz", "single", "Kamu\nKooperatif", False, False),
        (2, "Erişim ihtiyacınız", "text", "", True, True),
    ]


PERSONAL_MODELS = [
    ("participants", "Registration"),
    ("participants", "RegistrationAnswer"),
    ("participants", "Attendance"),
    ("participants", "SurveyResponse"),
    ("participants", "SurveySubmission"),
    ("participants", "AuditEntry"),
    ("action_plans", "WorkGroup"),
    ("action_plans", "WorkGroupMember"),
    ("action_plans", "ActionPlan"),
    ("certificates", "Certificate"),
    ("notifications", "Notification"),
]


def _counts() -> dict[str, int]:
    return {name: apps.get_model(app, name).objects.count() for app, name in PERSONAL_MODELS}


def test_copying_a_cohort_never_copies_people(source):
    question = source.registration_questions.first()
    answer = RegistrationAnswerFactory(question=question, value="Kamu")
    AttendanceFactory(session=source.sessions.first(), registration=answer.registration)
    SurveyResponse.objects.create(cohort=source, organization_kind="ngo")
    member = WorkGroupMemberFactory(group__cohort=source, registration=answer.registration)
    ActionPlanFactory(work_group=member.group)
    CertificateFactory(registration=answer.registration)
    NotificationFactory(registration=RegistrationFactory(cohort=source))
    before = _counts()

    report = cohort_copy(source=source, new_first_day=dt.date(2027, 5, 10), title="Yeni")

    assert _counts() == before
    copy = report.copy
    assert copy.registrations.count() == 0
    assert copy.survey_responses.count() == 0
    assert apps.get_model("action_plans", "WorkGroup").objects.filter(cohort=copy).count() == 0
    assert [(str(line.label), line.count) for line in report.not_copied] == [
        ("Kayıtlar", 2),
        ("Kayıt sorularının yanıtları", 1),
        ("Yoklama kayıtları", 1),
        ("Anket yanıtları", 1),
        ("Çalışma grupları", 1),
        ("Eylem planları", 1),
        ("Sertifikalar", 1),
    ]
    assert [(str(line.label), line.count) for line in report.copied] == [
        ("Oturumlar", 3),
        ("Kolaylaştırıcılar", 1),
        ("Kayıt soruları", 2),
        ("Yer, kontenjan, onay, sertifika kuralları ve anket ayarları", None),
    ]


def test_copying_a_programme_copies_objectives_modules_and_good_practice_links(db):
    program = ProgramFactory(title="Sosyal Kooperatifçilik", status=Program.Status.PUBLISHED)
    first, second = (
        ObjectiveFactory(program=program, number=1),
        ObjectiveFactory(program=program, number=2),
    )
    module = ModuleFactory(program=program, title="Yasal dayanaklar", position=1)
    module.objectives.set([second])
    practice = GoodPractice.objects.create(
        partner="Ortak", country="İtalya", title="Vaka", summary="Özet", kind="case_study"
    )
    practice.modules.add(module)
    CohortFactory(program=program)

    report = program_copy(source=program)

    copy = report.copy
    assert (copy.title, copy.status, copy.slug) == (
        "Sosyal Kooperatifçilik (kopya)",
        Program.Status.DRAFT,
        "sosyal-kooperatifcilik-kopya",
    )
    assert list(copy.objectives.values_list("number", "text")) == [
        (1, first.text),
        (2, second.text),
    ]
    new_module = copy.modules.get()
    assert new_module.title == "Yasal dayanaklar"
    assert [o.number for o in new_module.objectives.all()] == [2]
    assert new_module.objectives.get().program == copy
    assert list(new_module.good_practices.all()) == [practice]
    assert copy.cohorts.count() == 0
    assert [(str(line.label), line.count, line.copied) for line in report.lines] == [
        ("Hedefler", 2, True),
        ("Modüller", 1, True),
        ("İyi uygulama bağlantıları", 1, True),
        ("Eğitim dönemleri", 1, False),
    ]
