"""Writes for action plans and their steps.

Optimistic locking: every edit names the plan `version` its form was rendered with; the
service locks the plan row (`select_for_update`), compares, raises `PlanVersionConflictError` on a
mismatch and otherwise applies the change and increments the version. Nothing is overwritten
silently.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from action_plans.models import (
    MUNICIPAL_KINDS,
    PLAN_BUNDLE_KIND,
    PLAN_DOCUMENT_KIND,
    ActionPlan,
    ActionStep,
    WorkGroup,
)
from core.ordering import sibling_move
from documents.models import Document
from documents.services import document_request, documents_erase, documents_request
from library.models import CollaborationType
from participants.models import Organization, Registration
from programs.models import Cohort


class PlanVersionConflictError(Exception):
    """The plan changed since the form was shown; `plan` holds the current state."""

    def __init__(self, plan: ActionPlan) -> None:
        super().__init__(plan.pk)
        self.plan = plan


class PlanStateError(Exception):
    """The plan's status does not allow this transition."""


@dataclass(frozen=True)
class StepDraft:
    """A step for a new plan, from the wizard's (edited) step templates."""

    description: str
    responsible: str = ""
    offset_days: int = 0
    reference_ids: Sequence[int] = field(default_factory=tuple)


def _locked(plan_id: int, version: int) -> ActionPlan:
    plan = ActionPlan.objects.select_for_update().get(pk=plan_id)
    if plan.version != version:
        raise PlanVersionConflictError(plan)
    return plan


def _bump(plan: ActionPlan, *extra_fields: str) -> None:
    plan.version += 1
    plan.save(update_fields=["version", "updated_at", *extra_fields])


def plan_create(
    *,
    collaboration_type: CollaborationType,
    title: str,
    starts_on: dt.date,
    steps: Iterable[StepDraft],
    actor,
    work_group: WorkGroup | None = None,
    registration: Registration | None = None,
) -> ActionPlan:
    """A draft plan of a group or of one participant, with the given steps in order; each
    step is due `offset_days` after `starts_on`."""
    if (work_group is None) == (registration is None):
        raise ValueError("a plan belongs to exactly one work group or one registration")
    cohort = work_group.cohort if work_group else registration.cohort
    with transaction.atomic():
        plan = ActionPlan.objects.create(
            cohort=cohort,
            work_group=work_group,
            registration=registration,
            collaboration_type=collaboration_type,
            title=title,
            starts_on=starts_on,
            created_by=actor,
        )
        for position, draft in enumerate(steps, start=1):
            step = ActionStep.objects.create(
                plan=plan,
                position=position,
                description=draft.description,
                responsible=draft.responsible,
                due_on=starts_on + dt.timedelta(days=draft.offset_days),
            )
            step.references.set(draft.reference_ids)
    return plan


def _check_organisations(*, municipality, cooperatives) -> None:
    errors = {}
    if municipality is not None and municipality.kind not in MUNICIPAL_KINDS:
        errors["municipality"] = _("Choose a municipality.")
    if any(org.kind != Organization.Kind.COOPERATIVE for org in cooperatives):
        errors["cooperatives"] = _("Choose cooperatives only.")
    if errors:
        raise ValidationError(errors)


PLAN_FIELDS = ("title", "problem", "goal", "municipality", "collaboration_type", "starts_on")


def plan_update(*, plan_id: int, version: int, fields: dict, cooperatives, sdgs) -> ActionPlan:
    _check_organisations(municipality=fields.get("municipality"), cooperatives=cooperatives)
    with transaction.atomic():
        plan = _locked(plan_id, version)
        if plan.is_approved:
            raise PlanStateError(plan.pk)
        for name in PLAN_FIELDS:
            if name in fields:
                setattr(plan, name, fields[name])
        plan.cooperatives.set(cooperatives)
        plan.sdgs.set(sdgs)
        _bump(plan, *(name for name in PLAN_FIELDS if name in fields))
    return plan


STEP_FIELDS = ("description", "responsible", "due_on", "status", "note")


def step_create(*, plan_id: int, version: int, fields: dict, references) -> ActionStep:
    """Append a step at the end of the plan."""
    with transaction.atomic():
        plan = _locked(plan_id, version)
        if plan.is_approved:
            raise PlanStateError(plan.pk)
        last = plan.steps.aggregate(last=Max("position"))["last"]
        step = ActionStep.objects.create(
            plan=plan,
            position=(last or 0) + 1,
            **{name: fields[name] for name in STEP_FIELDS if name in fields},
        )
        step.references.set(references)
        _bump(plan)
    return step


