"""Registrations: registering, cancelling (one, or all of a cancelled cohort), approving,
rejecting. The seat rule and the filling of freed seats from the waiting list are in
services/seats.py, the coordinator's work on the waiting list in services/waitlist.py; every
write locks the cohort row first.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.compiled import CompiledQuery, ids_statement, rows_insert
from core.generations import replaced_up_front
from notifications.models import Notification
from notifications.rendering import Blank, RenderedEmail
from notifications.services import (
    NotificationRequest,
    notifications_enqueue,
    notifications_queue,
)
from participants.emails import RegistrationEmail
from participants.models import AuditEntry, ParticipantProfile, Registration
from participants.selectors.answers import answers_to_questions
from participants.selectors.privacy import Consents, consents_get
from participants.services.answers import registration_answers_save
from participants.services.audit import audit_entry, audit_log
from participants.services.consents import consents_update, privacy_notice_acknowledge
from participants.services.registration_errors import (
    AlreadyRegisteredError,
    PrivacyNoticeNotAcknowledgedError,
    ProfileMissingError,
    RegistrationClosedError,
    RegistrationError,
    RegistrationNotOpenYetError,
)
from participants.services.seats import (
    lock_cohort,
    lock_cohort_counting,
    promote_waiting,
    registration_email,
    registration_email_draft,
    registration_email_row,
    seat_counts,
    seat_status,
    set_status,
)
from programs.models import Cohort

Status = Registration.Status


def _check_window(cohort: Cohort, now: dt.datetime) -> None:
    if not cohort.is_public:
        raise RegistrationClosedError
    if now < cohort.registration_opens_at:
        raise RegistrationNotOpenYetError
    if now >= cohort.registration_closes_at:
        raise RegistrationClosedError


# The reads before the lock, their SQL built once (core.compiled: 200 people at once).
_EARLIER = CompiledQuery(
    lambda *, cohort, participant: Registration.objects.filter(
        cohort_id=cohort, participant_id=participant
    ).order_by("pk")[:1],
    cohort=-7_362_915_401,
    participant=-7_362_915_402,
)
_PROFILE = CompiledQuery(
    lambda *, user: ParticipantProfile.objects.filter(user_id=user).values_list("pk")[:1],
    user=-7_362_915_403,
)


def _before_the_lock(
    *, cohort, participant, privacy_acknowledged: bool, consents, answers, consents_read
):
    """The checks of `registration_create` that need no lock, in its order (registered
    already, the window, the profile, the privacy notice), the person's own records (privacy
    acknowledgement, consents) and which answers are to the cohort's questions. Returns (their
    earlier, cancelled registration or None, the acknowledgement of the privacy notice that
    covers the registration, the answers to keep, the seats as they look before the lock).
    The seats' query also says whether they registered before: their row is read only then."""
    seats = seat_counts(cohort, participant=participant)
    if seats.registered:
        raise AlreadyRegisteredError  # its row is read by registration_create
    earlier = None
    if seats.cancelled:
        earlier = next(iter(_EARLIER.objects(cohort=cohort.pk, participant=participant.pk)), None)
    _check_window(cohort, timezone.now())
    if not _PROFILE.rows(user=participant.pk):
        raise ProfileMissingError
    needs_consents = consents is not None or not privacy_acknowledged
    held = consents_read or (consents_get(user=participant) if needs_consents else None)
    if privacy_acknowledged:
        acknowledgement = privacy_notice_acknowledge(user=participant)
    else:
        acknowledgement = held.acknowledgement
    if acknowledgement is None:
        raise PrivacyNoticeNotAcknowledgedError
    if consents is not None:
        consents_update(user=participant, choices=consents, current=held.state)
    answers = answers_to_questions(cohort=cohort, answers=answers)
    return earlier, acknowledgement, answers, seats


# What a new registration's status is reported with: the audit log's action, the e-mail.
_REPORTED = {
    Status.PENDING: (AuditEntry.Action.REGISTERED, RegistrationEmail.RECEIVED),
    Status.CONFIRMED: (AuditEntry.Action.CONFIRMED, RegistrationEmail.CONFIRMED),
    Status.WAITLISTED: (AuditEntry.Action.WAITLISTED, RegistrationEmail.WAITLISTED),
}


def _expected_email(*, cohort, participant, guess) -> tuple[str, RenderedEmail]:
    """The status the lock will most likely give (`guess`: the seats as they are before it)
    and the e-mail that reports it, rendered now, the waiting-list place left blank: the lock
    only fills it in (and renders again when it decides otherwise: the last seats)."""
    status = seat_status(cohort) if guess.free > 0 else Status.WAITLISTED
    if status == Status.CONFIRMED:  # the confirmation lists the sessions' meeting links
        prefetch_related_objects([cohort], "sessions")
    draft = registration_email_draft(
        Registration(cohort=cohort, participant=participant, status=status),
        _REPORTED[status][1],
        position=Blank("position"),
    )
    return status, draft


