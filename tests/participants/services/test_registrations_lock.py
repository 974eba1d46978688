"""What `registration_create` does while it holds the cohort's lock (issue 15: 200 people
registering at once all wait for it): count, decide, insert — the e-mail rendered before it."""

import dataclasses
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection

from core import figure_cache, page_cache
from notifications.models import Notification
from notifications.services import NotificationRequest, notification_preview
from participants.models import Registration
from participants.services import registrations as services
from tests.factories import (
    CohortFactory,
    ParticipantProfileFactory,
    RegistrationFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db
Status = Registration.Status


def _register(cohort, user=None):
    user = user or ParticipantProfileFactory().user
    return services.registration_create(
        cohort=cohort, participant=user, privacy_acknowledged=True, consents={}, answers={}
    )


def _what_it_does(monkeypatch, call) -> list[str]:
    """The statements (their first words and table) and the cache writes of `call`, in order."""
    events = []

    def statement(execute, sql, params, many, context):
        table = re.search(r'(?:FROM|INTO) "(\w+)"', sql)
        lock = " FOR UPDATE" if "FOR UPDATE" in sql else ""
        events.append(f"{sql.split()[0]} {table[1] if table else sql.split()[1]}{lock}")
        return execute(sql, params, many, context)

    real_set = cache.set

    def cache_set(key, *args, **kwargs):
        events.append(f"cache {key}")
        return real_set(key, *args, **kwargs)

    monkeypatch.setattr(cache, "set", cache_set)
    with connection.execute_wrapper(statement):
        call()
    return events


def _locked(events: list[str]) -> list[str]:
    """From the cohort's SELECT … FOR UPDATE to the end of the registration's transaction
    (a savepoint in the test's transaction; a COMMIT in production)."""
    start = next(i for i, event in enumerate(events) if event.endswith("FOR UPDATE"))
    return events[start:]


@pytest.mark.parametrize("full", [False, True], ids=["seat", "waiting list"])
def test_the_lock_is_held_for_five_statements_and_no_cache_write(monkeypatch, full):
    cohort = CohortFactory(requires_approval=False, capacity=1)
    SessionFactory(cohort=cohort, online_url="https://toplanti.example.org/a")
    if full:
        RegistrationFactory(cohort=cohort, status=Status.CONFIRMED)
    ContentType.objects.get_for_model(Registration)  # as every process has it after its first
    events = _what_it_does(monkeypatch, lambda: _register(cohort))
    assert _locked(events) == [
        "SELECT programs_cohort FOR UPDATE",  # the lock
        "SELECT participants_registration",  # the seats, and whether theirs is there already
        "INSERT participants_registration",
        "INSERT participants_auditentry",
        "INSERT participants_notification",  # rendered before the lock
        "RELEASE SAVEPOINT",  # the end of the registration's transaction
    ]


def test_the_cache_generations_are_replaced_before_the_lock(monkeypatch):
    cohort = CohortFactory(requires_approval=False)
    events = _what_it_does(monkeypatch, lambda: _register(cohort))
    lock = events.index(_locked(events)[0])
    assert {event for event in events[:lock] if event.startswith("cache ")} == {
        f"cache {page_cache.GENERATION_KEY}",
        f"cache {figure_cache.GENERATION_KEY}",
    }
    assert not [event for event in events[lock:] if event.startswith("cache ")]


def _as_rendered_now(notification: Notification, registration: Registration, **context):
    """The e-mail rendered after the fact from the saved registration."""
    return notification_preview(
        request=NotificationRequest(
            recipient=registration.participant,
            kind=notification.kind,
            dedupe_key=notification.dedupe_key,
            about=registration,
            context=context,
        )
    )


@pytest.mark.parametrize(
    ("approval", "taken", "kind", "position"),
    [
        (False, 0, "confirmed", None),
        (True, 0, "received", None),
        (False, 2, "waitlisted", 2),
    ],
)
def test_the_email_rendered_before_the_lock_is_the_one_the_outcome_calls_for(
    approval, taken, kind, position
):
    cohort = CohortFactory(requires_approval=approval, capacity=1, online_url="")
    SessionFactory(cohort=cohort, title="Açılış", online_url="https://toplanti.example.org/a")
    if taken:
        RegistrationFactory(cohort=cohort, status=Status.CONFIRMED)
        RegistrationFactory(cohort=cohort, status=Status.WAITLISTED, waitlist_order=1)
    registration = _register(cohort)
    assert registration.position == position
    notification = Notification.objects.get(about_id=registration.pk)
    context = {"position": position} if position else {}
    saved = Registration.objects.get(pk=registration.pk)
    expected = _as_rendered_now(notification, saved, **context)
    assert notification.kind == kind
    assert (notification.subject, notification.body, notification.html) == (
        expected.subject,
        expected.body,
        expected.html,
    )
    if kind == "confirmed":
        assert "https://toplanti.example.org/a" in notification.body
    if kind == "waitlisted":
        assert "\ue000" not in notification.body + notification.html


def test_when_the_lock_decides_otherwise_than_expected_the_email_is_rendered_again(
    monkeypatch,
):
    """The last seat went to someone else between the look before the lock and the lock."""
    cohort = CohortFactory(requires_approval=False, capacity=1)
    real = services.seat_counts

    def before_the_last_seat_went(cohort, *, participant=None):
        counts = real(cohort, participant=participant)
        if participant is None:  # the look before the lock: a seat seemed free
            return dataclasses.replace(counts, free=1)
        return counts

    monkeypatch.setattr(services, "seat_counts", before_the_last_seat_went)
    RegistrationFactory(cohort=cohort, status=Status.CONFIRMED)
    registration = _register(cohort)
    assert (registration.status, registration.position) == (Status.WAITLISTED, 1)
    notification = Notification.objects.get(about_id=registration.pk)
    expected = _as_rendered_now(notification, registration, position=1)
    assert notification.kind == "waitlisted"
    assert (notification.subject, notification.body) == (expected.subject, expected.body)


def test_registered_again_meanwhile_by_another_request_of_theirs_is_reported_with_that_row(
    monkeypatch,
):
    """Their other request registered them again between this one's look (a cancelled
    registration) and its lock: the seat count in the lock sees it; nothing of this request is
    kept."""
    cohort = CohortFactory(requires_approval=False)
    user = ParticipantProfileFactory().user
    theirs = RegistrationFactory(cohort=cohort, participant=user, status=Status.CONFIRMED)
    real = services._before_the_lock

    def looked_while_it_was_cancelled(**kwargs):
        Registration.objects.filter(pk=theirs.pk).update(status=Status.CANCELLED)
        try:
            return real(**kwargs)
        finally:
            Registration.objects.filter(pk=theirs.pk).update(status=Status.CONFIRMED)

    monkeypatch.setattr(services, "_before_the_lock", looked_while_it_was_cancelled)
    with pytest.raises(services.AlreadyRegisteredError) as raised:
        _register(cohort, user)
    assert (raised.value.registration, raised.value.registration.status) == (
        theirs,
        Status.CONFIRMED,
    )
    assert list(Registration.objects.filter(cohort=cohort)) == [theirs]
    assert not Notification.objects.filter(about_id=theirs.pk).exists()
