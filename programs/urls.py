from django.urls import path

from programs.views import console, facilitator, public

app_name = "programs"

urlpatterns = [
    path("programlar/", public.program_list, name="program_list"),
    path("programlar/<slug:slug>/", public.program_detail, name="program_detail"),
    path("donemler/", public.cohort_list, name="cohort_list"),
    path("donemler/<int:pk>/", public.cohort_detail, name="cohort_detail"),
    path("donemler/<int:pk>/takvim.ics", public.cohort_ical, name="cohort_ical"),
    path("oturumlar/<int:pk>/takvim.ics", public.session_ical, name="session_ical"),
    path("iyi-uygulamalar/", public.good_practice_list, name="good_practice_list"),
    path("donemlerim/", facilitator.MyCohortsView.as_view(), name="my_cohorts"),
    # Coordinator console
    path("konsol/", console.DashboardView.as_view(), name="console_dashboard"),
    path(
        "konsol/programlar/yeni/", console.ProgramFormView.as_view(), name="console_program_create"
    ),
    path(
        "konsol/programlar/<int:pk>/", console.ProgramDetailView.as_view(), name="console_program"
    ),
    path(
        "konsol/programlar/<int:pk>/duzenle/",
        console.ProgramFormView.as_view(),
        name="console_program_edit",
    ),
    path(
        "konsol/programlar/<int:pk>/durum/",
        console.ProgramStatusView.as_view(),
        name="console_program_status",
    ),
    path(
        "konsol/programlar/<int:pk>/hedefler/",
        console.ObjectiveCreateView.as_view(),
        name="console_objective_create",
    ),
    path(
        "konsol/hedefler/<int:pk>/", console.ObjectiveUpdateView.as_view(), name="console_objective"
    ),
    path(
        "konsol/hedefler/<int:pk>/islem/",
        console.ObjectiveActionView.as_view(),
        name="console_objective_action",
    ),
    path(
        "konsol/programlar/<int:program_pk>/moduller/yeni/",
        console.ModuleFormView.as_view(),
        name="console_module_create",
    ),
    path("konsol/moduller/<int:pk>/", console.ModuleFormView.as_view(), name="console_module"),
    path(
        "konsol/moduller/<int:pk>/islem/",
        console.ModuleActionView.as_view(),
        name="console_module_action",
    ),
    path(
        "konsol/programlar/<int:program_pk>/donemler/yeni/",
        console.CohortFormView.as_view(),
        name="console_cohort_create",
    ),
    path("konsol/donemler/<int:pk>/", console.CohortDetailView.as_view(), name="console_cohort"),
    path(
        "konsol/donemler/<int:pk>/duzenle/",
        console.CohortFormView.as_view(),
        name="console_cohort_edit",
    ),
    path(
        "konsol/donemler/<int:pk>/durum/",
        console.CohortStatusView.as_view(),
        name="console_cohort_status",
    ),
    path(
        "konsol/donemler/<int:pk>/program-ekle/",
        console.ScheduleCreateView.as_view(),
        name="console_schedule_create",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/oturumlar/yeni/",
        console.SessionFormView.as_view(),
        name="console_session_create",
    ),
    path("konsol/oturumlar/<int:pk>/", console.SessionFormView.as_view(), name="console_session"),
    path(
        "konsol/oturumlar/<int:pk>/sil/",
        console.SessionDeleteView.as_view(),
        name="console_session_delete",
    ),
    path(
        "konsol/iyi-uygulamalar/",
        console.GoodPracticeListView.as_view(),
        name="console_good_practices",
    ),
    path(
        "konsol/iyi-uygulamalar/yeni/",
        console.GoodPracticeFormView.as_view(),
        name="console_good_practice_create",
    ),
    path(
        "konsol/iyi-uygulamalar/<int:pk>/",
        console.GoodPracticeFormView.as_view(),
        name="console_good_practice",
    ),
    path(
        "konsol/iyi-uygulamalar/<int:pk>/sil/",
        console.GoodPracticeDeleteView.as_view(),
        name="console_good_practice_delete",
    ),
]