def step_update(*, step_id: int, version: int, fields: dict, references) -> ActionStep:
    with transaction.atomic():
        step = ActionStep.objects.get(pk=step_id)
        plan = _locked(step.plan_id, version)
        if plan.is_approved:
            raise PlanStateError(plan.pk)
        step = ActionStep.objects.get(pk=step_id)
        for name in STEP_FIELDS:
            if name in fields:
                setattr(step, name, fields[name])
        step.save()
        step.references.set(references)
        _bump(plan)
    return step


def step_delete(*, step_id: int, version: int) -> ActionPlan:
    with transaction.atomic():
        step = ActionStep.objects.get(pk=step_id)
        plan = _locked(step.plan_id, version)
        if plan.is_approved:
            raise PlanStateError(plan.pk)
        step.delete()
        _bump(plan)
    return plan


def step_move(*, step_id: int, version: int, direction: str) -> ActionPlan:
    """Swap a step with its neighbour ("up" or "down"); positions are renumbered 1…n. Moving
    the first step up (or the last down) changes nothing but the version."""
    with transaction.atomic():
        step = ActionStep.objects.get(pk=step_id)
        plan = _locked(step.plan_id, version)
        if plan.is_approved:
            raise PlanStateError(plan.pk)
        sibling_move(siblings=plan.steps.all(), item_pk=step.pk, up=direction == "up")
        _bump(plan)
    return plan


def steps_progress_update(
    *, plan_id: int, version: int, updates: dict[int, tuple[str, str | None]]
) -> ActionPlan:
    """Set the status (and, when given, the note) of steps of a plan; allowed after approval
    too (the follow-up). `updates` maps a step id to (status, note or None)."""
    with transaction.atomic():
        plan = _locked(plan_id, version)
        steps = {step.pk: step for step in plan.steps.filter(pk__in=updates)}
        changed = []
        for step_id, (status, note) in updates.items():
            step = steps.get(step_id)
            if step is None:
                continue
            step.status = status
            if note is not None:
                step.note = note
            step.updated_at = timezone.now()
            changed.append(step)
        ActionStep.objects.bulk_update(changed, ["status", "note", "updated_at"])
        _bump(plan)
    return plan


def plan_submit(*, plan_id: int, version: int) -> ActionPlan:
    with transaction.atomic():
        plan = _locked(plan_id, version)
        if plan.status not in {ActionPlan.Status.DRAFT, ActionPlan.Status.RETURNED}:
            raise PlanStateError(plan.pk)
        plan.status = ActionPlan.Status.SUBMITTED
        plan.submitted_at = timezone.now()
        _bump(plan, "status", "submitted_at")
    return plan


def plan_review(*, plan_id: int, version: int, actor, approve: bool, comment: str) -> ActionPlan:
    """Approve a submitted plan, or return it to its editors with a comment."""
    with transaction.atomic():
        plan = _locked(plan_id, version)
        if plan.status != ActionPlan.Status.SUBMITTED:
            raise PlanStateError(plan.pk)
        plan.status = ActionPlan.Status.APPROVED if approve else ActionPlan.Status.RETURNED
        plan.review_comment = comment
        plan.reviewed_by = actor
        plan.reviewed_at = timezone.now()
        _bump(plan, "status", "review_comment", "reviewed_by", "reviewed_at")
    return plan


def cohort_plan_pdfs_request(*, cohort, requested_by) -> list:
    """Ask for the PDF of every plan of the cohort in one go (unchanged plans reuse their file,
    failed ones are queued again)."""
    return documents_request(
        kind=PLAN_DOCUMENT_KIND,
        owners=list(ActionPlan.objects.filter(cohort=cohort).order_by("title", "pk")),
        requested_by=requested_by,
    )


def cohort_plans_bundle_request(*, cohort, requested_by):
    """The ZIP of the cohort's ready plan PDFs, built in the background."""
    return document_request(kind=PLAN_BUNDLE_KIND, owner=cohort, requested_by=requested_by)


def plan_documents_erase(*, user) -> int:
    """The person's data was erased (participants' `personal_data_erased`, in its transaction):
    the PDFs of the plans that print their name — their own plans and their work group's —
    and the ZIPs of those cohorts' plans are deleted (documents.services.documents_erase: rows
    kept, marked erased, files gone after the commit). A plan's PDF asked for again is built
    from the plan as it is now, with the erased name. Returns how many documents."""
    plans = ActionPlan.objects.filter(
        Q(registration__participant=user) | Q(work_group__members__registration__participant=user)
    )
    types = ContentType.objects.get_for_models(ActionPlan, Cohort)
    return documents_erase(
        documents=Document.objects.filter(
            kind=PLAN_DOCUMENT_KIND,
            content_type=types[ActionPlan],
            object_id__in=plans.values("pk"),
        )
        | Document.objects.filter(
            kind=PLAN_BUNDLE_KIND,
            content_type=types[Cohort],
            object_id__in=plans.values("cohort_id"),
        )
    )
