from django.urls import path

from participants.views import console, privacy, profile, registrations

app_name = "participants"

urlpatterns = [
    path(
        "donemler/<int:cohort_pk>/kayit/",
        registrations.RegisterView.as_view(),
        name="register",
    ),
    path("kayitlarim/", registrations.MyRegistrationsView.as_view(), name="my_registrations"),
    path(
        "kayitlarim/<int:pk>/iptal/",
        registrations.CancelOwnRegistrationView.as_view(),
        name="cancel",
    ),
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
]
