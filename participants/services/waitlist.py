"""The waiting list by hand: a person's place, a coordinator promoting someone ahead of the
list's order, and moving a person up or down. Every write locks the cohort row first
(services/registrations.py's `registration_locked`)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.ordering import sibling_move
from participants.emails import RegistrationEmail
from participants.models import AuditEntry, Registration
from participants.services.audit import audit_log
from participants.services.registration_errors import NoFreeSeatError, RegistrationError
from participants.services.registrations import registration_locked
from participants.services.seats import free_seats, registration_email, set_status

Status = Registration.Status


def waitlist_position(*, registration: Registration) -> int | None:
    if registration.status != Status.WAITLISTED:
        return None
    return Registration.objects.filter(
        cohort_id=registration.cohort_id,
        status=Status.WAITLISTED,
        waitlist_order__lte=registration.waitlist_order,
    ).count()


def registration_promote(*, registration: Registration, by) -> Registration:
    """A coordinator gives a free seat to this waiting person, ahead of the list's order."""
    with transaction.atomic():
        cohort, registration = registration_locked(registration)
        if registration.status != Status.WAITLISTED:
            raise RegistrationError(_("Only waiting-list registrations can be promoted."))
        if free_seats(cohort) <= 0:
            raise NoFreeSeatError
        set_status(registration, Status.CONFIRMED, timezone.now())
        registration.save()
        audit_log(
            actor=by, action=AuditEntry.Action.PROMOTED, cohort=cohort, registration=registration
        )
        registration_email(registration, RegistrationEmail.PROMOTED)
    return registration


def registration_move(*, registration: Registration, direction: str, by) -> Registration:
    """Swap a waiting person with the one before ("up") or after ("down") them."""
    with transaction.atomic():
        cohort, registration = registration_locked(registration)
        if registration.status != Status.WAITLISTED:
            raise RegistrationError(_("Only waiting-list registrations can be moved."))
        mine = registration.waitlist_order
        ordered = sibling_move(
            siblings=Registration.objects.filter(cohort=cohort, status=Status.WAITLISTED),
            item_pk=registration.pk,
            up=direction == "up",
            field="waitlist_order",
            renumber_all=False,
        )
        theirs = next(item for item in ordered if item.pk == registration.pk).waitlist_order
        if theirs == mine:
            return registration
        registration.waitlist_order = theirs
        audit_log(
            actor=by,
            action=AuditEntry.Action.REORDERED,
            cohort=cohort,
            registration=registration,
            detail=f"{mine} → {theirs}",
        )
    return registration
