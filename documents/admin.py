from django.contrib import admin

from documents.models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    """Rendered files, for looking into failures; they are made and served by the pipeline only."""

    list_display = ["pk", "kind", "version", "status", "attempts", "filename", "created_at"]
    list_filter = ["kind", "status"]
    search_fields = ["filename", "error"]
    readonly_fields = [field.name for field in Document._meta.fields]

    def has_add_permission(self, request) -> bool:  # noqa: ARG002 — Django's signature
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ARG002
        return False
