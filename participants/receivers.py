"""Receivers of programs' signals, sent inside the transaction of the change (programs/signals.py):
what participants does when a programme is published, a cohort's capacity is raised or a cohort
is cancelled happens in that same transaction. And allauth's `email_confirmed`: the one-step
registration's requests become registrations when their address is confirmed."""

from allauth.account.signals import email_confirmed
from django.dispatch import receiver

from programs.signals import cohort_cancelled, cohort_capacity_changed, program_published


@receiver(program_published, dispatch_uid="participants.survey_questions")
def survey_questions(sender, program, **kwargs) -> None:  # noqa: ARG001 — signal signature
    from participants.services.evaluations import survey_questions_ensure

    survey_questions_ensure(program=program)


@receiver(cohort_capacity_changed, dispatch_uid="participants.waitlist_fill")
def waitlist_fill(sender, cohort, by, **kwargs) -> None:  # noqa: ARG001 — signal signature
    from participants.services.seats import waitlist_fill

    waitlist_fill(cohort=cohort, by=by)


@receiver(cohort_cancelled, dispatch_uid="participants.registrations_cancel_for_cohort")
def registrations_cancel(sender, cohort, by, **kwargs) -> int:  # noqa: ARG001 — signal signature
    from participants.services.registrations import registrations_cancel_for_cohort

    return registrations_cancel_for_cohort(cohort=cohort, by=by)


@receiver(email_confirmed, dispatch_uid="participants.registration_requests_complete")
def registration_requests_complete(sender, request, email_address, **kwargs) -> None:  # noqa: ARG001
    """A one-step registration's link was followed: its registrations are made now."""
    from participants.services.registration_requests import registration_requests_complete

    registration_requests_complete(user=email_address.user)
