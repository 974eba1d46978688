from django.urls import path, register_converter

from core.converters import ExportFormatConverter
from participants.views import attendance, evaluations

app_name = "participants"
register_converter(ExportFormatConverter, "export")

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
        "yoklama/donem/<int:cohort_id>/",
        attendance.CohortAttendanceView.as_view(),
        name="attendance_cohort",
    ),
    path(
        "yoklama/giris/<int:session_id>/<slug:code>/",
        attendance.CheckInView.as_view(),
        name="attendance_checkin",
    ),
]
