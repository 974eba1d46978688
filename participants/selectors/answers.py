"""Reads of the answers to registration questions: attached to the rows of a page in one
query, the choices of the registration console's answer filter, and that filter."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from participants.models import RegistrationAnswer
from participants.models.answers import NO, YES
from programs.models import RegistrationQuestion


def answers_attach(registrations: list, *, questions: list[RegistrationQuestion]) -> None:
    """Set `answer_cells` on each registration: (question, answer text or "") for each of
    `questions`, in their order (one query). Only the answers to `questions` are read, so a
    page that leaves the sensitive questions out never loads their answers."""
    by_registration: dict[int, dict[int, RegistrationAnswer]] = {}
    if registrations and questions:
        rows = RegistrationAnswer.objects.filter(
            registration__in=[registration.pk for registration in registrations],
            question__in=[question.pk for question in questions],
        ).select_related("question")
        for answer in rows:
            by_registration.setdefault(answer.registration_id, {})[answer.question_id] = answer
    for registration in registrations:
        answers = by_registration.get(registration.pk, {})
        registration.answer_cells = [
            (question, answers[question.pk].display_value if question.pk in answers else "")
            for question in questions
        ]


def answer_filter_choices(questions: list[RegistrationQuestion]) -> list[tuple[str, str]]:
    """The console's "answer" filter: `<question id>:<value>` for every choice of the choice
    and yes/no questions among `questions`."""
    choices = []
    for question in questions:
        if question.kind == RegistrationQuestion.Kind.YES_NO:
            values = [(YES, _("Yes")), (NO, _("No"))]
        elif question.has_choices:
            values = [(choice, choice) for choice in question.choice_list]
        else:
            continue
        choices.extend(
            (f"{question.pk}:{value}", f"{question.display_text} — {label}")
            for value, label in values
        )
    return choices


def filter_by_answer(queryset: QuerySet, *, question_id: int, value: str) -> QuerySet:
    """Registrations whose answer to the question is `value`, or includes it (several choices
    are stored one per line)."""
    matches = (
        Q(value=value)
        | Q(value__startswith=f"{value}\n")
        | Q(value__endswith=f"\n{value}")
        | Q(value__contains=f"\n{value}\n")
    )
    return queryset.filter(
        Exists(
            RegistrationAnswer.objects.filter(
                matches, registration=OuterRef("pk"), question_id=question_id
            )
        )
    )


def answers_to_questions(*, cohort, answers: dict | None) -> dict[int, str] | None:
    """`answers` (question id → value) without the ids that are not registration questions of
    `cohort`, ids as numbers (kept as JSON until now, a one-step registration's are text); None
    stays None. One query, none for no answers."""
    if answers is None:
        return None
    answers = {int(pk): value for pk, value in answers.items()}
    if not answers:
        return {}
    question_ids = set(
        cohort.registration_questions.filter(pk__in=answers).values_list("pk", flat=True)
    )
    return {pk: value for pk, value in answers.items() if pk in question_ids}
