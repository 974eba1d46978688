"""Writes for the answers to a cohort's registration questions."""

from participants.models import Registration, RegistrationAnswer


def registration_answers_save(
    *, registration: Registration, answers: dict[int, str] | None, replace: bool = True
) -> None:
    """Replace the registration's answers with `answers` (question id → value, questions of
    its cohort only: selectors.answers.answers_to_questions); None leaves them as they are.
    `replace=False`: the registration was made just now and has none to delete. Called inside
    the registration's transaction; one query for a new registration with answers, none
    without."""
    if answers is None:
        return
    if replace:
        RegistrationAnswer.objects.filter(registration=registration).delete()
    if answers:
        RegistrationAnswer.objects.bulk_create(
            RegistrationAnswer(registration=registration, question_id=pk, value=value)
            for pk, value in answers.items()
        )


def registration_answers_erase(*, user) -> int:
    """Every answer of every registration of `user` (erasure, KVKK): how many were deleted."""
    deleted, _by_model = RegistrationAnswer.objects.filter(registration__participant=user).delete()
    return deleted
