from django.urls import path

from core.page_cache import personal_page, public_page
from programs.views import facilitator, public
from programs.views.console import cohorts, copies, good_practices, programmes, questions

app_name = "programs"

urlpatterns = [
    path("programlar/", public_page(public.program_list), name="program_list"),
    path("programlar/<slug:slug>/", public_page(public.program_detail), name="program_detail"),
    path("donemler/", public_page(public.cohort_list), name="cohort_list"),
    path("donemler/<int:pk>/", public_page(public.cohort_detail), name="cohort_detail"),
    path("donemler/<int:pk>/takvim.ics", public.cohort_ical, name="cohort_ical"),
    path("oturumlar/<int:pk>/takvim.ics", public.session_ical, name="session_ical"),
    path("iyi-uygulamalar/", public_page(public.good_practice_list), name="good_practice_list"),
    path("donemlerim/", personal_page(facilitator.MyCohortsView.as_view()), name="my_cohorts"),
    # Coordinator console
    path("konsol/", personal_page(programmes.DashboardView.as_view()), name="console_dashboard"),
    path(
        "konsol/programlar/yeni/",
        programmes.ProgramFormView.as_view(),
        name="console_program_create",
    ),
    path(
        "konsol/programlar/<int:pk>/",
        programmes.ProgramDetailView.as_view(),
        name="console_program",
    ),
    path(
        "konsol/programlar/<int:pk>/duzenle/",
        programmes.ProgramFormView.as_view(),
        name="console_program_edit",
    ),
    path(
        "konsol/programlar/<int:pk>/durum/",
        programmes.ProgramStatusView.as_view(),
        name="console_program_status",
    ),
    path(
        "konsol/programlar/<int:pk>/hedefler/",
        programmes.ObjectiveCreateView.as_view(),
        name="console_objective_create",
    ),
    path(
        "konsol/hedefler/<int:pk>/",
        programmes.ObjectiveUpdateView.as_view(),
        name="console_objective",
    ),
    path(
        "konsol/hedefler/<int:pk>/islem/",
        programmes.ObjectiveActionView.as_view(),
        name="console_objective_action",
    ),
    path(
        "konsol/programlar/<int:program_pk>/moduller/yeni/",
        programmes.ModuleFormView.as_view(),
        name="console_module_create",
    ),
    path("konsol/moduller/<int:pk>/", programmes.ModuleFormView.as_view(), name="console_module"),
    path(
        "konsol/moduller/<int:pk>/islem/",
        programmes.ModuleActionView.as_view(),
        name="console_module_action",
    ),
    path(
        "konsol/programlar/<int:program_pk>/donemler/yeni/",
        cohorts.CohortFormView.as_view(),
        name="console_cohort_create",
    ),
    path("konsol/donemler/<int:pk>/", cohorts.CohortDetailView.as_view(), name="console_cohort"),
    path(
        "konsol/donemler/<int:pk>/duzenle/",
        cohorts.CohortFormView.as_view(),
        name="console_cohort_edit",
    ),
    path(
        "konsol/donemler/<int:pk>/durum/",
        cohorts.CohortStatusView.as_view(),
        name="console_cohort_status",
    ),
    path(
        "konsol/donemler/<int:pk>/program-ekle/",
        cohorts.ScheduleCreateView.as_view(),
        name="console_schedule_create",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/oturumlar/yeni/",
        cohorts.SessionFormView.as_view(),
        name="console_session_create",
    ),
    path("konsol/oturumlar/<int:pk>/", cohorts.SessionFormView.as_view(), name="console_session"),
    path(
        "konsol/oturumlar/<int:pk>/sil/",
        cohorts.SessionDeleteView.as_view(),
        name="console_session_delete",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/sorular/yeni/",
        questions.QuestionFormView.as_view(),
        name="console_question_create",
    ),
    path("konsol/sorular/<int:pk>/", questions.QuestionFormView.as_view(), name="console_question"),
    path(
        "konsol/sorular/<int:pk>/islem/",
        questions.QuestionActionView.as_view(),
        name="console_question_action",
    ),
    path(
        "konsol/donemler/<int:pk>/kopyala/",
        copies.CohortCopyView.as_view(),
        name="console_cohort_copy",
    ),
    path(
        "konsol/donemler/<int:pk>/kopya-raporu/",
        copies.CohortCopiedView.as_view(),
        name="console_cohort_copied",
    ),
    path(
        "konsol/programlar/<int:pk>/kopyala/",
        copies.ProgramCopyView.as_view(),
        name="console_program_copy",
    ),
    path(
        "konsol/programlar/<int:pk>/kopya-raporu/",
        copies.ProgramCopiedView.as_view(),
        name="console_program_copied",
    ),
    path(
        "konsol/iyi-uygulamalar/",
        good_practices.GoodPracticeListView.as_view(),
        name="console_good_practices",
    ),
    path(
        "konsol/iyi-uygulamalar/yeni/",
        good_practices.GoodPracticeFormView.as_view(),
        name="console_good_practice_create",
    ),
    path(
        "konsol/iyi-uygulamalar/<int:pk>/",
        good_practices.GoodPracticeFormView.as_view(),
        name="console_good_practice",
    ),
    path(
        "konsol/iyi-uygulamalar/<int:pk>/sil/",
        good_practices.GoodPracticeDeleteView.as_view(),
        name="console_good_practice_delete",
    ),
]
