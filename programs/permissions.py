"""Who may see and change programmes, cohorts, sessions and good practices."""

from accounts.permissions import is_coordinator, is_facilitator


def can_manage_programs(user) -> bool:
    """The coordinator console: programmes, objectives, modules, cohorts, sessions."""
    return is_coordinator(user)


def can_view_program(user, program) -> bool:
    return program.is_published or can_manage_programs(user)


def is_cohort_facilitator(user, cohort) -> bool:
    if not is_facilitator(user):
        return False
    cached = getattr(cohort, "_facilitator_ids", None)
    if cached is None:
        cached = set(cohort.facilitators.values_list("pk", flat=True))
        cohort._facilitator_ids = cached
    return user.pk in cached


def can_view_cohort(user, cohort) -> bool:
    """Published cohorts of published programmes are public; drafts only for their staff."""
    if cohort.is_public:
        return True
    return can_manage_programs(user) or is_cohort_facilitator(user, cohort)


def can_see_my_cohorts(user) -> bool:
    return is_facilitator(user)


def can_see_sensitive_answers(user) -> bool:
    """Answers to a sensitive registration question (health, access needs): coordinators only,
    never facilitators, on every page and in every export."""
    return is_coordinator(user)
