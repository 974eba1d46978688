from django.contrib import admin

from action_plans.models import (
    SDG,
    ActionPlan,
    ActionStep,
    CollaborationBasis,
    CollaborationType,
    LegalReference,
    StepTemplate,
    WorkGroup,
    WorkGroupMember,
)
from action_plans.services.library import REVIEWED_CONTENT_FIELDS


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


class WorkGroupMemberInline(admin.TabularInline):
    model = WorkGroupMember
    extra = 0
    raw_id_fields = ["registration"]


@admin.register(WorkGroup)
class WorkGroupAdmin(admin.ModelAdmin):
    list_display = ["name", "cohort", "theme", "facilitator"]
    list_filter = ["theme", "cohort"]
    list_select_related = ["cohort", "facilitator"]
    search_fields = ["name", "cohort__title"]
    raw_id_fields = ["cohort", "facilitator"]
    inlines = [WorkGroupMemberInline]


class ActionStepInline(admin.StackedInline):
    model = ActionStep
    extra = 0
    filter_horizontal = ["references"]


@admin.register(ActionPlan)
class ActionPlanAdmin(admin.ModelAdmin):
    list_display = ["title", "cohort", "work_group", "registration", "collaboration_type", "status"]
    list_filter = ["status", "collaboration_type", "cohort"]
    list_select_related = [
        "cohort",
        "work_group",
        "registration__participant",
        "collaboration_type",
    ]
    search_fields = ["title", "problem", "goal"]
    raw_id_fields = [
        "cohort",
        "work_group",
        "registration",
        "municipality",
        "reviewed_by",
        "created_by",
    ]
    filter_horizontal = ["cooperatives", "sdgs"]
    readonly_fields = ["version", "created_at", "updated_at", "submitted_at", "reviewed_at"]
    inlines = [ActionStepInline]

    def save_model(self, request, obj, form, change) -> None:
        """An edit here also counts as a new version, so open edit forms notice it."""
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)


@admin.register(ActionStep)
class ActionStepAdmin(admin.ModelAdmin):
    list_display = ["description", "plan", "position", "status", "due_on"]
    list_filter = ["status"]
    list_select_related = ["plan"]
    search_fields = ["description", "responsible", "note", "plan__title"]
    raw_id_fields = ["plan"]
    filter_horizontal = ["references"]
