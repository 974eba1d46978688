from django.contrib import admin

from certificates.models import Certificate


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    """Rows written by the services only: staff may look, never edit."""

    list_display = ["code", "participant_name", "cohort_title", "version", "status", "issued_at"]
    list_filter = ["status", "registration__cohort"]
    list_select_related = ["registration__cohort", "registration__participant"]
    search_fields = ["code", "participant_name", "registration__participant__email"]

    def has_add_permission(self, request) -> bool:  # noqa: ARG002 — Django's signature
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ARG002
        return False
