from django.contrib import admin

from participants.models import Registration


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["participant", "cohort", "status", "created_at"]
    list_filter = ["status", "cohort__program", "cohort"]
    list_select_related = ["participant", "cohort"]
    search_fields = ["participant__full_name", "participant__email", "cohort__title"]
    raw_id_fields = ["participant"]
