from django.contrib import admin

from action_plans.models import ActionPlan, ActionStep, WorkGroup, WorkGroupMember


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
