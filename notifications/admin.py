from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from notifications import registry
from notifications.models import Notification


class KindFilter(admin.SimpleListFilter):
    """The registered kinds, by their labels (`kind` is a plain name, without choices)."""

    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):  # noqa: ARG002 — Django's signature
        return registry.choices()

    def queryset(self, request, queryset):  # noqa: ARG002 — Django's signature
        return queryset.filter(kind=self.value()) if self.value() else queryset


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = [
        "subject",
        "recipient",
        "address",
        "kind_label",
        "status",
        "attempts",
        "created_at",
        "sent_at",
    ]
    list_filter = ["status", KindFilter]
    list_select_related = ["recipient"]
    search_fields = ["recipient__email", "address", "subject"]

    # Rows written by the services only: staff may look, never edit.
    def has_add_permission(self, request) -> bool:  # noqa: ARG002 — Django's signature
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ARG002
        return False

    @admin.display(description=_("kind"))
    def kind_label(self, notification: Notification) -> str:
        return notification.kind_label
