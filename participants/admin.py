from django.contrib import admin

from core.search import search
from core.text import turkish_fold
from participants.models import (
    Attendance,
    AuditEntry,
    ConsentRecord,
    Organization,
    ParticipantProfile,
    Registration,
)
from participants.selectors.organizations import SEARCH_FIELDS


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["participant", "cohort", "status", "waitlist_order", "created_at"]
    list_filter = ["status", "cohort__program", "cohort"]
    list_select_related = ["participant", "cohort"]
    search_fields = ["participant__full_name", "participant__email", "cohort__title"]
    raw_id_fields = ["participant", "cancelled_by"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["registration", "session", "status", "method", "marked_by", "marked_at"]
    list_filter = ["status", "method", "session__cohort"]
    list_select_related = [
        "registration__participant",
        "registration__cohort",
        "session",
        "marked_by",
    ]
    search_fields = ["registration__participant__full_name", "session__title"]
    raw_id_fields = ["registration", "marked_by"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "cooperative_kind", "province", "district"]
    list_filter = ["kind", "cooperative_kind", "province"]
    list_select_related = ["province"]
    search_fields = ["name"]  # shows the search box; the search itself is the site's

    def get_search_results(self, request, queryset, search_term):  # noqa: ARG002
        """The site's organisation search: name, district and province, Turkish-aware."""
        return search(queryset, query=search_term, fields=SEARCH_FIELDS), False

    def save_model(self, request, obj, form, change) -> None:
        obj.search_name = turkish_fold(obj.name)
        super().save_model(request, obj, form, change)


@admin.register(ParticipantProfile)
class ParticipantProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "title"]
    list_select_related = ["user", "organization"]
    search_fields = ["user__full_name", "user__email", "organization__name"]
    raw_id_fields = ["user", "organization"]


class _ReadOnlyAdmin(admin.ModelAdmin):
    """Rows written by the services only: staff may look, never edit."""

    def has_add_permission(self, request) -> bool:  # noqa: ARG002 — Django's signature
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ARG002
        return False


@admin.register(ConsentRecord)
class ConsentRecordAdmin(_ReadOnlyAdmin):
    list_display = ["user", "kind", "granted", "notice_version", "created_at"]
    list_filter = ["kind", "granted"]
    list_select_related = ["user"]


@admin.register(AuditEntry)
class AuditEntryAdmin(_ReadOnlyAdmin):
    list_display = ["created_at", "actor", "action", "cohort", "detail"]
    list_filter = ["action"]
    list_select_related = ["actor", "cohort__program"]
