"""Follow-up reminders after a cohort ends: each plan owner gets an e-mail
`ACTION_PLAN_REMINDER_MONTHS` months after the cohort's last day, with a signed link to update
the plan's steps. Idempotent: one e-mail per plan, owner and month (the notification's
dedupe key)."""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from action_plans.emails import PLAN_REMINDER_EMAIL
from action_plans.followup import make_token
from action_plans.models import ActionPlan
from core.links import absolute_url
from notifications.services import NotificationRequest, notifications_queue_new
from participants.models import Registration

# A reminder missed for longer than this (e.g. the feature was switched on late) is not sent.
SEND_WINDOW_DAYS = 14


def plan_owner_registrations(plan: ActionPlan) -> list[Registration]:
    """The confirmed registrations whose participants own the plan."""
    if plan.registration_id is not None:
        registration = plan.registration
        return [registration] if registration.status == Registration.Status.CONFIRMED else []
    return [
        member.registration
        for member in plan.work_group.members.all()
        if member.registration.status == Registration.Status.CONFIRMED
    ]


def followup_url(*, plan_id: int, registration_id: int) -> str:
    token = make_token(plan_id=plan_id, registration_id=registration_id)
    path = reverse("plans:followup", kwargs={"token": token})
    return absolute_url(path)


def _with_cohort(registrations, cohort):
    """The e-mail names the cohort: give each registration the one already loaded."""
    for registration in registrations:
        registration.cohort = cohort
        yield registration


def plan_reminders_send(*, today: dt.date | None = None) -> int:
    """Queue the reminders due today (or in the last `SEND_WINDOW_DAYS` days); returns how
    many new e-mails were queued."""
    today = today or timezone.localdate()
    queued = 0
    for months in settings.ACTION_PLAN_REMINDER_MONTHS:
        latest_end = today - relativedelta(months=months)
        earliest_end = (today - dt.timedelta(days=SEND_WINDOW_DAYS)) - relativedelta(months=months)
        plans = (
            ActionPlan.objects.filter(
                cohort__ends_on__lte=latest_end,
                cohort__ends_on__gte=earliest_end,
                cohort__remind_plans=True,
            )
            .select_related(
                "cohort__program", "cohort__province", "registration__participant", "work_group"
            )
            .prefetch_related("work_group__members__registration__participant")
            .order_by("pk")
        )
        requests = [
            NotificationRequest(
                recipient=registration.participant,
                kind=PLAN_REMINDER_EMAIL,
                dedupe_key=f"plan-reminder:{plan.pk}:{months}:{registration.pk}",
                about=registration,
                context={
                    "plan": plan,
                    "months": months,
                    "followup_url": followup_url(plan_id=plan.pk, registration_id=registration.pk),
                    "link_days": settings.ACTION_PLAN_LINK_MAX_AGE_DAYS,
                },
            )
            for plan in plans
            for registration in _with_cohort(plan_owner_registrations(plan), plan.cohort)
        ]
        queued += len(notifications_queue_new(requests=requests))
    return queued
