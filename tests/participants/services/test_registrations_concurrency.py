"""Capacity holds under concurrent registrations (PostgreSQL: real row locks)."""

import threading

import pytest
from django.db import connection

from notifications.models import Notification
from participants.models import Registration
from participants.services.registrations import registration_create
from tests.conftest import skip_or_fail
from tests.factories import CohortFactory, ParticipantProfileFactory

pytestmark = pytest.mark.django_db(transaction=True)

REGISTRANTS = 50
SEATS = 10


def test_fifty_simultaneous_registrations_fill_ten_seats_and_waitlist_the_rest_in_order():
    if connection.vendor != "postgresql":
        skip_or_fail("the concurrency test needs PostgreSQL row locks (set DATABASE_URL)")
    cohort = CohortFactory(capacity=SEATS, requires_approval=False)
    users = [profile.user for profile in ParticipantProfileFactory.create_batch(REGISTRANTS)]
    barrier = threading.Barrier(REGISTRANTS)
    errors = []

    def register(user):
        try:
            barrier.wait(timeout=30)
            registration_create(cohort=cohort, participant=user, privacy_acknowledged=True)
        except Exception as error:  # collected and asserted empty below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    registrations = Registration.objects.filter(cohort=cohort)
    assert registrations.count() == REGISTRANTS
    assert registrations.filter(status=Registration.Status.CONFIRMED).count() == SEATS
    waiting = list(
        registrations.filter(status=Registration.Status.WAITLISTED).order_by("waitlist_order")
    )
    assert len(waiting) == REGISTRANTS - SEATS
    assert [r.waitlist_order for r in waiting] == list(range(1, REGISTRANTS - SEATS + 1))
    arrival = sorted(waiting, key=lambda r: (r.created_at, r.pk))
    assert [r.pk for r in arrival] == [r.pk for r in waiting]
    last_confirmed = registrations.filter(status=Registration.Status.CONFIRMED).latest("created_at")
    assert last_confirmed.created_at <= waiting[0].created_at
    assert Notification.objects.filter(kind="waitlisted").count() == REGISTRANTS - SEATS
