"""Writes for the legal-basis library. Keyword-only; views pass cleaned form data."""

import csv
from pathlib import Path

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from core.ordering import sibling_move
from library.models import SDG, CollaborationBasis, CollaborationType, LegalReference, StepTemplate

SDGS_CSV = Path(__file__).resolve().parent / "data" / "sdgs.csv"

# Changing any of these on a reviewed reference sends it back to legal review.
REVIEWED_CONTENT_FIELDS = (
    "kind",
    "law_number",
    "law_name",
    "article_number",
    "article_heading",
    "summary",
    "summary_en",
    "domain",
)


def sdgs_sync(**kwargs) -> None:  # noqa: ARG001 — also a post_migrate receiver
    """Make the SDG table hold exactly the 17 goals of sdgs.csv. Idempotent."""
    with SDGS_CSV.open(encoding="utf-8") as handle:
        rows = {
            int(row["number"]): (row["name_tr"], row["name_en"]) for row in csv.DictReader(handle)
        }
    existing = {
        number: (name, name_en)
        for number, name, name_en in SDG.objects.values_list("number", "name", "name_en")
    }
    if existing == rows:
        return
    for number, (name, name_en) in rows.items():
        SDG.objects.update_or_create(number=number, defaults={"name": name, "name_en": name_en})
    SDG.objects.exclude(number__in=rows).delete()


def _assign(instance, fields: dict) -> None:
    for name, value in fields.items():
        setattr(instance, name, value)


def reference_create(*, fields: dict) -> LegalReference:
    """A new reference always starts as awaiting legal review."""
    reference = LegalReference(**fields)
    reference.review_status = LegalReference.ReviewStatus.AWAITING
    reference.save()
    return reference


def reference_update(*, reference_id: int, fields: dict) -> tuple[LegalReference, bool]:
    """Save the edit; returns (reference, review_reset). A reviewed reference whose legal
    content changed goes back to "awaiting legal review"."""
    with transaction.atomic():
        reference = LegalReference.objects.select_for_update().get(pk=reference_id)
        content_changed = any(
            name in fields and fields[name] != getattr(reference, name)
            for name in REVIEWED_CONTENT_FIELDS
        )
        _assign(reference, fields)
        review_reset = content_changed and reference.is_reviewed
        if review_reset:
            reference.review_status = LegalReference.ReviewStatus.AWAITING
        reference.save()
    return reference, review_reset


def _record_review(*, reference_id: int, status: str, reviewer, notes: str) -> LegalReference:
    with transaction.atomic():
        reference = LegalReference.objects.select_for_update().get(pk=reference_id)
        reference.review_status = status
        reference.reviewer = reviewer
        reference.reviewed_at = timezone.localdate()
        reference.review_notes = notes
        reference.save(
            update_fields=["review_status", "reviewer", "reviewed_at", "review_notes", "updated_at"]
        )
    return reference


def reference_mark_reviewed(*, reference_id: int, reviewer, notes: str) -> LegalReference:
    """Record that `reviewer` checked the reference against the official text today."""
    return _record_review(
        reference_id=reference_id,
        status=LegalReference.ReviewStatus.REVIEWED,
        reviewer=reviewer,
        notes=notes,
    )


def reference_mark_outdated(*, reference_id: int, reviewer, notes: str) -> LegalReference:
    """Record that the reference no longer matches the law in force."""
    return _record_review(
        reference_id=reference_id,
        status=LegalReference.ReviewStatus.OUTDATED,
        reviewer=reviewer,
        notes=notes,
    )


def reference_set_active(*, reference_id: int, active: bool) -> LegalReference:
    """Retire a reference (kept, hidden from visitors) or restore it."""
    reference = LegalReference.objects.get(pk=reference_id)
    reference.is_active = active
    reference.save(update_fields=["is_active", "updated_at"])
    return reference


def collaboration_type_update(*, collaboration_type_id: int, fields: dict) -> CollaborationType:
    collaboration_type = CollaborationType.objects.get(pk=collaboration_type_id)
    _assign(collaboration_type, fields)
    collaboration_type.save()
    return collaboration_type


def basis_create(*, collaboration_type: CollaborationType, fields: dict) -> CollaborationBasis:
    return CollaborationBasis.objects.create(collaboration_type=collaboration_type, **fields)


def basis_update(*, basis_id: int, fields: dict) -> CollaborationBasis:
    basis = CollaborationBasis.objects.get(pk=basis_id)
    _assign(basis, fields)
    basis.save()
    return basis


def basis_delete(*, basis_id: int) -> None:
    CollaborationBasis.objects.filter(pk=basis_id).delete()


def step_template_create(
    *, collaboration_type: CollaborationType, fields: dict, references
) -> StepTemplate:
    """Append a step at the end of the type's steps."""
    with transaction.atomic():
        CollaborationType.objects.select_for_update().get(pk=collaboration_type.pk)
        last = collaboration_type.step_templates.aggregate(last=Max("position"))["last"]
        step = StepTemplate.objects.create(
            collaboration_type=collaboration_type,
            position=(last or 0) + 1,
            **fields,
        )
        step.references.set(references)
    return step


def step_template_update(*, step_id: int, fields: dict, references) -> StepTemplate:
    step = StepTemplate.objects.get(pk=step_id)
    _assign(step, fields)
    step.save()
    step.references.set(references)
    return step


def step_template_delete(*, step_id: int) -> None:
    StepTemplate.objects.filter(pk=step_id).delete()


def step_template_move(*, step_id: int, direction: str) -> StepTemplate:
    """Move a step one place "up" or "down" among its type's steps; positions are renumbered
    1…n. Moving the first step up (or the last down) changes nothing."""
    with transaction.atomic():
        step = StepTemplate.objects.get(pk=step_id)
        CollaborationType.objects.select_for_update().get(pk=step.collaboration_type_id)
        steps = sibling_move(
            siblings=StepTemplate.objects.filter(collaboration_type_id=step.collaboration_type_id),
            item_pk=step.pk,
            up=direction == "up",
        )
    return next(item for item in steps if item.pk == step.pk)
