from django.urls import path

from participants.views import certificates

app_name = "certificates"

urlpatterns = [
    path("dogrula/", certificates.VerifyView.as_view(), name="verify"),
    path("dogrula/<str:code>/", certificates.VerifyView.as_view(), name="verify_code"),
    path(
        "konsol/donemler/<int:cohort_pk>/",
        certificates.CohortCertificatesView.as_view(),
        name="cohort",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/duzenle/",
        certificates.IssueCertificatesView.as_view(),
        name="issue",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/ilerleme/",
        certificates.IssueProgressView.as_view(),
        name="progress",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/yeniden-dene/",
        certificates.RetryFailedView.as_view(),
        name="retry_failed",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/zip/",
        certificates.BundleView.as_view(),
        name="bundle",
    ),
    path(
        "konsol/donemler/<int:cohort_pk>/<int:pk>/iptal/",
        certificates.RevokeView.as_view(),
        name="revoke",
    ),
]
