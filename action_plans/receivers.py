"""Receivers of other apps' signals: participants' `personal_data_erased`, sent inside the
erasure's transaction (participants/signals.py)."""

from django.dispatch import receiver

from participants.signals import personal_data_erased


@receiver(personal_data_erased, dispatch_uid="action_plans.plan_documents_erase")
def plan_documents_erase(sender, user, **kwargs) -> None:  # noqa: ARG001 — signal signature
    """A person's data was erased (KVKK): the plan PDFs that print their name go."""
    from action_plans.services.plans import plan_documents_erase

    plan_documents_erase(user=user)


@receiver(personal_data_erased, dispatch_uid="action_plans.work_group_history_erase")
def work_group_history_erase(sender, user, former_name, former_email, **kwargs) -> None:  # noqa: ARG001 — signal signature
    """A person's data was erased (KVKK): the admin's history of their work groups forgets them."""
    from action_plans.services.groups import work_group_history_erase

    work_group_history_erase(user=user, former_name=former_name, former_email=former_email)
