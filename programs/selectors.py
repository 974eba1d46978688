"""Reads for programmes, cohorts, sessions and good practices, with the joins each page needs."""

from django.contrib.auth import get_user_model
from django.db.models import F, Min, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from accounts.roles import FACILITATOR
from core.db import count_of, turkish_collate
from programs import extensions
from programs.models import (
    Cohort,
    GoodPractice,
    Module,
    Objective,
    Program,
    RegistrationQuestion,
    Session,
)


def with_seat_counts(queryset: QuerySet[Cohort]) -> QuerySet[Cohort]:
    """Annotate `seats_taken`, `pending_count` and `waitlisted_count`, by the annotators the apps
    above registered (programs/extensions.py: participants holds the seats). Every cohort list
    and detail built here goes through it. Cohort.seats_left and Cohort.fill_percent read
    `seats_taken`."""
    return extensions.annotate_cohorts(queryset)


def cohort_seats_taken(*, cohort: Cohort) -> int:
    """The seats held in `cohort` now (one query): what its capacity cannot go below."""
    return with_seat_counts(Cohort.objects.filter(pk=cohort.pk)).values_list(
        "seats_taken", flat=True
    )[0]


def _facilitators_prefetch() -> Prefetch:
    return Prefetch(
        "facilitators",
        queryset=get_user_model().objects.order_by(turkish_collate("full_name")),
    )


def _open_cohort_filter(prefix: str = "") -> Q:
    """Published cohorts that have not ended: open for registration, upcoming or running."""
    return Q(
        **{
            f"{prefix}status": Cohort.Status.PUBLISHED,
            f"{prefix}ends_on__gte": timezone.localdate(),
        }
    )


def published_programs() -> QuerySet[Program]:
    """Published programmes for the public lists, annotated with `open_cohort_count`,
    `next_cohort_starts_on` and `objective_count`: the programme whose next cohort starts
    soonest comes first, programmes without an open cohort follow in alphabetical order."""
    open_cohorts = _open_cohort_filter("cohorts__")
    return (
        Program.objects.filter(status=Program.Status.PUBLISHED)
        .annotate(
            open_cohort_count=count_of(
                Cohort.objects.filter(_open_cohort_filter()), outer="program"
            ),
            next_cohort_starts_on=Min("cohorts__starts_on", filter=open_cohorts),
            objective_count=count_of(Objective.objects.all(), outer="program"),
        )
        .order_by(F("next_cohort_starts_on").asc(nulls_last=True), turkish_collate("title"), "pk")
    )


def upcoming_cohorts_qs() -> QuerySet[Cohort]:
    """The public's open cohorts (of published programmes), the soonest first."""
    return with_seat_counts(
        Cohort.objects.filter(_open_cohort_filter(), program__status=Program.Status.PUBLISHED)
        .select_related("program", "province")
        .prefetch_related(_facilitators_prefetch())
        .order_by("starts_on", "pk")
    )


def _program_detail_qs() -> QuerySet[Program]:
    return Program.objects.prefetch_related(
        "objectives",
        Prefetch("modules", queryset=Module.objects.prefetch_related("objectives")),
        Prefetch("cohorts", queryset=upcoming_cohorts_qs(), to_attr="upcoming_cohorts"),
    )


def featured_program() -> Program | None:
    """A published programme with everything its page shows. The home page presents it on its
    own when it is the only published one; with several it lists them all."""
    return (
        _program_detail_qs()
        .filter(status=Program.Status.PUBLISHED)
        .order_by("-created_at", "-pk")
        .first()
    )


def program_get(*, slug: str) -> Program | None:
    return _program_detail_qs().filter(slug=slug).first()


def cohort_summary_get(*, pk: int) -> Cohort | None:
    """A cohort with its programme and province (what a page about the cohort names): one
    query. The pages of registrations, attendance, certificates and work groups start here."""
    return Cohort.objects.select_related("program", "province").filter(pk=pk).first()


def cohort_get(*, pk: int) -> Cohort | None:
    return (
        with_seat_counts(Cohort.objects.filter(pk=pk))
        .select_related("program", "province")
        .prefetch_related(
            _facilitators_prefetch(),
            Prefetch(
                "sessions",
                queryset=Session.objects.prefetch_related("modules").order_by("starts_at", "pk"),
            ),
        )
        .first()
    )


def question_get(*, pk: int) -> RegistrationQuestion | None:
    return RegistrationQuestion.objects.select_related("cohort__program").filter(pk=pk).first()


