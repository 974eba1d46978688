"""Organisations: created by participants, merged by coordinators."""

from django.db import transaction

from core.text import turkish_fold
from participants.models import AuditEntry, Organization, ParticipantProfile
from participants.services.audit import audit_log


def organization_create(
    *,
    name: str,
    kind: str,
    province,
    cooperative_kind: str = "",
    district: str = "",
    website: str = "",
) -> Organization:
    name = " ".join(name.split())
    return Organization.objects.create(
        name=name,
        search_name=turkish_fold(name),
        kind=kind,
        cooperative_kind=cooperative_kind if kind == Organization.Kind.COOPERATIVE else "",
        province=province,
        district=" ".join(district.split()),
        website=website,
    )


def organization_update(*, organization: Organization, **fields) -> Organization:
    for name, value in fields.items():
        setattr(organization, name, value)
    organization.search_name = turkish_fold(organization.name)
    if organization.kind != Organization.Kind.COOPERATIVE:
        organization.cooperative_kind = ""
    organization.full_clean()
    organization.save()
    return organization


def organizations_merge(*, duplicate: Organization, keep: Organization, by) -> int:
    """Move every profile of `duplicate` to `keep`, delete `duplicate`; returns profiles moved."""
    if duplicate.pk == keep.pk:
        msg = "an organisation cannot be merged into itself"
        raise ValueError(msg)
    with transaction.atomic():
        moved = ParticipantProfile.objects.filter(organization=duplicate).update(organization=keep)
        detail = f"{duplicate.name} (#{duplicate.pk}) → {keep.name} (#{keep.pk}): {moved}"
        duplicate.delete()
        audit_log(actor=by, action=AuditEntry.Action.ORGANIZATIONS_MERGED, detail=detail)
    return moved
