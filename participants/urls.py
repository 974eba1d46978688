from django.urls import path, register_converter

from core.converters import ExportFormatConverter
from participants.views import evaluations

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
]
