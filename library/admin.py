from django.contrib import admin

from library.models import SDG, CollaborationBasis, CollaborationType, LegalReference, StepTemplate
from library.services import REVIEWED_CONTENT_FIELDS


@admin.register(LegalReference)
class LegalReferenceAdmin(admin.ModelAdmin):
    list_display = [
        "label",
        "article_heading",
        "domain",
        "kind",
        "review_status",
        "reviewed_at",
        "is_active",
    ]
    list_filter = ["domain", "kind", "review_status", "is_active", "law_name"]
    list_select_related = ["reviewer"]
    search_fields = ["law_number", "law_name", "article_number", "article_heading", "summary"]
    # The review is recorded by the console's review page (status, who and when).
    readonly_fields = ["review_status", "reviewer", "reviewed_at", "created_at", "updated_at"]

    def save_model(self, request, obj, form, change) -> None:
        """As in the console: changed legal content sends a reviewed reference back to review."""
        if change and obj.is_reviewed and set(form.changed_data) & set(REVIEWED_CONTENT_FIELDS):
            obj.review_status = LegalReference.ReviewStatus.AWAITING
        super().save_model(request, obj, form, change)


class CollaborationBasisInline(admin.StackedInline):
    model = CollaborationBasis
    extra = 0
    autocomplete_fields = ["reference"]


class StepTemplateInline(admin.StackedInline):
    model = StepTemplate
    extra = 0
    filter_horizontal = ["references"]


@admin.register(CollaborationType)
class CollaborationTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug", "position"]
    search_fields = ["name", "name_en", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CollaborationBasisInline, StepTemplateInline]


@admin.register(CollaborationBasis)
class CollaborationBasisAdmin(admin.ModelAdmin):
    list_display = ["collaboration_type", "reference", "side", "effect", "position"]
    list_filter = ["collaboration_type", "side", "effect", "reference__domain"]
    list_select_related = ["collaboration_type", "reference"]
    search_fields = ["explanation", "conditions", "open_questions", "reference__law_name"]
    autocomplete_fields = ["reference"]


@admin.register(StepTemplate)
class StepTemplateAdmin(admin.ModelAdmin):
    list_display = ["collaboration_type", "position", "description", "responsible_role"]
    list_filter = ["collaboration_type"]
    list_select_related = ["collaboration_type"]
    search_fields = ["description", "responsible_role"]
    filter_horizontal = ["references"]


@admin.register(SDG)
class SDGAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "name_en"]
    search_fields = ["name", "name_en"]
