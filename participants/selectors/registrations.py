"""Reads for registrations, with the joins their pages need (query counts do not grow)."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Concat

from accounts.models import User
from core.compiled import CompiledQuery
from core.db import count_of, turkish_fold_sql
from core.text import turkish_fold
from participants import extensions, permissions
from participants.models import (
    AuditEntry,
    CalendarFeed,
    ImportInvitation,
    Organization,
    ParticipantProfile,
    Registration,
    SurveySubmission,
)
from participants.selectors.answers import filter_by_answer
from participants.selectors.attendance import attendance_rates_for_registrations
from participants.selectors.evaluations import survey_is_open, survey_opening_ahead
from programs import selectors as program_selectors
from programs.models import Cohort, RegistrationQuestion, Session


def _position_subquery() -> Subquery:
    ahead = (
        Registration.objects.filter(
            cohort_id=OuterRef("cohort_id"),
            status=Registration.Status.WAITLISTED,
            waitlist_order__lte=OuterRef("waitlist_order"),
        )
        .order_by()
        .values("cohort_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Subquery(ahead, output_field=IntegerField())


def with_position(queryset: QuerySet[Registration]) -> QuerySet[Registration]:
    """Annotate `position`: 1-based place on the waiting list (None when not waiting). The
    count runs for the waiting rows only (a CASE: PostgreSQL does not evaluate a subquery in a
    branch not taken), not once for every confirmed one (issue 15: 50 subqueries of 600 rows
    each on the console's page)."""
    return queryset.annotate(
        position=Case(
            When(status=Registration.Status.WAITLISTED, then=_position_subquery()),
            default=None,
            output_field=IntegerField(),
        )
    )


_COHORT_TO_REGISTER = CompiledQuery(
    lambda *, pk: (
        Cohort.objects.select_related("program", "province")
        .annotate(
            asks_questions=Exists(RegistrationQuestion.objects.filter(cohort_id=OuterRef("pk")))
        )
        .filter(pk=pk, status=Cohort.Status.PUBLISHED, program__status="published")
        .order_by("pk")[:1]
    ),
    pk=-7_362_915_101,
)
_QUESTIONS = CompiledQuery(
    lambda *, cohort: RegistrationQuestion.objects.filter(cohort_id=cohort), cohort=-7_362_915_102
)


def cohort_to_register(*, cohort_pk: int) -> Cohort | None:
    """The same cohort as `cohort_for_registration`, without what only its page shows (seat
    counts, sessions): what a registration needs, in one query (the POST of many people at
    once; its SQL built once: core.compiled), and whether it asks registration questions
    (`asks_questions`)."""
    return next(iter(_COHORT_TO_REGISTER.objects(pk=cohort_pk)), None)


def registration_questions_of(*, cohort: Cohort) -> list[RegistrationQuestion]:
    """`cohort.registration_questions.all()`, its SQL built once (the registration POST);
    no query for a cohort read by `cohort_to_register` that asks none."""
    if not getattr(cohort, "asks_questions", True):
        return []
    questions = _QUESTIONS.objects(cohort=cohort.pk)
    for question in questions:
        question.cohort = cohort
    return questions


def cohort_for_registration(*, cohort_pk: int) -> Cohort | None:
    """A published cohort of a published programme, with what its summary shows and its seat
    counts (a full cohort's form says that it joins the waiting list)."""
    return (
        program_selectors.with_seat_counts(Cohort.objects.all())
        .select_related("program", "province")
        .prefetch_related(
            Prefetch("sessions", queryset=Session.objects.order_by("starts_at")),
            "registration_questions",
        )
        .filter(
            pk=cohort_pk,
            status=Cohort.Status.PUBLISHED,
            program__status="published",
        )
        .first()
    )


def annotate_seat_counts(queryset: QuerySet[Cohort]) -> QuerySet[Cohort]:
    """The cohort annotations programs reads (programs/extensions.py): `seats_taken` — the
    registrations that hold a seat (`Registration.SEAT_HOLDING`) —, `pending_count` and
    `waitlisted_count`, one subquery each. Registered in ParticipantsConfig.ready."""

    def count(statuses) -> Coalesce:
        return Coalesce(
            Subquery(
                Registration.objects.filter(cohort=OuterRef("pk"), status__in=statuses)
                .order_by()
                .values("cohort")
                .annotate(count=Count("pk"))
                .values("count"),
                output_field=IntegerField(),
            ),
            0,
        )

    return queryset.annotate(
        seats_taken=count(Registration.SEAT_HOLDING),
        pending_count=count([Registration.Status.PENDING]),
        waitlisted_count=count([Registration.Status.WAITLISTED]),
    )


def registration_of(*, cohort: Cohort, participant) -> Registration | None:
    return with_position(
        Registration.objects.filter(cohort=cohort, participant=participant)
    ).first()


def registrations_of_participant(*, participant) -> QuerySet[Registration]:
    return with_position(
        Registration.objects.filter(participant=participant)
        .select_related("cohort__program", "cohort__province")
        .prefetch_related(
            Prefetch("cohort__sessions", queryset=Session.objects.order_by("starts_at"))
        )
        .order_by("-cohort__starts_on", "-pk")
    )


def registration_of_participant(*, participant, pk: int) -> Registration | None:
    return Registration.objects.filter(participant=participant, pk=pk).first()


def registration_of_participant_with_position(*, participant, pk: int) -> Registration | None:
    return with_position(Registration.objects.filter(participant=participant, pk=pk)).first()


def registration_in_cohort(*, cohort: Cohort, pk: int) -> Registration | None:
    return Registration.objects.filter(cohort=cohort, pk=pk).first()


def cohort_registrations(
    *,
    cohort: Cohort,
    status: str = "",
    organization_kind: str = "",
    province_id: int | None = None,
    query: str = "",
    answer: tuple[int, str] | None = None,
) -> QuerySet[Registration]:
    """The cohort's registrations for the coordinator's table, in its order, every filter in
    the database, the search too: the Turkish-folded query inside the folded name, e-mail and
    organisation (core.db.turkish_fold_sql), as `core.text.turkish_fold` would find it;
    `answer`: (question id, value) of a registration question. Only the registrations (and
    the joins a filter needs): the view pages this, then `registrations_for_table` reads what
    the table shows of the page's rows — sorting and cutting 50 out of 600 registrations
    before joining people, profiles and organisations (issue 15: 29 → 3 ms on PostgreSQL)."""
    registrations = Registration.objects.filter(cohort=cohort).order_by(*_TABLE_ORDER)
    if status:
        registrations = registrations.filter(status=status)
    if organization_kind:
        registrations = registrations.filter(
            participant__participant_profile__organization__kind=organization_kind
        )
    if province_id:
        registrations = registrations.filter(
            participant__participant_profile__organization__province_id=province_id
        )
    if answer is not None:
        registrations = filter_by_answer(registrations, question_id=answer[0], value=answer[1])
    needle = turkish_fold(query.strip())
    if needle:
        registrations = registrations.alias(
            search_text=turkish_fold_sql(_SEARCH_TEXT, vendor=connection.vendor)
        ).filter(search_text__contains=needle)
    return registrations


def registrations_for_table(*, rows: QuerySet[Registration]) -> list[Registration]:
    """The registrations of `rows` (`cohort_registrations`, or a page of it) in the same order,
    with what the table and the export show: person, profile, organisation and its province,
    the waiting-list position. One query; the filters and the cut run once, as a subquery of
    the ids."""
    return list(
        with_position(
            Registration.objects.filter(pk__in=rows.values("pk")).select_related(
                "participant__participant_profile__organization__province"
            )
        ).order_by(*_TABLE_ORDER)
    )


_TABLE_ORDER = (Coalesce("waitlist_order", 0), "created_at", "pk")

_SEARCH_TEXT = Concat(
    "participant__full_name",
    Value(" "),
    "participant__email",
    Value(" "),
    Coalesce("participant__participant_profile__organization__name", Value("")),
    output_field=TextField(),
)


def cohort_status_counts(*, cohort: Cohort) -> dict[str, int]:
    counts = dict.fromkeys(Registration.Status.values, 0)
    for row in Registration.objects.filter(cohort=cohort).values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts


def cohort_kind_counts(*, cohort: Cohort) -> list[tuple[str, int]]:
    """Active registrations per organisation kind, labelled, largest first."""
    labels = dict(Organization.Kind.choices)
    # Each registration's kind through the profile's unique index (no join of the users): a
    # third of the time of the joins, which hashed every profile and organisation (issue 15).
    kind = ParticipantProfile.objects.filter(user_id=OuterRef("participant_id")).values(
        "organization__kind"
    )[:1]
    rows = (
        Registration.objects.filter(cohort=cohort, status__in=Registration.ACTIVE)
        .order_by()
        .values(kind=Subquery(kind))
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    return [(str(labels.get(row["kind"], "—")), row["n"]) for row in rows]


def cohorts_with_counts(*, user=None) -> QuerySet[Cohort]:
    """Cohorts with their registration counts; only those `user` facilitates when given."""

    def count(status: str):
        return count_of(Registration.objects.filter(status=status), outer="cohort")

    cohorts = Cohort.objects.select_related("program").annotate(
        confirmed=count("confirmed"), pending=count("pending"), waitlisted=count("waitlisted")
    )
    if user is not None:
        cohorts = cohorts.filter(facilitators=user)
    return cohorts.order_by("-starts_on", "pk")


def cohort_audit_entries(*, cohort: Cohort) -> QuerySet[AuditEntry]:
    return (
        AuditEntry.objects.filter(cohort=cohort)
        .select_related("actor", "registration__participant")
        .order_by("-created_at", "-pk")
    )


def my_registrations(*, participant) -> list[Registration]:
    """A person's registrations for "Kayıtlarım", each with what the page shows about it:
    `attendance_rate` (finished or running cohorts), `survey_open`, `survey_done`,
    `survey_opening` (when the survey of a confirmed, unanswered registration opens, while
    that is ahead),
    `show_meeting_links` (confirmed only: participants.permissions), and what the
    card parts other apps registered attach (participants/extensions.py)."""
    registrations = list(registrations_of_participant(participant=participant))
    rates = attendance_rates_for_registrations(registrations)
    answered = set(
        SurveySubmission.objects.filter(registration__in=registrations).values_list(
            "registration_id", flat=True
        )
    )
    for registration in registrations:
        confirmed = registration.status == Registration.Status.CONFIRMED
        registration.attendance_rate = rates.get(registration.pk)
        registration.survey_done = registration.pk in answered
        registration.show_meeting_links = permissions.can_see_meeting_links(registration)
        registration.survey_open = (
            confirmed
            and not registration.survey_done
            and survey_is_open(cohort=registration.cohort)
        )
        registration.survey_opening = (
            survey_opening_ahead(cohort=registration.cohort)
            if confirmed and not registration.survey_done
            else None
        )
    for part in extensions.card_parts():
        part.attach(registrations)
    return registrations


@dataclass(frozen=True)
class StartFacts:
    """What Kayıtlarım asks about its person before the registrations, in one query."""

    invitation_open: bool  # an import's invitation not accepted yet (see invitation_pending)
    has_profile: bool
    calendar_token: str | None  # of the personal calendar feed, if there is one


def participant_start_facts(*, user) -> StartFacts:
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            invitation_open=Exists(
                ImportInvitation.objects.filter(user=OuterRef("pk"), accepted_at__isnull=True)
            ),
            has_profile=Exists(ParticipantProfile.objects.filter(user=OuterRef("pk"))),
            calendar_token=Subquery(
                CalendarFeed.objects.filter(user=OuterRef("pk")).values("token")[:1]
            ),
        )
        .values("invitation_open", "has_profile", "calendar_token")
        .get()
    )
    return StartFacts(**row)
