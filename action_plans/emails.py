"""The e-mail of action plans, registered as a kind (notifications.registry) in
ActionPlansConfig.ready: the follow-up reminder N months after a cohort ends, about the
owner's registration. Its texts: templates/action_plans/email/plan_reminder{_subject,}.txt."""

from django.utils.translation import gettext_lazy as _

from notifications import registry
from participants.emails import registration_context

PLAN_REMINDER_EMAIL = "plan_reminder"


def register_kinds() -> None:
    registry.register(
        registry.NotificationKind(
            name=PLAN_REMINDER_EMAIL,
            label=_("follow-up reminder of an action plan"),
            template="action_plans/email/plan_reminder",
            context=registration_context,
        )
    )
