"""Figures for the coordinator's impact dashboard; a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from action_plans.models import ActionPlan, ActionStep
from core.text import turkish_sort_key
from library.models import SDG, CollaborationType
from participants.models import Organization


@dataclass(frozen=True)
class CountRow:
    label: str
    count: int


@dataclass(frozen=True)
class StepFigures:
    total: int
    done: int
    overdue: int
    blocked: int


def _of_program(prefix: str, program) -> Q:
    """Plans of a programme's cohorts (every plan when no programme is given)."""
    return Q(**{f"{prefix}cohort__program": program}) if program is not None else Q()


def plans_by_type(*, program=None) -> list[CountRow]:
    """Plans per collaboration type (all types, also those with none), optionally of one
    programme."""
    types = CollaborationType.objects.annotate(
        plan_count=Count("plans", filter=_of_program("plans__", program), distinct=True)
    ).order_by("position", "pk")
    return [CountRow(label=str(item.display_name), count=item.plan_count) for item in types]


def plans_by_sdg(*, program=None) -> list[CountRow]:
    goals = (
        SDG.objects.annotate(
            plan_count=Count("plans", filter=_of_program("plans__", program), distinct=True)
        )
        .filter(plan_count__gt=0)
        .order_by("-plan_count", "number")
    )
    return [
        CountRow(label=f"{goal.number}. {goal.display_name}", count=goal.plan_count)
        for goal in goals
    ]


def plans_by_province() -> list[CountRow]:
    rows = (
        ActionPlan.objects.values("municipality__province__name")
        .annotate(plan_count=Count("pk"))
        .order_by("-plan_count", "municipality__province__name")
    )
    return [
        CountRow(
            label=row["municipality__province__name"] or _("No municipality chosen"),
            count=row["plan_count"],
        )
        for row in rows
    ]


def plans_by_organization_kind() -> list[CountRow]:
    """Plans per kind of organisation involved (the municipality and each cooperative)."""
    kinds = dict(Organization.Kind.choices)
    cooperative_kinds = dict(Organization.CooperativeKind.choices)
    municipal = (
        ActionPlan.objects.filter(municipality__isnull=False)
        .values("municipality__kind")
        .annotate(plan_count=Count("pk"))
    )
    cooperative = (
        Organization.objects.filter(cooperative_action_plans__isnull=False)
        .values("cooperative_kind")
        .annotate(plan_count=Count("cooperative_action_plans", distinct=True))
    )
    rows = [
        CountRow(label=str(kinds[row["municipality__kind"]]), count=row["plan_count"])
        for row in municipal
    ] + [
        CountRow(label=str(cooperative_kinds[row["cooperative_kind"]]), count=row["plan_count"])
        for row in cooperative
    ]
    return sorted(rows, key=lambda row: (-row.count, turkish_sort_key(row.label)))


def plans_by_status() -> list[CountRow]:
    counts = dict(
        ActionPlan.objects.values_list("status").annotate(plan_count=Count("pk")).order_by()
    )
    return [
        CountRow(label=str(label), count=counts.get(value, 0))
        for value, label in ActionPlan.Status.choices
    ]


def step_figures() -> StepFigures:
    figures = ActionStep.objects.aggregate(
        total=Count("pk"),
        done=Count("pk", filter=Q(status=ActionStep.Status.DONE)),
        overdue=Count(
            "pk",
            filter=Q(due_on__lt=timezone.localdate()) & ~Q(status=ActionStep.Status.DONE),
        ),
        blocked=Count("pk", filter=Q(status=ActionStep.Status.BLOCKED)),
    )
    return StepFigures(**figures)
