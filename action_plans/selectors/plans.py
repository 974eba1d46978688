"""Reads for work groups and action plans, with the joins each page needs."""

from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from action_plans.models import (
    PLAN_DOCUMENT_KIND,
    ActionPlan,
    ActionStep,
    WorkGroup,
    WorkGroupMember,
)
from core.db import count_of, turkish_collate
from documents.models import Document
from library.models import LegalReference
from library.selectors import REFERENCE_ORDER
from participants.models import Registration
from programs.models import Cohort


def with_progress(plans: QuerySet[ActionPlan]) -> QuerySet[ActionPlan]:
    """Annotate `steps_done` and `steps_total` (progress is derived, never stored)."""
    return plans.annotate(
        steps_total=Count("steps", distinct=True),
        steps_done=Count("steps", filter=Q(steps__status=ActionStep.Status.DONE), distinct=True),
    )


def _plan_list(plans: QuerySet[ActionPlan]) -> QuerySet[ActionPlan]:
    return with_progress(
        plans.select_related(
            "cohort__program", "work_group", "registration__participant", "collaboration_type"
        )
    ).order_by("-updated_at", "-pk")


# What the work groups page shows of a person: name (or e-mail) and organization.
_PERSON_SHOWN = (
    "participant__full_name",
    "participant__email",
    "participant__participant_profile__organization__name",
)


def cohort_groups(*, cohort: Cohort) -> QuerySet[WorkGroup]:
    """The work groups page's cards: each group with its facilitator, `plan_count` and members
    (their registrations with `_PERSON_SHOWN` alone, the columns the page shows)."""
    return (
        WorkGroup.objects.filter(cohort=cohort)
        .select_related("facilitator")
        .only("pk", "name", "theme", "facilitator__full_name")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=WorkGroupMember.objects.select_related(
                    "registration__participant__participant_profile__organization"
                )
                .only("group", *(f"registration__{field}" for field in _PERSON_SHOWN))
                .order_by(turkish_collate("registration__participant__full_name")),
            )
        )
        .annotate(plan_count=count_of(ActionPlan.objects.all(), outer="work_group"))
        .order_by(turkish_collate("name"), "pk")
    )


def group_get(*, group_id: int) -> WorkGroup | None:
    return WorkGroup.objects.select_related("cohort__program").filter(pk=group_id).first()


def unassigned_registrations(*, cohort: Cohort, group: WorkGroup | None = None):
    """Confirmed registrations of the cohort in no group (or in `group`), by name."""
    in_other_group = WorkGroupMember.objects.filter(registration=OuterRef("pk"))
    if group is not None:
        in_other_group = in_other_group.exclude(group=group)
    return (
        Registration.objects.filter(cohort=cohort, status=Registration.Status.CONFIRMED)
        .exclude(Exists(in_other_group))
        .select_related("participant__participant_profile__organization")
        .order_by(turkish_collate("participant__full_name"), "pk")
    )


def unassigned_people(*, cohort: Cohort) -> QuerySet[Registration]:
    """`unassigned_registrations` to be paginated on the work groups page: their ids alone (a
    page of them is then read by `people_shown`)."""
    return unassigned_registrations(cohort=cohort).select_related(None).only("pk")


def people_shown(*, page: QuerySet[Registration]) -> list[Registration]:
    """The registrations of `page` (a slice of `unassigned_people`) with `_PERSON_SHOWN`, in
    the same order: one query, which picks the page before it joins profiles and organizations
    (issue 15: for 50 rows, not for the cohort's 500 people in no group)."""
    return list(
        Registration.objects.filter(pk__in=page)
        .select_related("participant__participant_profile__organization")
        .only(*_PERSON_SHOWN)
        .order_by(turkish_collate("participant__full_name"), "pk")
    )


def cohort_plans(*, cohort: Cohort) -> QuerySet[ActionPlan]:
    return _plan_list(ActionPlan.objects.filter(cohort=cohort))


def my_plans(*, user) -> QuerySet[ActionPlan]:
    """The user's personal plans and their work groups' plans (confirmed registrations)."""
    return _plan_list(
        ActionPlan.objects.filter(
            Q(registration__participant=user, registration__status="confirmed")
            | Q(
                work_group__members__registration__participant=user,
                work_group__members__registration__status="confirmed",
            )
        ).distinct()
    )


