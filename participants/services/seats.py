"""Seats: the one seat rule (`free_seats`), the status changes and e-mails every registration
write shares, and filling freed seats from the head of the waiting list.

Every write locks the cohort row first (`lock_cohort`, `select_for_update`), so two requests for
the last seat are served one after the other, and re-counts the seats inside that lock. Pending
registrations hold a seat, like confirmed ones (`Registration.SEAT_HOLDING`): approving them can
never overbook.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max, Q, prefetch_related_objects
from django.utils import timezone

from core.compiled import CompiledAggregate, CompiledQuery, statements_run
from notifications.models import Notification
from notifications.rendering import RenderedEmail
from notifications.services import (
    NotificationRequest,
    notification_prepare,
    notification_render,
    notifications_queue,
)
from participants.emails import RegistrationEmail
from participants.models import AuditEntry, Registration
from participants.services.audit import audit_log
from programs.models import Cohort

Status = Registration.Status


_LOCKED_COHORT = CompiledQuery(
    lambda *, pk: (
        Cohort.objects.select_for_update(of=("self",))
        .select_related("program", "province")
        .filter(pk=pk)
    ),
    pk=-7_362_915_201,
)


def lock_cohort(cohort: Cohort) -> Cohort:
    """The cohort row, locked, with its programme and province (the e-mails written in the
    lock print them: fetched here, not one query each while every other writer waits); its
    SQL built once (core.compiled: the lock is held while the next one builds nothing)."""
    found = _LOCKED_COHORT.objects(pk=cohort.pk)
    if not found:
        raise Cohort.DoesNotExist
    return found[0]


def free_seats(cohort: Cohort) -> int:
    """The seat rule, for every write here: confirmed and pending registrations hold a seat, so
    with a capacity of n the n-th of them still gets one and the next one waits. Call with the
    cohort locked."""
    taken = Registration.objects.filter(cohort=cohort, status__in=Registration.SEAT_HOLDING).count()
    return max(cohort.capacity - taken, 0)


@dataclass(frozen=True)
class SeatCounts:
    free: int  # as `free_seats`
    waiting: int  # registrations on the waiting list
    last_waitlist_order: int  # the highest waitlist_order of any registration, 0 if none
    registered: bool = False  # the participant asked about holds a registration not cancelled
    cancelled: bool = False  # the participant asked about holds a cancelled registration


def _seat_counts(*, cohort, participant=None):
    # the status of their registration, None without one (one per cohort and person)
    mine = (
        {"mine": Max("status", filter=Q(participant=participant))}
        if participant is not None
        else {}
    )
    return Registration.objects.filter(cohort=cohort), {
        "taken": Count("pk", filter=Q(status__in=Registration.SEAT_HOLDING)),
        "waiting": Count("pk", filter=Q(status=Status.WAITLISTED)),
        "top": Max("waitlist_order"),
        **mine,
    }


# Their SQL built once (core.compiled): one inside the cohort's lock, one before it.
_SEAT_COUNTS = CompiledAggregate(_seat_counts, cohort=-7_362_915_202)
_SEAT_COUNTS_AND_MINE = CompiledAggregate(
    _seat_counts, cohort=-7_362_915_202, participant=-7_362_915_203
)


def seat_counts(cohort: Cohort, *, participant=None) -> SeatCounts:
    """`free_seats`, how many wait and the end of the waiting list — and whether `participant`
    (when given) is registered already, or was and cancelled —, in one query (a new
    registration needs them all). Call with the cohort locked (or for a guess)."""
    if participant is None:
        counts = _SEAT_COUNTS.get(cohort=cohort.pk)
    else:
        counts = _SEAT_COUNTS_AND_MINE.get(cohort=cohort.pk, participant=participant.pk)
    return _seats_of(cohort, counts)


def lock_cohort_counting(
    cohort: Cohort, *, participant, more=()
) -> tuple[Cohort, SeatCounts, list]:
    """`lock_cohort` and then `seat_counts(…, participant=…)` of the locked row, in one round
    trip to the database (`core.compiled.statements_run`: the count is a statement of its own,
    so it sees every registration committed while the lock was waited for); `more`: statements
    run after them in the same round trip, whose results come third. For the section every
    other registration waits for: each round trip in it is paid 200 times over when 200 people
    register at once (issue 15)."""
    found, counts, *results = statements_run(
        [
            _LOCKED_COHORT.objects_statement(pk=cohort.pk),
            _SEAT_COUNTS_AND_MINE.get_statement(cohort=cohort.pk, participant=participant.pk),
            *more,
        ]
    )
    if not found:
        raise Cohort.DoesNotExist
    return found[0], _seats_of(found[0], counts), results


def _seats_of(cohort: Cohort, counts: dict) -> SeatCounts:
    return SeatCounts(
        free=max(cohort.capacity - counts["taken"], 0),
        waiting=counts["waiting"],
        last_waitlist_order=counts["top"] or 0,
        registered=counts.get("mine") not in (None, Status.CANCELLED),
        cancelled=counts.get("mine") == Status.CANCELLED,
    )


def _next_waitlist_order(cohort: Cohort) -> int:
    top = Registration.objects.filter(cohort=cohort).aggregate(top=Max("waitlist_order"))["top"]
    return (top or 0) + 1


def seats_allocate(cohort: Cohort, count: int) -> list[tuple[str, int | None]]:
    """The seat rule for `count` people registering one after the other (an import): the
    status and waiting-list order each gets, as `set_status` would give them one by one — a
    seat while `free_seats` has one, the end of the waiting list after. Two queries for any
    number. Call with the cohort locked."""
    free = free_seats(cohort)
    order = _next_waitlist_order(cohort)
    allocated = []
    for index in range(count):
        if index < free:
            allocated.append((seat_status(cohort), None))
        else:
            allocated.append((Status.WAITLISTED, order + index - free))
    return allocated


def set_status(registration: Registration, status: str, now: dt.datetime) -> None:
    registration.status = status
    registration.status_changed_at = now
    if status == Status.WAITLISTED:
        if registration.waitlist_order is None:
            registration.waitlist_order = _next_waitlist_order(registration.cohort)
    else:
        registration.waitlist_order = None


def _email_request(registration: Registration, kind: str, context: dict, **more):
    return NotificationRequest(
        recipient=registration.participant,
        kind=kind,
        about=registration,
        dedupe_key=(
            f"{kind}:{registration.pk}:{registration.status_changed_at.isoformat()}"
            if registration.pk is not None
            else ""
        ),
        context=context,
        **more,
    )


def registration_email_draft(registration: Registration, kind: str, **context) -> RenderedEmail:
    """The e-mail `registration_email` would queue, rendered now: before the cohort's lock, for
    a registration not saved yet with the status it is expected to get, what only the lock
    decides as `notifications.rendering.Blank`s."""
    return notification_render(request=_email_request(registration, kind, context))


def registration_email(registration: Registration, kind: str, **context) -> Notification:
    """Queue the e-mail `kind` about the registration's latest status change (its key holds
    the moment of it)."""
    return notifications_queue(requests=[_email_request(registration, kind, context)])[0]


def registration_email_row(
    registration: Registration, kind: str, *, draft: RenderedEmail | None, pk, **context
) -> Notification:
    """The row `registration_email` would queue for a status set just now, not saved, with the
    primary key `pk` (reserved: core.compiled.ids_statement; None where none can be): the
    caller inserts it with its own rows in one round trip and then passes it to
    `notifications.services.notifications_enqueue`. Rendered now when `draft` is None."""
    rendered = draft.filled(**context) if draft is not None else None
    notification = notification_prepare(  # the status was set just now: a fresh key
        request=_email_request(registration, kind, context, rendered=rendered, fresh_key=True)
    )
    notification.pk = pk
    return notification


def seat_status(cohort: Cohort) -> str:
    return Status.PENDING if cohort.requires_approval else Status.CONFIRMED


def promote_waiting(cohort: Cohort, *, by) -> list[Registration]:
    """Give every free seat to the head of the waiting list. Call with the cohort locked."""
    promoted = []
    free = free_seats(cohort)
    if free <= 0:
        return promoted
    waiting = (
        Registration.objects.select_for_update()
        .select_related("participant")
        .filter(cohort=cohort, status=Status.WAITLISTED)
        .order_by("waitlist_order", "pk")[:free]
    )
    now = timezone.now()
    waiting = list(waiting)
    if waiting:  # the promotion e-mails carry the sessions' meeting links: read them once
        prefetch_related_objects([cohort], "sessions")
    for registration in waiting:
        registration.cohort = cohort
        set_status(registration, seat_status(cohort), now)
        registration.save(update_fields=["status", "status_changed_at", "waitlist_order"])
        audit_log(
            actor=by, action=AuditEntry.Action.PROMOTED, cohort=cohort, registration=registration
        )
        registration_email(registration, RegistrationEmail.PROMOTED)
        promoted.append(registration)
    return promoted


def waitlist_fill(*, cohort: Cohort, by=None) -> list[Registration]:
    """A cohort's capacity was raised (programs' `cohort_capacity_changed`): fill the new seats
    from the waiting list."""
    with transaction.atomic():
        return promote_waiting(lock_cohort(cohort), by=by)
