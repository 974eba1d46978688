"""The two staff roles, as Django groups, and the model permissions each one holds.

The groups are created by a migration; their permissions are (re)synced after every migrate,
so a model added by a later issue is granted to the roles without another data migration.
A participant is not a group: any user with a verified e-mail address is one.
"""

from django.apps import apps as global_apps
from django.utils.translation import gettext_lazy as _

COORDINATOR = "coordinator"
FACILITATOR = "facilitator"

ROLE_LABELS = {COORDINATOR: _("Coordinator"), FACILITATOR: _("Facilitator")}

# app label → actions the role may take on every model of that app
ROLE_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    COORDINATOR: {
        "core": ("view",),
        "notifications": ("add", "change", "delete", "view"),
        "library": ("add", "change", "delete", "view"),
        "programs": ("add", "change", "delete", "view"),
        "participants": ("add", "change", "delete", "view"),
        "action_plans": ("add", "change", "delete", "view"),
        "certificates": ("add", "change", "delete", "view"),
        "documents": ("view",),
    },
    FACILITATOR: {
        "notifications": ("view",),
        "library": ("add", "change", "view"),
        "programs": ("view",),
        "participants": ("view",),
        "action_plans": ("add", "change", "view"),
        "certificates": ("view",),
    },
}


def sync_role_permissions(sender=None, apps=global_apps, **kwargs) -> None:  # noqa: ARG001
    """Give each role group exactly the permissions ROLE_PERMISSIONS lists. Idempotent."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for role, grants in ROLE_PERMISSIONS.items():
        group, _created = group_model.objects.get_or_create(name=role)
        codenames = {
            (app_label, f"{action}_{model._meta.model_name}")
            for app_label, actions in grants.items()
            if app_label in {config.label for config in global_apps.get_app_configs()}
            for model in global_apps.get_app_config(app_label).get_models()
            for action in actions
        }
        wanted = [
            permission.pk
            for permission in permission_model.objects.filter(
                content_type__app_label__in=grants.keys()
            ).select_related("content_type")
            if (permission.content_type.app_label, permission.codename) in codenames
        ]
        group.permissions.set(wanted)
