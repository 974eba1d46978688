from django.urls import path

from core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("sistem/", views.SystemStatusView.as_view(), name="system_status"),
    path("sistem/calisan-testi/", views.WorkerCheckView.as_view(), name="worker_check"),
    path("sistem/isler/<int:job_id>/", views.JobStatusView.as_view(), name="system_status_job"),
    path("konsol/bilesenler/", views.ComponentGalleryView.as_view(), name="component_gallery"),
]
