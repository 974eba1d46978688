import datetime as dt
import email
from email.policy import default

import pytest
from django.core import mail
from django.urls import reverse

from notifications.models import Notification
from participants.emails import RegistrationEmail
from participants.services.registrations import registration_approve, registration_create
from participants.services.seats import registration_email
from tests.factories import (
    CohortFactory,
    ParticipantProfileFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
COHORT_LINK = "https://toplanti.example.org/donem"
LIVE_LINK = "https://toplanti.example.org/canli"


@pytest.fixture
def cohort():
    cohort = CohortFactory(title="İzmir dönemi", online_url=COHORT_LINK)
    SessionFactory(cohort=cohort, title="Açılış")
    SessionFactory(
        cohort=cohort,
        title="Canlı bağlantı",
        starts_at=dt.datetime.combine(cohort.starts_on, dt.time(14, 0)).astimezone(),
        ends_at=dt.datetime.combine(cohort.starts_on, dt.time(15, 0)).astimezone(),
        online_url=LIVE_LINK,
    )
    return cohort


def _register(cohort, *, approval: bool):
    cohort.requires_approval = approval
    cohort.save()
    return registration_create(
        cohort=cohort,
        participant=ParticipantProfileFactory().user,
        privacy_acknowledged=True,
        consents={},
    )


def test_the_confirmation_reaches_the_smtp_server_with_the_meeting_links(
    cohort, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = _register(cohort, approval=False)
    assert smtp_server.handler.delivered_to() == [registration.participant.email]
    raw = smtp_server.handler.delivered[0][1].encode()
    message = email.message_from_bytes(raw, policy=default)
    assert message["Subject"].strip() == "[Genç İşi] Kaydınız onaylandı: İzmir dönemi"
    body = message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
    html = message.get_body(preferencelist=("html",)).get_content()
    assert COHORT_LINK in html
    assert LIVE_LINK in html
    assert "Çevrim içi toplantı bağlantıları (yalnızca sizin için" in body
    assert f"- Dönemin toplantı bağlantısı: {COHORT_LINK}\n" in body
    assert f"Canlı bağlantı: {LIVE_LINK}\n" in body


def test_a_pending_registration_is_told_no_link_until_it_is_approved(
    cohort, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration = _register(cohort, approval=True)
    received = Notification.objects.get(kind=RegistrationEmail.RECEIVED)
    assert "toplanti.example.org" not in received.body
    with django_capture_on_commit_callbacks(execute=True):
        registration_approve(registration=registration, by=UserFactory())
    confirmed = Notification.objects.get(kind=RegistrationEmail.CONFIRMED)
    assert COHORT_LINK in confirmed.body
    assert LIVE_LINK in confirmed.body
    assert [COHORT_LINK in message.body for message in mail.outbox] == [False, True]


@pytest.mark.parametrize("status", ["pending", "waitlisted", "cancelled", "rejected"])
def test_no_email_about_an_unconfirmed_registration_carries_a_link(cohort, status):
    registration = RegistrationFactory(cohort=cohort, status=status)
    registration.status_changed_at = cohort.registration_opens_at
    for kind in (RegistrationEmail.PROMOTED, RegistrationEmail.REMINDER):
        notification = registration_email(registration, kind)
        assert "toplanti.example.org" not in notification.body, kind


def test_the_links_of_my_registrations_page_are_absolute(cohort):
    registration = RegistrationFactory(cohort=cohort)
    registration.status_changed_at = cohort.registration_opens_at
    body = registration_email(registration, RegistrationEmail.CONFIRMED).body
    assert f"http://127.0.0.1:8000{reverse('participants:my_registrations')}" in body


def test_the_invitation_holds_a_password_link_so_its_text_is_not_kept_once_sent():
    from notifications import registry
    from participants.emails import INVITATION

    assert registry.get(INVITATION).keep_text is False
