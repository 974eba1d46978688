import datetime as dt

import pytest
from django.utils import timezone

from core.models import Province
from documents import rendering
from tests.factories import (
    AttendanceFactory,
    CohortFactory,
    ObjectiveFactory,
    ParticipantProfileFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)


@pytest.fixture
def certificate_cohort(db, facilitator):
    """A finished cohort of two three-hour sessions (6 hours), with two objectives."""
    today = timezone.localdate()
    cohort = CohortFactory(
        title="Ankara dönemi",
        program__title="Belediyeler İçin Sosyal Kooperatifçilik Eğitimi",
        starts_on=today - dt.timedelta(days=10),
        ends_on=today - dt.timedelta(days=9),
        registration_opens_at=timezone.now() - dt.timedelta(days=40),
        registration_closes_at=timezone.now() - dt.timedelta(days=11),
        province=Province.objects.get(name="Ankara"),
        district="Çankaya",
        venue="Çankaya Kültür Merkezi",
    )
    cohort.facilitators.add(facilitator)
    for number, text in enumerate(["Mevzuat arasında bağ kurmak", "Araç geliştirmek"], 1):
        ObjectiveFactory(program=cohort.program, number=number, text=text)
    for day in (cohort.starts_on, cohort.ends_on):
        start = timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))
        SessionFactory(cohort=cohort, starts_at=start, ends_at=start + dt.timedelta(hours=3))
    return cohort


@pytest.fixture
def eleven_hours(certificate_cohort):
    """certificate_cohort with two afternoon sessions more (3.5 h on the first day, 1.5 h on the
    second): 11 hours in all. The first three by start make 9.5 hours, 86.36 %:
    enrol(name, attended=3)."""
    for day, minutes in ((certificate_cohort.starts_on, 210), (certificate_cohort.ends_on, 90)):
        start = timezone.make_aware(dt.datetime.combine(day, dt.time(13, 0)))
        SessionFactory(
            cohort=certificate_cohort,
            starts_at=start,
            ends_at=start + dt.timedelta(minutes=minutes),
        )
    return certificate_cohort


@pytest.fixture
def enrol(certificate_cohort):
    """enrol("İnci Çelik", attended=2) → a confirmed registration that attended that many of
    the cohort's sessions (and has an organisation)."""

    def make(name: str, *, attended: int = 2, participant=None, language: str = "tr"):
        participant = participant or UserFactory(full_name=name, language=language)
        ParticipantProfileFactory(user=participant, organization__name="Çankaya Belediyesi")
        registration = RegistrationFactory(cohort=certificate_cohort, participant=participant)
        for session in list(certificate_cohort.sessions.order_by("starts_at"))[:attended]:
            AttendanceFactory(session=session, registration=registration)
        return registration

    return make


@pytest.fixture
def render_calls(monkeypatch):
    """The layouts of every real PDF render during the test."""
    calls = []
    real = rendering.render_pdf

    def counting(layout, data, **kwargs):
        calls.append(layout.name)
        return real(layout, data, **kwargs)

    monkeypatch.setattr(rendering, "render_pdf", counting)
    return calls
