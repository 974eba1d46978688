"""Writes for the evaluation survey: its questions, its window, and the answers."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from participants.models import (
    Registration,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveySubmission,
)
from programs.models import Cohort, Program

Topic = SurveyQuestion.Topic
Kind = SurveyQuestion.Kind

# The seed reports that the training met expectations on three aspects, that the method mix
# was well received and that the partners' live links delivered: the survey asks exactly that.
STANDARD_QUESTIONS = [
    (
        Topic.LEGAL_BASES,
        Kind.SCALE,
        (
            "Belediyelerin kooperatiflerle ilişkilerinde (mal ve hizmet alımı, bağış, eşgüdüm, "
            "ortaklık) kullanabilecekleri yasal dayanaklar ayrıntılarıyla aktarıldı."
        ),
        (
            "The legal bases municipalities can use with cooperatives (procurement, donation, "
            "coordination, partnership) were conveyed in detail."
        ),
    ),
    (
        Topic.GOOD_PRACTICE,
        Kind.SCALE,
        "Uluslararası iyi uygulamalar ilham verdi.",
        "The international good practices were inspiring.",
    ),
    (
        Topic.GROUP_WORK,
        Kind.SCALE,
        "Grup çalışmaları ve adım adım eylem planları işime yarayacak.",
        "The group work and the step-by-step action plans will be useful to me.",
    ),
    (
        Topic.METHOD_MIX,
        Kind.SCALE,
        "Yaygın eğitim ile pasif öğrenme yöntemlerinin birlikte kullanımı öğrenmeme yardımcı oldu.",
        "Combining non-formal and passive learning methods helped me learn.",
    ),
    (
        Topic.LIVE_LINKS,
        Kind.SCALE,
        "Uluslararası ortakların canlı bağlantıları ve video mesajları verimliydi.",
        "The international partners' live links and video messages were worthwhile.",
    ),
    (
        Topic.OVERALL,
        Kind.SCALE,
        "Eğitimden genel olarak memnun kaldım.",
        "Overall, I am satisfied with the training.",
    ),
    (
        Topic.IMPROVE,
        Kind.TEXT,
        "Eğitimin hangi yönü geliştirilmeli?",
        "What should be improved?",
    ),
    (
        Topic.COMMENTS,
        Kind.TEXT,
        "Eklemek istedikleriniz",
        "Any other comments",
    ),
]
OPTIONAL_TOPICS = {Topic.IMPROVE, Topic.COMMENTS}


class SurveyError(Exception):
    """The survey cannot be answered now; the message says why (translated)."""


@transaction.atomic
def survey_questions_ensure(*, program: Program) -> list[SurveyQuestion]:
    """Create the standard questions a programme lacks (one per objective too). Idempotent."""
    Program.objects.select_for_update().filter(pk=program.pk).first()
    existing = {
        (question.topic, question.objective_id)
        for question in SurveyQuestion.objects.filter(program=program)
    }
    wanted = [
        (topic, kind, text, text_en, None) for topic, kind, text, text_en in STANDARD_QUESTIONS
    ]
    objective_questions = [
        (
            Topic.OBJECTIVE,
            Kind.SCALE,
            f"{objective.code} — {objective.text.rstrip('.')}: bu hedefe ulaşıldı.",
            (
                f"{objective.code} — {(objective.text_en or objective.text).rstrip('.')}: "
                "this objective was achieved."
            ),
            objective,
        )
        for objective in program.objectives.all()
    ]
    # The three aspects first, then the objectives, then method, links, overall and free text.
    ordered = wanted[:3] + objective_questions + wanted[3:]
    created = []
    for position, (topic, kind, text, text_en, objective) in enumerate(ordered, 1):
        if (topic, objective.pk if objective else None) in existing:
            continue
        created.append(
            SurveyQuestion.objects.create(
                program=program,
                position=position,
                topic=topic,
                kind=kind,
                text=text,
                text_en=text_en,
                objective=objective,
                required=topic not in OPTIONAL_TOPICS,
            )
        )
    return created


def survey_question_add(*, program: Program, question: SurveyQuestion) -> SurveyQuestion:
    last = SurveyQuestion.objects.filter(program=program).order_by("-position").first()
    question.program = program
    question.topic = Topic.CUSTOM
    question.position = (last.position if last else 0) + 1
    question.save()
    return question


def survey_question_delete(*, program: Program, question_id: int) -> bool:
    """Delete one of the coordinator's own questions of the programme. Refused (False) once it
    has answers: deleting it would delete them with it."""
    question = SurveyQuestion.objects.filter(
        program=program, pk=question_id, topic=Topic.CUSTOM
    ).first()
    if question is None:
        return True
    if question.answers.exists():
        return False
    question.delete()
    return True


def _drop_past_closing_day(cohort: Cohort) -> None:
    """Opening by hand wins over a closing day already over (it would keep the survey shut)."""
    if cohort.survey_closes_on and cohort.survey_closes_on < timezone.localdate():
        cohort.survey_closes_on = None


def survey_open_early(*, cohort: Cohort) -> Cohort:
    cohort.survey_opened_at = timezone.now()
    cohort.survey_closed_at = None
    _drop_past_closing_day(cohort)
    cohort.save(
        update_fields=["survey_opened_at", "survey_closed_at", "survey_closes_on", "updated_at"]
    )
    return cohort


def survey_close(*, cohort: Cohort) -> Cohort:
    cohort.survey_closed_at = timezone.now()
    cohort.save(update_fields=["survey_closed_at", "updated_at"])
    return cohort


def survey_reopen(*, cohort: Cohort) -> Cohort:
    cohort.survey_closed_at = None
    _drop_past_closing_day(cohort)
    cohort.save(update_fields=["survey_closed_at", "survey_closes_on", "updated_at"])
    return cohort


def _organization_kind(registration: Registration) -> str:
    profile = getattr(registration.participant, "participant_profile", None)
    organization = getattr(profile, "organization", None)
    return getattr(organization, "kind", "") or ""


def survey_submit(*, registration: Registration, answers: dict[int, dict]) -> SurveyResponse:
    """Store one response. `answers` maps question id → {"scale"|"choice"|"text": value}.

    The registration row is locked and its submission re-checked, so a double click or two
    tabs never store two responses.
    """
    from participants.selectors.evaluations import survey_is_open

    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update()
            .select_related("cohort", "participant")
            .get(pk=registration.pk)
        )
        cohort = registration.cohort
        if not survey_is_open(cohort=cohort):
            raise SurveyError(_("The evaluation survey of this cohort is not open."))
        if SurveySubmission.objects.filter(registration=registration).exists():
            raise SurveyError(_("You have already answered this survey. Thank you!"))
        try:
            SurveySubmission.objects.create(registration=registration)
        except IntegrityError as error:  # a concurrent submission won the race
            raise SurveyError(_("You have already answered this survey. Thank you!")) from error
        response = SurveyResponse.objects.create(
            cohort=cohort,
            registration=None if cohort.survey_anonymous else registration,
            organization_kind=_organization_kind(registration),
        )
        SurveyAnswer.objects.bulk_create(
            [
                SurveyAnswer(response=response, question_id=question_id, **values)
                for question_id, values in answers.items()
            ]
        )
    return response
