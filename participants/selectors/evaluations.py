"""Reads for the evaluation survey: its window, its questions and the report's arithmetic."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Max, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from core.numbers import percent_of
from participants.models import (
    Organization,
    Registration,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveySubmission,
)
from programs.models import Cohort, Program

SCALE = (1, 2, 3, 4, 5)


def survey_opens_at(*, cohort: Cohort) -> dt.datetime:
    """When the last session ends (or the last day ends, when there is no schedule)."""
    prefetched = getattr(cohort, "_prefetched_objects_cache", {}).get("sessions")
    if prefetched is not None:
        last_end = max((session.ends_at for session in prefetched), default=None)
    else:
        last_end = cohort.sessions.aggregate(last=Max("ends_at"))["last"]
    if last_end is None:
        last_end = timezone.make_aware(dt.datetime.combine(cohort.ends_on, dt.time(23, 59)))
    return last_end


def survey_is_closed(*, cohort: Cohort, now: dt.datetime | None = None) -> bool:
    """Closed by hand, or its closing day (`survey_closes_on`, answerable through that day)
    is over."""
    if cohort.survey_closed_at:
        return True
    closes_on = cohort.survey_closes_on
    return closes_on is not None and timezone.localdate(now or timezone.now()) > closes_on


def survey_is_open(*, cohort: Cohort, now: dt.datetime | None = None) -> bool:
    if survey_is_closed(cohort=cohort, now=now):
        return False
    if cohort.survey_opened_at:
        return True
    return (now or timezone.now()) >= survey_opens_at(cohort=cohort)


def survey_opening_ahead(*, cohort: Cohort, now: dt.datetime | None = None) -> dt.datetime | None:
    """When the survey opens by the clock, while that is still ahead: not opened or closed by
    hand, its closing day not over (a cached page showing the survey as not yet open is kept
    until then at most: core.page_cache.page_changes_at)."""
    now = now or timezone.now()
    if cohort.survey_opened_at or survey_is_closed(cohort=cohort, now=now):
        return None
    opens_at = survey_opens_at(cohort=cohort)
    return opens_at if opens_at > now else None


def survey_questions(*, program: Program) -> QuerySet[SurveyQuestion]:
    return SurveyQuestion.objects.filter(program=program).select_related("objective")


def survey_registration(*, user, cohort: Cohort) -> Registration | None:
    """The user's confirmed registration in the cohort, if any."""
    if not user.is_authenticated:
        return None
    return (
        Registration.objects.filter(cohort=cohort, participant=user, status="confirmed")
        .select_related("cohort__program")
        .first()
    )


def has_submitted(*, registration: Registration) -> bool:
    return SurveySubmission.objects.filter(registration=registration).exists()


@dataclass
class QuestionStats:
    question: SurveyQuestion
    distribution: dict[int, int] = field(default_factory=lambda: dict.fromkeys(SCALE, 0))
    choices: dict[str, int] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)
    by_kind: dict[str, Decimal] = field(default_factory=dict)

    @property
    def count(self) -> int:
        if self.question.kind == SurveyQuestion.Kind.SCALE:
            return sum(self.distribution.values())
        if self.question.kind == SurveyQuestion.Kind.CHOICE:
            return sum(self.choices.values())
        return len(self.texts)

    @property
    def mean(self) -> Decimal | None:
        total = sum(self.distribution.values())
        if not total:
            return None
        score = sum(value * count for value, count in self.distribution.items())
        return (Decimal(score) / Decimal(total)).quantize(Decimal("0.01"), ROUND_HALF_UP)

    @property
    def distribution_rows(self) -> list[tuple[int, int, Decimal]]:
        """(score, count, percent of answers) for 1…5."""
        return [
            (value, count, percent_of(count, self.count) or Decimal(0))
            for value, count in self.distribution.items()
        ]


