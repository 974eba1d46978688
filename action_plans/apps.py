from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionPlansConfig(AppConfig):
    name = "action_plans"
    verbose_name = _("Action plans")

    def ready(self) -> None:
        from action_plans import emails, overview, receivers, recipients  # noqa: F401 — receivers
        from action_plans.documents import ACTION_PLAN_BUNDLE_KIND, ACTION_PLAN_KIND
        from action_plans.selectors.copies import cohort_copy_lines
        from documents import registry
        from programs import extensions

        registry.register(ACTION_PLAN_KIND)
        registry.register(ACTION_PLAN_BUNDLE_KIND)
        emails.register_kinds()
        overview.register()
        recipients.register()
        extensions.register_cohort_copier(cohort_copy_lines)
