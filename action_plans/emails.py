"""The e-mail of action plans, registered as a kind (notifications.registry) in
ActionPlansConfig.ready: the follow-up reminder N months after a cohort ends, about the
owner's registration. Its texts: templates/action_plans/email/plan_reminder{_subject,}.txt."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from action_plans.models import ActionPlan
from core.links import absolute_url
from notifications import registry
from participants.emails import preview_registration, registration_context, registration_reason

PLAN_REMINDER_EMAIL = "plan_reminder"


def _preview() -> dict:
    registration = preview_registration()
    return {
        **registration_context(registration),
        "plan": ActionPlan(cohort=registration.cohort, title="Kooperatiften yerel ürün alımı"),
        "months": settings.ACTION_PLAN_REMINDER_MONTHS[0],
        "followup_url": absolute_url(reverse("plans:followup", kwargs={"token": "ornek"})),
        "link_days": settings.ACTION_PLAN_LINK_MAX_AGE_DAYS,
    }


def register_kinds() -> None:
    registry.register(
        registry.NotificationKind(
            name=PLAN_REMINDER_EMAIL,
            label=_("follow-up reminder of an action plan"),
            template="action_plans/email/plan_reminder",
            context=registration_context,
            reason=registration_reason,
            preview=_preview,
        )
    )