def my_confirmed_registrations(*, user) -> QuerySet[Registration]:
    return (
        Registration.objects.filter(participant=user, status=Registration.Status.CONFIRMED)
        .select_related("cohort__program")
        .order_by("-cohort__starts_on", "pk")
    )


def my_groups(*, user) -> QuerySet[WorkGroup]:
    return (
        WorkGroup.objects.filter(
            members__registration__participant=user,
            members__registration__status=Registration.Status.CONFIRMED,
        )
        .select_related("cohort__program")
        .order_by("-cohort__starts_on", "pk")
    )


def staff_cohorts(*, user, coordinator: bool) -> QuerySet[Cohort]:
    """The cohorts whose groups and plans the user runs: all for a coordinator, else the ones
    they facilitate."""
    cohorts = Cohort.objects.all() if coordinator else user.facilitated_cohorts.all()
    return (
        cohorts.select_related("program")
        .annotate(
            group_count=count_of(WorkGroup.objects.all(), outer="cohort"),
            plan_count=count_of(ActionPlan.objects.all(), outer="cohort"),
        )
        .order_by("-starts_on", "pk")
    )


def groups_startable_by_staff(
    *, user, coordinator: bool, ended_after: date | None = None
) -> QuerySet[WorkGroup]:
    """The work groups staff may start a plan for: a facilitator's cohorts' groups; every
    group for a coordinator (`ended_after`: only those of cohorts ending on or after it)."""
    groups = WorkGroup.objects.all()
    if not coordinator:
        groups = groups.filter(cohort__facilitators=user)
    if ended_after is not None:
        groups = groups.filter(cohort__ends_on__gte=ended_after)
    return groups.select_related("cohort__program").order_by("-cohort__starts_on", "name", "pk")


def plan_get(*, plan_id: int) -> ActionPlan | None:
    return (
        ActionPlan.objects.select_related(
            "cohort__program",
            "work_group__facilitator",
            "registration__participant",
            "collaboration_type",
            "municipality__province",
            "reviewed_by",
        )
        .prefetch_related(
            "cooperatives",
            "sdgs",
            "work_group__members__registration__participant",
            Prefetch(
                "steps",
                queryset=ActionStep.objects.order_by("position", "pk").prefetch_related(
                    Prefetch(
                        "references", queryset=LegalReference.objects.order_by(*REFERENCE_ORDER)
                    )
                ),
            ),
        )
        .filter(pk=plan_id)
        .first()
    )


def step_get(*, step_id: int) -> ActionStep | None:
    return ActionStep.objects.select_related("plan").filter(pk=step_id).first()


def cohort_plan_documents(*, cohort: Cohort) -> list[Document]:
    """The current PDF of every plan of the cohort (the ready ones go into the ZIP)."""
    plans = ActionPlan.objects.filter(cohort=cohort).order_by("title", "pk")
    content_type = ContentType.objects.get_for_model(ActionPlan)
    current = {
        document.object_id: document
        for document in Document.objects.filter(
            kind=PLAN_DOCUMENT_KIND,
            content_type=content_type,
            object_id__in=[plan.pk for plan in plans],
            superseded_by__isnull=True,
        )
    }
    return [current[plan.pk] for plan in plans if plan.pk in current]


@dataclass(frozen=True)
class PdfProgress:
    total: int  # plans of the cohort
    ready: int
    failed: int
    requested: int  # plans whose PDF was asked for (the others have none yet)

    @property
    def pending(self) -> int:
        """PDFs on their way (queued or rendering): the page polls while there are any."""
        return self.requested - self.ready - self.failed

    @property
    def missing(self) -> int:
        """Plans never asked for (or added since): the page offers to prepare them."""
        return self.total - self.requested


def cohort_plan_pdfs_progress(*, cohort: Cohort) -> PdfProgress:
    """How far the PDFs of the cohort's plans are (two queries)."""
    documents = cohort_plan_documents(cohort=cohort)
    return PdfProgress(
        total=ActionPlan.objects.filter(cohort=cohort).count(),
        ready=sum(document.is_ready for document in documents),
        failed=sum(document.is_failed for document in documents),
        requested=len(documents),
    )
