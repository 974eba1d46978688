from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ActionPlansConfig(AppConfig):
    name = "action_plans"
    verbose_name = _("Legal bases and action plans")

    def ready(self) -> None:
        from action_plans.documents import ACTION_PLAN_BUNDLE_KIND, ACTION_PLAN_KIND
        from action_plans.services.library import sdgs_sync
        from documents import registry

        post_migrate.connect(sdgs_sync, sender=self, dispatch_uid="action_plans.sdgs_sync")
        registry.register(ACTION_PLAN_KIND)
        registry.register(ACTION_PLAN_BUNDLE_KIND)
