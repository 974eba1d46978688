"""The project's own pages (namespace "site"): home, system status, the component gallery, the
preview of every kind of e-mail."""

from django.urls import path

from core.page_cache import public_page
from gencisi.views import emails, gallery, home, system

app_name = "site"

urlpatterns = [
    path("", public_page(home.home), name="home"),
    path("sistem/", system.SystemStatusView.as_view(), name="system_status"),
    path("sistem/calisan-testi/", system.WorkerCheckView.as_view(), name="worker_check"),
    path("sistem/isler/<int:job_id>/", system.JobStatusView.as_view(), name="system_status_job"),
    path("konsol/bilesenler/", gallery.ComponentGalleryView.as_view(), name="component_gallery"),
    path("konsol/e-posta-onizlemeleri/", emails.EmailPreviewsView.as_view(), name="email_previews"),
    path(
        "konsol/e-posta-onizlemeleri/<str:kind>/<str:language>/",
        emails.EmailPreviewHtmlView.as_view(),
        name="email_preview_html",
    ),
]
