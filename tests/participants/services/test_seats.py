"""Filling freed seats from the waiting list when a cohort's capacity is raised (programs sends
`cohort_capacity_changed`, participants' receiver calls `waitlist_fill`)."""

import pytest

from participants.models import Registration
from participants.services import registrations as services
from participants.services import seats
from programs import services as program_services
from tests.factories import CohortFactory, ParticipantProfileFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
Status = Registration.Status


def _register(cohort):
    return services.registration_create(
        cohort=cohort, participant=ParticipantProfileFactory().user, privacy_acknowledged=True
    )


def test_raising_capacity_promotes_as_many_as_the_new_seats(coordinator):
    cohort = CohortFactory(requires_approval=False, capacity=1)
    _register(cohort)
    waiting = [_register(cohort) for _ in range(3)]
    cohort.capacity = 3
    cohort.save()
    promoted = seats.waitlist_fill(cohort=cohort, by=coordinator)
    assert [r.pk for r in promoted] == [waiting[0].pk, waiting[1].pk]
    assert Registration.objects.filter(cohort=cohort, status=Status.CONFIRMED).count() == 3


def test_raising_the_capacity_by_one_moves_exactly_one_person_up(coordinator):
    cohort = CohortFactory(requires_approval=False, capacity=2)
    _register(cohort)
    _register(cohort)
    waiting = [_register(cohort) for _ in range(2)]
    cohort.capacity = 3
    cohort.save()
    assert seats.waitlist_fill(cohort=cohort, by=coordinator) == [waiting[0]]
    assert seats.waitlist_fill(cohort=cohort, by=coordinator) == []


def test_saving_a_cohort_with_more_seats_fills_them_in_the_same_transaction(coordinator):
    cohort = CohortFactory(requires_approval=False, capacity=1)
    _register(cohort)
    waiting = _register(cohort)
    cohort.capacity = 2
    program_services.cohort_save(cohort=cohort, facilitators=[], by=coordinator)
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


def test_seat_counts_say_whether_the_person_is_registered_or_cancelled(
    django_assert_num_queries,
):
    cohort = CohortFactory(capacity=3)
    RegistrationFactory(cohort=cohort, status=Registration.Status.CONFIRMED)
    RegistrationFactory(cohort=cohort, status=Registration.Status.PENDING)
    RegistrationFactory(cohort=cohort, status=Registration.Status.WAITLISTED, waitlist_order=4)
    cancelled = RegistrationFactory(cohort=cohort, status=Registration.Status.CANCELLED).participant
    waiting = RegistrationFactory(
        cohort=cohort, status=Registration.Status.WAITLISTED, waitlist_order=7
    )
    newcomer = ParticipantProfileFactory().user
    with django_assert_num_queries(1):
        counts = seats.seat_counts(cohort, participant=newcomer)
    assert counts == seats.SeatCounts(
        free=1, waiting=2, last_waitlist_order=7, registered=False, cancelled=False
    )
    assert seats.seat_counts(cohort) == counts
    assert (
        seats.seat_counts(cohort, participant=cancelled).registered,
        seats.seat_counts(cohort, participant=cancelled).cancelled,
    ) == (False, True)
    assert (
        seats.seat_counts(cohort, participant=waiting.participant).registered,
        seats.seat_counts(cohort, participant=waiting.participant).cancelled,
    ) == (True, False)
    other = CohortFactory()
    assert seats.seat_counts(other, participant=waiting.participant) == seats.SeatCounts(
        free=other.capacity, waiting=0, last_waitlist_order=0
    )