def cohort_questions(*, cohort: Cohort, include_sensitive: bool = True) -> list:
    """The cohort's registration questions in order; without the sensitive ones unless asked."""
    questions = RegistrationQuestion.objects.filter(cohort=cohort).order_by("position", "pk")
    if not include_sensitive:
        questions = questions.filter(sensitive=False)
    return list(questions)


def session_get(*, pk: int) -> Session | None:
    return (
        Session.objects.select_related("cohort__program", "cohort__province").filter(pk=pk).first()
    )


def good_practices(
    *, kind: str = "", country: str = "", module_id: int | None = None, collaboration_type: str = ""
) -> QuerySet[GoodPractice]:
    queryset = GoodPractice.objects.filter(is_published=True).prefetch_related(
        "modules", "collaboration_types"
    )
    if collaboration_type:
        queryset = queryset.filter(collaboration_types__slug=collaboration_type)
    if kind:
        queryset = queryset.filter(kind=kind)
    if country:
        queryset = queryset.filter(country=country)
    if module_id:
        queryset = queryset.filter(modules__pk=module_id)
    return queryset.order_by(turkish_collate("country"), turkish_collate("partner"), "pk")


def good_practice_countries() -> list[str]:
    return list(
        GoodPractice.objects.filter(is_published=True)
        .order_by(turkish_collate("country"))
        .values_list("country", flat=True)
        .distinct()
    )


def facilitator_choices() -> QuerySet:
    """Users in the facilitator role, in Turkish alphabetical order."""
    return (
        get_user_model()
        .objects.filter(groups__name=FACILITATOR, is_active=True)
        .order_by(turkish_collate("full_name"))
    )


# Console -----------------------------------------------------------------------------------


def console_programs() -> QuerySet[Program]:
    return Program.objects.annotate(
        objective_count=count_of(Objective.objects.all(), outer="program"),
        module_count=count_of(Module.objects.all(), outer="program"),
        cohort_count=count_of(Cohort.objects.all(), outer="program"),
    ).order_by("-created_at", "-pk")


def console_program_get(*, pk: int) -> Program | None:
    return (
        Program.objects.filter(pk=pk)
        .prefetch_related(
            "objectives",
            Prefetch("modules", queryset=Module.objects.prefetch_related("objectives")),
            Prefetch(
                "cohorts",
                queryset=with_seat_counts(Cohort.objects.select_related("province")).order_by(
                    "-starts_on"
                ),
            ),
        )
        .first()
    )


def console_cohorts() -> QuerySet[Cohort]:
    """The dashboard: every cohort with its fill rate and what waits for a decision (one
    subquery per figure: the dashboard shows a page of them)."""
    return (
        with_seat_counts(Cohort.objects.all())
        .annotate(session_count=count_of(Session.objects.all(), outer="cohort"))
        .select_related("program", "province")
        .order_by("-starts_on", "-pk")
    )


def console_pending_total() -> int:
    """The registrations waiting for a decision in every cohort (the dashboard's warning)."""
    return (
        with_seat_counts(Cohort.objects.order_by()).aggregate(total=Sum("pending_count"))["total"]
        or 0
    )


def objective_get(*, pk: int) -> Objective | None:
    return Objective.objects.select_related("program").filter(pk=pk).first()


def module_get(*, pk: int) -> Module | None:
    return Module.objects.select_related("program").filter(pk=pk).first()


def good_practice_get(*, pk: int) -> GoodPractice | None:
    return GoodPractice.objects.filter(pk=pk).first()


def console_good_practices() -> QuerySet[GoodPractice]:
    return GoodPractice.objects.prefetch_related("modules").order_by("-created_at", "-pk")


def facilitator_cohorts(*, user) -> QuerySet[Cohort]:
    """The cohorts a facilitator runs, newest first, with their sessions."""
    return (
        with_seat_counts(Cohort.objects.filter(facilitators=user))
        .select_related("program", "province")
        .prefetch_related(
            Prefetch("sessions", queryset=Session.objects.order_by("starts_at", "pk"))
        )
        .order_by("-starts_on", "-pk")
    )


def sessions_by_day(sessions) -> list[tuple]:
    """[(date, [sessions…]), …] in local (Istanbul) days, for schedules."""
    days: dict = {}
    for session in sessions:
        days.setdefault(timezone.localtime(session.starts_at).date(), []).append(session)
    return list(days.items())


def modules_with_good_practices() -> QuerySet[Module]:
    return (
        Module.objects.filter(good_practices__is_published=True)
        .distinct()
        .order_by(turkish_collate("title"))
    )