def registration_create(
    *,
    cohort: Cohort,
    participant,
    privacy_acknowledged: bool,
    consents: dict[str, bool] | None = None,
    answers: dict[int, str] | None = None,
    consents_read: Consents | None = None,
) -> Registration:
    """Register `participant`: a seat (confirmed, or pending when the cohort needs approval)
    while there is one, the end of the waiting list otherwise. The registration returned
    carries `position` (its place on the waiting list, None when not waiting), as
    selectors.registrations.with_position would annotate it.

    `privacy_acknowledged`: the person acknowledged the privacy notice with this registration
    (recorded). Without it, their earlier acknowledgement of the current version (at sign-up, on
    the profile, at another registration) covers it. Either way the registration keeps the
    version and the time of the acknowledgement that covers it.

    `answers`: to the cohort's registration questions (forms.answers.RegistrationAnswersForm
    .answers()), stored with the registration (a registration made again replaces them).

    `consents_read`: the person's consents as the caller read them in this request
    (selectors.privacy.consents_get): not read again.

    Raises a `RegistrationError` (with a message for the person) when the window is closed,
    the profile is missing, the current notice was never acknowledged, or they are registered
    already.
    """
    try:
        with transaction.atomic():
            registration = _registration_create(
                cohort=cohort,
                participant=participant,
                privacy_acknowledged=privacy_acknowledged,
                consents=consents,
                answers=answers,
                consents_read=consents_read,
            )
    except AlreadyRegisteredError as error:
        if error.registration is None:  # made meanwhile by another request of theirs
            error.registration = Registration.objects.filter(
                cohort=cohort, participant=participant
            ).first()
        raise
    return registration


def _registration_create(
    *, cohort, participant, privacy_acknowledged, consents, answers, consents_read
):
    # First everything that does not depend on the seats, so that the cohort's lock, which
    # serialises every registration for it, is held only for the seat decision and the rows
    # that report it (issue 15: 200 people at once).
    earlier, acknowledgement, answers, guess = _before_the_lock(
        cohort=cohort,
        participant=participant,
        privacy_acknowledged=privacy_acknowledged,
        consents=consents,
        answers=answers,
        consents_read=consents_read,
    )
    expected, draft = _expected_email(cohort=cohort, participant=participant, guess=guess)
    with replaced_up_front():  # the cached pages' generations: not while others wait
        # The lock, in three round trips to the database: lock, count (and whether a request
        # of theirs got here first) and reserve the new rows' keys; insert them; commit.
        keyed = [Notification] if earlier else [Registration, Notification]
        locked, seats, [keys] = lock_cohort_counting(
            cohort, participant=participant, more=[ids_statement(*keyed)]
        )
        if seats.registered:
            raise AlreadyRegisteredError  # its row is read after the rollback
        now = timezone.now()
        _check_window(locked, now)
        registration = earlier or Registration(pk=keys[0])
        registration.participant = participant  # the e-mail's recipient: not read again
        registration.cohort = cohort  # as read before the lock, with what the e-mail prints
        registration.cancelled_at = None
        registration.cancelled_by = None
        registration.privacy_notice_version = acknowledgement.notice_version
        registration.privacy_acknowledged_at = acknowledgement.created_at
        if seats.free > 0:
            set_status(registration, seat_status(locked), now)
            registration.position = None
        else:
            registration.waitlist_order = seats.last_waitlist_order + 1
            set_status(registration, Status.WAITLISTED, now)
            registration.position = seats.waiting + 1  # the newest waits behind everyone
        try:
            # With its key reserved a new row goes with the others; their earlier row is
            # updated, and where no key can be reserved (SQLite) it is saved first.
            inserted_with_the_others = registration._state.adding and registration.pk is not None
            if not inserted_with_the_others:
                registration.save()
            action, email = _REPORTED[registration.status]
            notification = registration_email_row(
                registration,
                email,
                draft=draft if registration.status == expected else None,
                pk=keys[-1],
                **({"position": registration.position} if registration.position else {}),
            )
            rows_insert(
                [
                    *([registration] if inserted_with_the_others else []),
                    audit_entry(
                        actor=participant, action=action, cohort=locked, registration=registration
                    ),
                    notification,
                ]
            )
        except IntegrityError as error:  # their row, made meanwhile and cancelled again
            raise AlreadyRegisteredError from error  # leaves the transaction: rolled back
        registration_answers_save(
            registration=registration, answers=answers, replace=earlier is not None
        )
        notifications_enqueue(notifications=[notification])
    return registration


