import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from action_plans.followup import read_token
from action_plans.services.reminders import plan_reminders_send
from action_plans.tasks import send_plan_reminders
from notifications.models import Notification
from tests.factories import (
    ActionPlanFactory,
    CohortFactory,
    RegistrationFactory,
    WorkGroupFactory,
    WorkGroupMemberFactory,
)

pytestmark = pytest.mark.django_db

ENDS_ON = dt.date(2026, 1, 10)


def _at(day: dt.date):
    return time_machine.travel(
        timezone.make_aware(dt.datetime.combine(day, dt.time(9, 30))), tick=False
    )


@pytest.fixture
def group_plan():
    cohort = CohortFactory(starts_on=ENDS_ON - dt.timedelta(days=1), ends_on=ENDS_ON)
    group = WorkGroupFactory(cohort=cohort)
    WorkGroupMemberFactory.create_batch(2, group=group)
    WorkGroupMemberFactory(
        group=group, registration=RegistrationFactory(cohort=cohort, status="cancelled")
    )
    return ActionPlanFactory(work_group=group, title="Kent bostanı")


def test_members_get_one_reminder_three_and_six_months_after_the_cohort_ends(group_plan):
    with _at(dt.date(2026, 4, 9)):
        assert plan_reminders_send() == 0
    with _at(dt.date(2026, 4, 10)):
        assert plan_reminders_send() == 2
        assert plan_reminders_send() == 0
    with _at(dt.date(2026, 4, 20)):
        send_plan_reminders()
    with _at(dt.date(2026, 7, 10)):
        assert plan_reminders_send() == 2

    keys = sorted(Notification.objects.values_list("dedupe_key", flat=True))
    members = sorted(
        group_plan.work_group.members.filter(registration__status="confirmed").values_list(
            "registration_id", flat=True
        )
    )
    assert keys == sorted(
        f"plan-reminder:{group_plan.pk}:{months}:{registration_id}"
        for months in (3, 6)
        for registration_id in members
    )


def test_reminder_carries_a_signed_link_for_its_plan_and_recipient(group_plan):
    with _at(dt.date(2026, 4, 10)):
        plan_reminders_send()
        notification = Notification.objects.order_by("pk").first()
        token = notification.body.split("/eylem-planlari/izleme/")[1].split("/")[0]
        claim = read_token(token)

    assert notification.kind == "plan_reminder"
    assert notification.subject == "Eylem planınızın izlenmesi: Kent bostanı"
    assert (claim.plan_id, claim.registration_id) == (group_plan.pk, notification.about_id)
    assert "Eğitim 3 ay önce bitti." in notification.body


def test_a_reminder_missed_for_more_than_two_weeks_is_not_sent(group_plan):
    with _at(dt.date(2026, 4, 25)):
        assert plan_reminders_send() == 0


def test_a_missed_reminder_is_still_sent_on_the_last_day_of_its_two_weeks(group_plan):
    with _at(dt.date(2026, 4, 24)):
        assert plan_reminders_send() == 2


def test_personal_plan_reminds_its_participant(settings):
    settings.ACTION_PLAN_REMINDER_MONTHS = (1,)
    registration = RegistrationFactory(cohort=CohortFactory(starts_on=ENDS_ON, ends_on=ENDS_ON))
    ActionPlanFactory(work_group=None, registration=registration)

    with _at(dt.date(2026, 2, 10)):
        assert plan_reminders_send() == 1

    assert Notification.objects.get().recipient == registration.participant


def test_plan_follow_up_carries_the_cohorts_note_and_stops_when_switched_off(group_plan):
    cohort = group_plan.cohort
    cohort.reminder_note = "Sorularınız için bize yazın."
    cohort.save()
    with _at(dt.date(2026, 4, 10)):
        assert plan_reminders_send() == 2
    assert all(
        "Sorularınız için bize yazın." in body
        for body in Notification.objects.values_list("body", flat=True)
    )
    cohort.remind_plans = False
    cohort.save()
    with _at(dt.date(2026, 7, 10)):
        assert plan_reminders_send() == 0
    assert Notification.objects.count() == 2
