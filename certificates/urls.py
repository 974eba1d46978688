"""Certificates under /sertifika/ (namespace "certificates"): the public verification page and
the console per cohort."""

from django.urls import path

from certificates import views
from core.converters import register_export_converter
from core.page_cache import personal_page

app_name = "certificates"
register_export_converter()

urlpatterns = [
    path("dogrula/", views.VerifyView.as_view(), name="verify"),
    path("dogrula/<str:code>/", views.VerifyView.as_view(), name="verify_code"),
    path(
        "konsol/donemler/<int:cohort_pk>/",
        personal_page(views.CohortCertificatesView.as_view()),
        name="cohort",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/katilim.<export:fmt>",
        views.AttendanceExportView.as_view(),
        name="attendance_export",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/sertifikalar.<export:fmt>",
        views.CertificateListExportView.as_view(),
        name="list_export",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/duzenle/",
        views.IssueCertificatesView.as_view(),
        name="issue",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/ilerleme/",
        views.IssueProgressView.as_view(),
        name="progress",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/yeniden-dene/",
        views.RetryFailedView.as_view(),
        name="retry_failed",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/zip/",
        views.BundleView.as_view(),
        name="bundle",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/<int:pk>/iptal/",
        views.RevokeView.as_view(),
        name="revoke",
    ),
]
