"""Writes for the answers to a cohort's registration questions."""

from participants.models import Registration, RegistrationAnswer


def registration_answers_save(
    *, registration: Registration, answers: dict[int, str] | None
) -> None:
    """Replace the registration's answers with `answers` (question id → value); ids that are
    not questions of its cohort are ignored; None leaves them as they are. Called inside the
    registration's transaction."""
    if answers is None:
        return
    # Kept as JSON until now (a one-step registration waits for its e-mail link): ids as text.
    answers = {int(pk): value for pk, value in answers.items()}
    question_ids = set(
        registration.cohort.registration_questions.filter(pk__in=answers).values_list(
            "pk", flat=True
        )
    )
    RegistrationAnswer.objects.filter(registration=registration).delete()
    RegistrationAnswer.objects.bulk_create(
        [
            RegistrationAnswer(registration=registration, question_id=pk, value=value)
            for pk, value in answers.items()
            if pk in question_ids
        ]
    )


def registration_answers_erase(*, user) -> int:
    """Every answer of every registration of `user` (erasure, KVKK): how many were deleted."""
    deleted, _by_model = RegistrationAnswer.objects.filter(registration__participant=user).delete()
    return deleted
