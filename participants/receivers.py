"""Receivers of programs' signals, sent inside the transaction of the change (programs/signals.py):
what participants does when a programme is published, a cohort's capacity is raised or a cohort
is cancelled happens in that same transaction."""

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
