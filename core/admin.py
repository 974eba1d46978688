from django.contrib import admin

from core.models import BackgroundJob, Province


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["plate", "name"]
    search_fields = ["name"]


@admin.register(BackgroundJob)
class BackgroundJobAdmin(admin.ModelAdmin):
    list_display = ["pk", "kind", "status", "attempts", "requested_by", "created_at", "finished_at"]
    list_filter = ["kind", "status"]
    list_select_related = ["requested_by"]
    readonly_fields = ["created_at", "started_at", "finished_at"]