@dataclass
class SurveyReport:
    cohorts: list[Cohort]
    invited: int
    responses: int
    questions: list[QuestionStats]
    kinds: list[str]  # organisation kind codes that answered ("" = not given)

    @property
    def kind_labels(self) -> list[str]:
        labels = dict(Organization.Kind.choices)
        return [str(labels.get(kind, "")) or _("not given") for kind in self.kinds]

    @property
    def kind_table(self) -> list[tuple[SurveyQuestion, list[Decimal | None]]]:
        """Per scale question, the mean of each organisation kind in `kinds` order."""
        return [
            (stats.question, [stats.by_kind.get(kind) for kind in self.kinds])
            for stats in self.scale_questions
        ]

    @property
    def response_rate(self) -> Decimal | None:
        return percent_of(self.responses, self.invited)

    @property
    def scale_questions(self) -> list[QuestionStats]:
        return [stats for stats in self.questions if stats.question.kind == "scale"]

    @property
    def objective_questions(self) -> list[QuestionStats]:
        return [stats for stats in self.questions if stats.question.topic == "objective"]

    @property
    def aspect_questions(self) -> list[QuestionStats]:
        return [stats for stats in self.scale_questions if stats.question.topic != "objective"]

    @property
    def text_questions(self) -> list[QuestionStats]:
        return [stats for stats in self.questions if stats.question.kind == "text"]

    @property
    def choice_questions(self) -> list[QuestionStats]:
        return [stats for stats in self.questions if stats.question.kind == "choice"]


LISTED_RESPONSES = 20_000


def survey_report(*, program: Program, cohorts: list[Cohort]) -> SurveyReport:
    """Response rate, distribution and mean per question, per objective and per organisation
    kind, for one cohort or for all cohorts of a programme, in a fixed number of queries
    (fewer when nobody answered)."""
    stats = {
        question.pk: QuestionStats(question=question)
        for question in survey_questions(program=program)
    }
    # The responses by their ids, not a join on their cohort: PostgreSQL then reads the
    # answers through their response index instead of scanning every answer of every cohort
    # (issue 15: four scans of 116,000 answers, 40 ms each, for a cohort's 261 responses).
    # Past LISTED_RESPONSES ids (a query holds at most 65,535 parameters) as a subquery.
    responses = SurveyResponse.objects.filter(cohort__in=cohorts)
    response_ids = list(responses.values_list("pk", flat=True))
    listed = response_ids if len(response_ids) <= LISTED_RESPONSES else responses.values("pk")
    answers = SurveyAnswer.objects.filter(response_id__in=listed, question__in=stats.keys())
    for row in (
        answers.filter(scale__isnull=False).values("question_id", "scale").annotate(n=Count("pk"))
    ):
        stats[row["question_id"]].distribution[row["scale"]] = row["n"]
    for row in answers.exclude(choice="").values("question_id", "choice").annotate(n=Count("pk")):
        stats[row["question_id"]].choices[row["choice"]] = row["n"]
    for question_id, text in (
        answers.exclude(text="").order_by("response_id").values_list("question_id", "text")
    ):
        stats[question_id].texts.append(text)
    kinds: set[str] = set()
    per_kind = (
        answers.filter(scale__isnull=False)
        .values("question_id", "response__organization_kind", "scale")
        .annotate(n=Count("pk"))
    )
    sums: dict[tuple[int, str], list[int]] = {}
    for row in per_kind:
        kind = row["response__organization_kind"]
        kinds.add(kind)
        total = sums.setdefault((row["question_id"], kind), [0, 0])
        total[0] += row["scale"] * row["n"]
        total[1] += row["n"]
    for (question_id, kind), (score, count) in sums.items():
        stats[question_id].by_kind[kind] = (Decimal(score) / Decimal(count)).quantize(
            Decimal("0.01"), ROUND_HALF_UP
        )
    return SurveyReport(
        cohorts=cohorts,
        invited=Registration.objects.filter(cohort__in=cohorts, status="confirmed").count(),
        responses=len(response_ids),
        questions=list(stats.values()),
        kinds=sorted(kinds),
    )


def survey_responses_for_export(*, cohorts: list[Cohort]) -> QuerySet[SurveyResponse]:
    """The responses of `cohorts`, cohort by cohort, as the export lists them."""
    return SurveyResponse.objects.filter(cohort__in=cohorts).order_by("cohort_id", "pk")


# What the export reads of a response, as plain values (no model instances: a programme's
# 6,000 responses and their 80,000 answers are read in a fraction of the time).
RESPONSE_EXPORT_FIELDS = ("pk", "cohort__title", "organization_kind")
PERSON_EXPORT_FIELDS = ("registration__participant__full_name", "registration__participant__email")


def survey_answer_values(*, response_ids: list) -> dict:
    """Response id → {question id: the answer as written (score, choice or text)}."""
    answers: dict = {}
    for response_id, question_id, scale, choice, text in SurveyAnswer.objects.filter(
        response_id__in=response_ids
    ).values_list("response_id", "question_id", "scale", "choice", "text"):
        answers.setdefault(response_id, {})[question_id] = scale or choice or text
    return answers
