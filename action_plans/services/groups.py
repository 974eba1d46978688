"""Writes for work groups: create, edit (members and facilitator), delete."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from action_plans.models import WorkGroup, WorkGroupMember
from core.admin_history import admin_history_erase
from participants.models import Registration
from participants.services.privacy import ERASED_NAME
from programs.models import Cohort


def _check_members(*, cohort: Cohort, group: WorkGroup | None, registrations) -> list[int]:
    """The registrations must be confirmed ones of the cohort and in no other group."""
    ids = [registration.pk for registration in registrations]
    valid = set(
        Registration.objects.filter(
            pk__in=ids, cohort=cohort, status=Registration.Status.CONFIRMED
        ).values_list("pk", flat=True)
    )
    if len(valid) != len(set(ids)):
        raise ValidationError(
            {"members": _("Only confirmed participants of this cohort can be members.")}
        )
    taken = WorkGroupMember.objects.filter(registration_id__in=ids)
    if group is not None:
        taken = taken.exclude(group=group)
    if taken.exists():
        raise ValidationError(
            {"members": _("A participant can be in only one work group of a cohort.")}
        )
    return ids


def _check_facilitator(*, cohort: Cohort, facilitator) -> None:
    if facilitator is not None and not cohort.facilitators.filter(pk=facilitator.pk).exists():
        raise ValidationError({"facilitator": _("Choose one of the facilitators of this cohort.")})


def work_group_create(
    *, cohort: Cohort, name: str, theme: str, facilitator, registrations
) -> WorkGroup:
    with transaction.atomic():
        Cohort.objects.select_for_update().get(pk=cohort.pk)
        _check_facilitator(cohort=cohort, facilitator=facilitator)
        ids = _check_members(cohort=cohort, group=None, registrations=registrations)
        if WorkGroup.objects.filter(cohort=cohort, name=name).exists():
            raise ValidationError({"name": _("This cohort already has a group of this name.")})
        group = WorkGroup.objects.create(
            cohort=cohort, name=name, theme=theme, facilitator=facilitator
        )
        WorkGroupMember.objects.bulk_create(
            WorkGroupMember(group=group, registration_id=pk) for pk in ids
        )
    return group


def work_group_update(
    *, group_id: int, name: str, theme: str, facilitator, registrations
) -> WorkGroup:
    with transaction.atomic():
        group = WorkGroup.objects.select_related("cohort").get(pk=group_id)
        Cohort.objects.select_for_update().get(pk=group.cohort_id)
        _check_facilitator(cohort=group.cohort, facilitator=facilitator)
        ids = _check_members(cohort=group.cohort, group=group, registrations=registrations)
        if WorkGroup.objects.filter(cohort=group.cohort, name=name).exclude(pk=group.pk).exists():
            raise ValidationError({"name": _("This cohort already has a group of this name.")})
        group.name, group.theme, group.facilitator = name, theme, facilitator
        group.save(update_fields=["name", "theme", "facilitator"])
        group.members.exclude(registration_id__in=ids).delete()
        existing = set(group.members.values_list("registration_id", flat=True))
        WorkGroupMember.objects.bulk_create(
            WorkGroupMember(group=group, registration_id=pk) for pk in ids if pk not in existing
        )
    return group


def work_group_delete(*, group_id: int) -> None:
    """Delete a group without plans; a group with a plan is kept (its plan needs it)."""
    with transaction.atomic():
        group = WorkGroup.objects.select_for_update().get(pk=group_id)
        if group.plans.exists():
            raise ValidationError(_("This group has an action plan, so it cannot be deleted."))
        group.delete()


def work_group_history_erase(*, user, former_name: str, former_email: str) -> int:
    """The person's data was erased (participants' `personal_data_erased`, in its transaction):
    Django admin's history no longer names them — neither the entries about their work-group
    memberships (whose texts are "group — person") nor the change messages of the groups of
    their cohorts (which name the members added, changed or removed inline, by those texts).
    Returns how many entries changed."""
    memberships = WorkGroupMember.objects.filter(registration__participant=user).select_related(
        "group", "registration__participant"
    )
    groups = WorkGroup.objects.filter(cohort__registrations__participant=user)
    return admin_history_erase(
        named={WorkGroupMember: memberships},
        holding={WorkGroup: groups},
        texts=[former_name, former_email],
        replacement=ERASED_NAME,
    )