def registration_locked(registration: Registration) -> tuple[Cohort, Registration]:
    """The cohort locked first (every write does), then the registration, read again."""
    cohort = lock_cohort(registration.cohort)
    locked = (
        Registration.objects.select_for_update()
        .select_related("participant")
        .get(pk=registration.pk)
    )
    locked.cohort = cohort
    return cohort, locked


def registration_cancel(*, registration: Registration, by, notify: bool = True) -> Registration:
    """Cancel (by the participant or a coordinator); a freed seat goes to the waiting list."""
    with transaction.atomic():
        cohort, registration = registration_locked(registration)
        if registration.status not in Registration.ACTIVE:
            raise RegistrationError(_("This registration is no longer active."))
        now = timezone.now()
        set_status(registration, Status.CANCELLED, now)
        registration.cancelled_at = now
        registration.cancelled_by = by
        registration.save()
        audit_log(
            actor=by, action=AuditEntry.Action.CANCELLED, cohort=cohort, registration=registration
        )
        if notify:
            registration_email(registration, RegistrationEmail.CANCELLED)
        promote_waiting(cohort, by=by)
    return registration


def registrations_cancel_for_cohort(*, cohort: Cohort, by) -> int:
    """The cohort was cancelled (programs' `cohort_cancelled`, sent with the cohort row locked):
    cancel every active registration in it, in the same transaction, and tell each person by
    e-mail; nobody moves up from the waiting list (there is nothing to move up to). Returns how
    many registrations were cancelled."""
    now = timezone.now()
    registrations = list(
        Registration.objects.select_for_update()
        .select_related("participant")
        .filter(cohort=cohort, status__in=Registration.ACTIVE)
    )
    for registration in registrations:
        registration.cohort = cohort  # the e-mail names it: no query per person
    Registration.objects.filter(pk__in=[r.pk for r in registrations]).update(
        status=Status.CANCELLED,
        status_changed_at=now,
        waitlist_order=None,
        cancelled_at=now,
        cancelled_by=by,
    )
    AuditEntry.objects.bulk_create(
        AuditEntry(
            actor=by,
            action=AuditEntry.Action.CANCELLED,
            cohort=cohort,
            registration=registration,
            detail=_("The cohort was cancelled."),
        )
        for registration in registrations
    )
    notifications_queue(
        requests=[
            NotificationRequest(
                recipient=registration.participant,
                kind=RegistrationEmail.COHORT_CANCELLED,
                dedupe_key=f"cohort_cancelled:{registration.pk}:{now.isoformat()}",
                about=registration,
            )
            for registration in registrations
        ]
    )
    return len(registrations)


def registration_approve(*, registration: Registration, by) -> Registration:
    with transaction.atomic():
        cohort, registration = registration_locked(registration)
        if registration.status != Status.PENDING:
            raise RegistrationError(_("Only registrations pending approval can be approved."))
        set_status(registration, Status.CONFIRMED, timezone.now())
        registration.save()
        audit_log(
            actor=by, action=AuditEntry.Action.APPROVED, cohort=cohort, registration=registration
        )
        registration_email(registration, RegistrationEmail.CONFIRMED)
    return registration


def registration_reject(*, registration: Registration, by) -> Registration:
    with transaction.atomic():
        cohort, registration = registration_locked(registration)
        if registration.status not in (Status.PENDING, Status.WAITLISTED):
            raise RegistrationError(
                _("Only pending or waiting-list registrations can be rejected.")
            )
        set_status(registration, Status.REJECTED, timezone.now())
        registration.save()
        audit_log(
            actor=by, action=AuditEntry.Action.REJECTED, cohort=cohort, registration=registration
        )
        registration_email(registration, RegistrationEmail.REJECTED)
        promote_waiting(cohort, by=by)
    return registration


BULK_ACTIONS = {
    "approve": registration_approve,
    "reject": registration_reject,
    "cancel": lambda *, registration, by: registration_cancel(registration=registration, by=by),
}


def registrations_bulk_update(
    *, cohort: Cohort, ids: list[int], action: str, by
) -> tuple[int, int]:
    """Apply `action` to the cohort's registrations `ids`; returns (changed, skipped)."""
    service = BULK_ACTIONS[action]
    changed = skipped = 0
    for registration in Registration.objects.filter(cohort=cohort, pk__in=ids).order_by(
        "created_at", "pk"
    ):
        try:
            service(registration=registration, by=by)
        except RegistrationError:
            skipped += 1
        else:
            changed += 1
    return changed, skipped
