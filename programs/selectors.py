"""Reads for programmes and cohorts, with the joins each page needs."""

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from programs.models import Cohort, Module, Program


def published_programs() -> QuerySet[Program]:
    return Program.objects.filter(status=Program.Status.PUBLISHED)


def upcoming_cohorts_qs() -> QuerySet[Cohort]:
    return (
        Cohort.objects.filter(
            status=Cohort.Status.PUBLISHED,
            program__status=Program.Status.PUBLISHED,
            ends_on__gte=timezone.localdate(),
        )
        .select_related("program", "province")
        .order_by("starts_on", "pk")
    )


def featured_program() -> Program | None:
    """The programme the home page presents: the most recently created published one."""
    return (
        published_programs()
        .prefetch_related(
            "objectives",
            Prefetch("modules", queryset=Module.objects.prefetch_related("objectives")),
            Prefetch("cohorts", queryset=upcoming_cohorts_qs(), to_attr="upcoming_cohorts"),
        )
        .first()
    )
