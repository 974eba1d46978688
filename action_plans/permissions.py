"""Who may do what with work groups and action plans (the legal library's rules:
library/permissions.py).

Members of a work group edit their group's plans, a participant edits their own plan,
facilitators of the cohort edit and approve its plans, coordinators everything. Nobody else
sees a plan (the views answer 404). Approved plans are read-only, except that their editors
keep updating the status and note of each step (the follow-up).
"""

from accounts.permissions import is_coordinator, is_facilitator, is_participant
from programs.permissions import is_cohort_facilitator


def can_manage_groups(user, cohort) -> bool:
    """Form, edit and delete the work groups of a cohort."""
    return is_coordinator(user) or is_cohort_facilitator(user, cohort)


def can_view_cohort_plans(user, cohort) -> bool:
    return can_manage_groups(user, cohort)


def can_see_plans_area(user) -> bool:
    """The "Action plans" entry point: participants, facilitators, coordinators."""
    return is_participant(user) or is_facilitator(user) or is_coordinator(user)


def can_view_impact_dashboard(user) -> bool:
    return is_coordinator(user)


def is_plan_owner(user, plan) -> bool:
    """The participant of a personal plan, or a member of the plan's work group."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if plan.registration_id is not None:
        return plan.registration.participant_id == user.pk
    cached = getattr(plan, "_member_user_ids", None)
    if cached is None:
        cached = set(
            plan.work_group.members.filter(registration__status="confirmed").values_list(
                "registration__participant_id", flat=True
            )
        )
        plan._member_user_ids = cached
    return user.pk in cached


def is_plan_reviewer(user, plan) -> bool:
    """Facilitators of the plan's cohort and coordinators: they approve or return it."""
    return is_coordinator(user) or is_cohort_facilitator(user, plan.cohort)


def can_view_plan(user, plan) -> bool:
    return is_plan_reviewer(user, plan) or is_plan_owner(user, plan)


def can_update_step_progress(user, plan) -> bool:
    """Change a step's status and note: every editor, also after approval (follow-up)."""
    return can_view_plan(user, plan)


def can_edit_plan(user, plan) -> bool:
    """Change the plan and its steps (add, edit, delete, reorder): until it is approved."""
    return not plan.is_approved and can_view_plan(user, plan)


def can_submit_plan(user, plan) -> bool:
    return plan.status in {"draft", "returned"} and can_edit_plan(user, plan)


def can_approve_plan(user, plan) -> bool:
    """Approve or return with a comment: facilitators of the cohort and coordinators."""
    return plan.status == "submitted" and is_plan_reviewer(user, plan)


def can_start_plan_for_registration(user, registration) -> bool:
    """A participant starts a personal plan on their own confirmed registration."""
    return registration.participant_id == user.pk and registration.status == "confirmed"


def can_start_plan_for_group(user, group) -> bool:
    """Members of the group, facilitators of its cohort and coordinators."""
    if is_coordinator(user) or is_cohort_facilitator(user, group.cohort):
        return True
    return group.members.filter(
        registration__participant_id=user.pk, registration__status="confirmed"
    ).exists()
