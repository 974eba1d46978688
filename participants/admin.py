from django.contrib import admin

from participants.models import Attendance, Registration


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["participant", "cohort", "status", "created_at"]
    list_filter = ["status", "cohort__program", "cohort"]
    list_select_related = ["participant", "cohort"]
    search_fields = ["participant__full_name", "participant__email", "cohort__title"]
    raw_id_fields = ["participant"]


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
