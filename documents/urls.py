from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("<int:document_id>/", views.DocumentDownloadView.as_view(), name="download"),
    path("<int:document_id>/yeniden-dene/", views.DocumentRetryView.as_view(), name="retry"),
]
