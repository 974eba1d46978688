from django.contrib import admin

from core.forms import URL_FIELD_OVERRIDES
from programs.models import Cohort, GoodPractice, Module, Objective, Program, Session


class ObjectiveInline(admin.TabularInline):
    model = Objective
    extra = 0


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["title", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["title", "title_en", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ObjectiveInline]


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ["title", "program", "position", "method", "duration_minutes"]
    list_filter = ["method", "program"]
    list_select_related = ["program"]
    search_fields = ["title", "description"]
    filter_horizontal = ["objectives"]


class SessionInline(admin.TabularInline):
    model = Session
    formfield_overrides = URL_FIELD_OVERRIDES
    extra = 0
    fields = ["title", "starts_at", "ends_at", "room", "online_url"]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELD_OVERRIDES
    list_display = ["title", "program", "starts_on", "ends_on", "province", "capacity", "status"]
    list_filter = ["status", "program", "requires_approval", "province"]
    list_select_related = ["program", "province"]
    search_fields = ["title", "venue", "district"]
    date_hierarchy = "starts_on"
    filter_horizontal = ["facilitators"]
    inlines = [SessionInline]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELD_OVERRIDES
    list_display = ["title", "cohort", "starts_at", "ends_at", "room"]
    list_filter = ["cohort__program"]
    list_select_related = ["cohort"]
    search_fields = ["title", "cohort__title"]
    filter_horizontal = ["modules"]


@admin.register(GoodPractice)
class GoodPracticeAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELD_OVERRIDES
    list_display = ["title", "partner", "country", "kind", "is_published"]
    list_filter = ["kind", "country", "is_published"]
    search_fields = ["title", "partner", "summary"]
    filter_horizontal = ["modules"]
