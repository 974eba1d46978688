"""What action_plans says when a cohort is copied (programs/extensions.py): work groups and
plans are the people of that run, never copied."""

from django.utils.translation import gettext as _

from action_plans.models import ActionPlan, WorkGroup
from programs.extensions import CopyLine


def cohort_copy_lines(source, _copy) -> list[CopyLine]:
    return [
        CopyLine(_("Work groups"), WorkGroup.objects.filter(cohort=source).count(), False),
        CopyLine(_("Action plans"), ActionPlan.objects.filter(cohort=source).count(), False),
    ]
