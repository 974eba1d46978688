"""The work-group filter of messages to a cohort (participants/recipients.py), registered in
ActionPlansConfig.ready."""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from action_plans.models import WorkGroup, WorkGroupMember
from core.db import turkish_collate
from participants import recipients

NO_GROUP = "none"


def _field(cohort) -> forms.Field:
    groups = WorkGroup.objects.filter(cohort=cohort).order_by(turkish_collate("name"), "pk")
    return forms.ChoiceField(
        label=_("Work group"),
        required=False,
        choices=[
            ("", _("Anyone")),
            (NO_GROUP, _("in no work group")),
            *((str(group.pk), group.name) for group in groups),
        ],
    )


def _condition(cohort, value: str) -> Q:
    members = WorkGroupMember.objects.filter(registration=OuterRef("pk"))
    if value == NO_GROUP:
        return ~Q(Exists(members))
    return Q(Exists(members.filter(group_id=int(value), group__cohort=cohort)))


def register() -> None:
    recipients.register(
        recipients.RecipientFilter(name="work_group", field=_field, condition=_condition)
    )
