import pytest

from core.models import Province
from tests.factories import (
    OrganizationFactory,
)

# Seven İzmir organisations, as in the demo (two say "İzmir" in their name, five only in their
# province and district), and two elsewhere; Turkish alphabetical order.
IZMIR_BY_NAME = ["İzmir Büyükşehir Belediyesi", "İzmir İl Sosyal Hizmetler Müdürlüğü"]
IZMIR_BY_PLACE = [
    "Bayındır Belediyesi",
    "Bayındır Kadın Kooperatifi",
    "Ege Sosyal Girişim Kooperatifi",
    "Karşıyaka Belediyesi",
    "Tire Süt Üreticileri Kooperatifi",
]


@pytest.fixture
def izmir_organisations(db):
    izmir = Province.objects.get(name="İzmir")
    districts = {
        "İzmir İl Sosyal Hizmetler Müdürlüğü": "Konak",
        "Bayındır Belediyesi": "Bayındır",
        "Bayındır Kadın Kooperatifi": "Bayındır",
        "Ege Sosyal Girişim Kooperatifi": "Bornova",
        "Karşıyaka Belediyesi": "Karşıyaka",
        "Tire Süt Üreticileri Kooperatifi": "Tire",
    }
    for name in [*IZMIR_BY_NAME, *IZMIR_BY_PLACE]:
        kind = "cooperative" if "Kooperatif" in name else "district"
        OrganizationFactory(
            name=name,
            province=izmir,
            district=districts.get(name, ""),
            kind=kind,
            cooperative_kind="social" if kind == "cooperative" else "",
        )
    OrganizationFactory(name="Çankaya Belediyesi", province=Province.objects.get(name="Ankara"))
    OrganizationFactory(
        name="Kadıköy Kadın Kooperatifi",
        province=Province.objects.get(name="İstanbul"),
        district="Kadıköy",
        kind="cooperative",
        cooperative_kind="women",
    )


@pytest.fixture
def message_cohort(db, facilitator):
    """A cohort that started ten days ago (two 2-hour sessions, 80 % for a certificate) run by
    `facilitator`, with one person per case the message filters tell apart (`people[name]` is
    the registration): Ayşe attended both sessions, answered the survey, "Bakım grubu"; Burak
    one session, "Tarım grubu"; Cem none; Çiğdem both (English); Deniz pending, Ece
    waitlisted, Fatma cancelled; Gizem confirmed but her account is closed."""
    import datetime as dt
    from types import SimpleNamespace

    from django.utils import timezone

    from participants.models import SurveySubmission
    from tests.factories import (
        AttendanceFactory,
        CohortFactory,
        RegistrationFactory,
        SessionFactory,
        WorkGroupFactory,
        WorkGroupMemberFactory,
    )

    today = timezone.localdate()
    cohort = CohortFactory(
        title="Ankara dönemi",
        program__title="Sosyal Kooperatifçilik Eğitimi",
        starts_on=today - dt.timedelta(days=10),
        ends_on=today - dt.timedelta(days=9),
        registration_opens_at=timezone.now() - dt.timedelta(days=40),
        registration_closes_at=timezone.now() - dt.timedelta(days=11),
    )
    cohort.facilitators.add(facilitator)
    sessions = []
    for day in (cohort.starts_on, cohort.ends_on):
        start = timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))
        sessions.append(
            SessionFactory(cohort=cohort, starts_at=start, ends_at=start + dt.timedelta(hours=2))
        )
    people = {}
    for name, status, language in [
        ("Ayşe Kaya", "confirmed", "tr"),
        ("Burak Demir", "confirmed", "tr"),
        ("Cem Şahin", "confirmed", "tr"),
        ("Çiğdem Öz", "confirmed", "en"),
        ("Deniz Ak", "pending", "tr"),
        ("Ece Yurt", "waitlisted", "tr"),
        ("Fatma Er", "cancelled", "tr"),
        ("Gizem Uz", "confirmed", "tr"),
    ]:
        people[name] = RegistrationFactory(
            cohort=cohort,
            status=status,
            participant__full_name=name,
            participant__language=language,
        )
    gizem = people["Gizem Uz"].participant
    gizem.is_active = False
    gizem.save(update_fields=["is_active"])
    for name, attended in [("Ayşe Kaya", 2), ("Burak Demir", 1), ("Çiğdem Öz", 2)]:
        for session in sessions[:attended]:
            AttendanceFactory(session=session, registration=people[name])
    AttendanceFactory(session=sessions[0], registration=people["Cem Şahin"], status="absent")
    SurveySubmission.objects.create(registration=people["Ayşe Kaya"])
    groups = {
        "Bakım grubu": WorkGroupFactory(cohort=cohort, name="Bakım grubu"),
        "Tarım grubu": WorkGroupFactory(cohort=cohort, name="Tarım grubu"),
    }
    WorkGroupMemberFactory(group=groups["Bakım grubu"], registration=people["Ayşe Kaya"])
    WorkGroupMemberFactory(group=groups["Tarım grubu"], registration=people["Burak Demir"])
    return SimpleNamespace(cohort=cohort, people=people, groups=groups, sessions=sessions)
