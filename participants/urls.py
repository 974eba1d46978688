from django.urls import path, register_converter

from core.converters import register_export_converter
from core.page_cache import personal_page
from participants.converters import OverviewTableConverter
from participants.views import (
    attendance,
    calendar,
    console,
    evaluations,
    imports,
    messages,
    privacy,
    profile,
    quick,
    registrations,
    reports,
)

app_name = "participants"
register_export_converter()
register_converter(OverviewTableConverter, "overview_table")

urlpatterns = [
    path(
        "donemler/<int:cohort_pk>/degerlendirme/",
        evaluations.SurveyView.as_view(),
        name="survey",
    ),
    path(
        "konsol/donemler/<int:pk>/degerlendirme/",
        evaluations.CohortSurveyReportView.as_view(),
        name="survey_report",
    ),
    path(
        "konsol/donemler/<int:pk>/degerlendirme/durum/",
        evaluations.SurveyStateView.as_view(),
        name="survey_state",
    ),
    path(
        "konsol/programlar/<int:pk>/degerlendirme/",
        evaluations.ProgramSurveyReportView.as_view(),
        name="program_survey_report",
    ),
    path(
        "konsol/programlar/<int:pk>/anket/",
        evaluations.SurveyQuestionsView.as_view(),
        name="survey_questions",
    ),
    path(
        "konsol/donemler/<int:pk>/degerlendirme/yanitlar.<export:fmt>",
        evaluations.SurveyResponsesExportView.as_view(),
        {"kind": "donem"},
        name="cohort_survey_responses_export",
    ),
    path(
        "konsol/donemler/<int:pk>/degerlendirme/rapor.<export:fmt>",
        evaluations.SurveyReportExportView.as_view(),
        {"kind": "donem"},
        name="cohort_survey_report_export",
    ),
    path(
        "konsol/programlar/<int:pk>/degerlendirme/yanitlar.<export:fmt>",
        evaluations.SurveyResponsesExportView.as_view(),
        {"kind": "program"},
        name="program_survey_responses_export",
    ),
    path(
        "konsol/programlar/<int:pk>/degerlendirme/rapor.<export:fmt>",
        evaluations.SurveyReportExportView.as_view(),
        {"kind": "program"},
        name="program_survey_report_export",
    ),
    path("yoklama/", attendance.AttendanceHomeView.as_view(), name="attendance_home"),
    path(
        "yoklama/oturum/<int:session_id>/",
        attendance.SessionGridView.as_view(),
        name="attendance_grid",
    ),
    path(
        "yoklama/oturum/<int:session_id>/qr/",
        attendance.SessionQrView.as_view(),
        name="attendance_qr",
    ),
    path(
        "yoklama/oturum/<int:session_id>/imza-listesi/",
        attendance.SignInSheetView.as_view(),
        name="attendance_sign_in_sheet",
    ),
    path(
        "yoklama/donem/<int:cohort_id>/",
        attendance.CohortAttendanceView.as_view(),
        name="attendance_cohort",
    ),
    path(
        "yoklama/donem/<int:cohort_id>/yoklama.<export:fmt>",
        attendance.CohortAttendanceExportView.as_view(),
        name="attendance_cohort_export",
    ),
    path(
        "yoklama/giris/<int:session_id>/<slug:code>/",
        attendance.CheckInView.as_view(),
        name="attendance_checkin",
    ),
    path(
        "donemler/<int:cohort_pk>/kayit/",
        registrations.RegisterView.as_view(),
        name="register",
    ),
    path(
        "donemler/<int:cohort_pk>/hizli-kayit/",
        quick.QuickRegisterView.as_view(),
        name="quick_register",
    ),
    path(
        "kayitlarim/",
        personal_page(registrations.MyRegistrationsView.as_view()),
        name="my_registrations",
    ),
    path(
        "kayitlarim/takvim/yeni/",
        calendar.CalendarFeedRenewView.as_view(),
        name="calendar_feed_renew",
    ),
    path("takvim/<slug:token>.ics", calendar.calendar_feed, name="calendar_feed"),
    path(
        "kayitlarim/<int:pk>/durum/",
        registrations.RegistrationStatusView.as_view(),
        name="registration_status",
    ),
    path(
        "kayitlarim/<int:pk>/iptal/",
        registrations.CancelOwnRegistrationView.as_view(),
        name="cancel",
    ),
    path("kayitlarim/mesajlar/", messages.MyMessagesView.as_view(), name="my_messages"),
    path("katilimci-profili/", profile.ParticipantProfileView.as_view(), name="profile"),
    path("kurumlar/ara/", profile.OrganizationSearchView.as_view(), name="organization_search"),
    path("aydinlatma-metni/", privacy.privacy_notice, name="privacy_notice"),
    path("kisisel-verilerim/", privacy.MyDataView.as_view(), name="my_data"),
    path("kisisel-verilerim/indir/", privacy.MyDataExportView.as_view(), name="my_data_export"),
    path("kisisel-verilerim/sil/", privacy.MyDataEraseView.as_view(), name="my_data_erase"),
    path("konsol/kayitlar/", console.CohortRegistrationsIndexView.as_view(), name="console"),
    path(
        "konsol/donemler/<int:cohort_pk>/kayitlar/",
        console.CohortRegistrationsView.as_view(),
        name="cohort_registrations",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/kayitlar/toplu/",
        console.BulkActionView.as_view(),
        name="cohort_registrations_bulk",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/kayitlar/<int:pk>/one-al/",
        console.PromoteView.as_view(),
        name="registration_promote",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/kayitlar/<int:pk>/sira/",
        console.MoveView.as_view(),
        name="registration_move",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/kayitlar.<str:file_format>",
        console.ExportView.as_view(),
        name="cohort_registrations_export",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/kayit-gecmisi/",
        console.AuditLogView.as_view(),
        name="cohort_audit_log",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/mesajlar/",
        messages.HistoryView.as_view(),
        name="cohort_messages",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/mesajlar/yeni/",
        messages.ComposeView.as_view(),
        name="cohort_message_compose",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/mesajlar/<int:pk>/",
        messages.DetailView.as_view(),
        name="cohort_message",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/mesajlar/<int:pk>/yeniden-dene/",
        messages.RetryView.as_view(),
        name="cohort_message_retry",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/ice-aktar/",
        imports.ImportUploadView.as_view(),
        name="import_upload",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/ice-aktar/<int:pk>/",
        imports.ImportBatchView.as_view(),
        name="import_batch",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/ice-aktar/<int:pk>/onayla/",
        imports.ImportConfirmView.as_view(),
        name="import_confirm",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/ice-aktar/<int:pk>/vazgec/",
        imports.ImportDiscardView.as_view(),
        name="import_discard",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/ice-aktar/<int:pk>/ilerleme/",
        imports.ImportProgressView.as_view(),
        name="import_progress",
    ),
    path(
        "konsol/katilimci-listesi-sablonu.<export:fmt>",
        imports.ImportTemplateView.as_view(),
        name="import_template",
    ),
    path("davet/<str:token>/", imports.InvitationView.as_view(), name="invitation"),
    path("konsol/kurumlar/", console.OrganizationListView.as_view(), name="organizations"),
    path(
        "konsol/kurumlar/<int:pk>/",
        console.OrganizationEditView.as_view(),
        name="organization_edit",
    ),
    path(
        "konsol/kurumlar/birlestir/",
        console.OrganizationMergeView.as_view(),
        name="organization_merge",
    ),
    path("konsol/e-postalar/", console.FailedEmailsView.as_view(), name="failed_emails"),
    path(
        "konsol/e-postalar/<int:pk>/yeniden-dene/",
        console.RetryEmailView.as_view(),
        name="email_retry",
    ),
    path(
        "konsol/programlar/<int:pk>/genel-bakis/",
        reports.ProgramOverviewView.as_view(),
        name="program_overview",
    ),
    path(
        "konsol/programlar/<int:pk>/genel-bakis/<overview_table:table>.<export:fmt>",
        reports.ProgramOverviewExportView.as_view(),
        name="program_overview_export",
    ),
]
