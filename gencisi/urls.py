from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("gencisi.site_urls")),
    path("", include("programs.urls")),
    path("", include("participants.urls")),
    path("hesap/", include("accounts.urls")),
    path("hesap/", include("allauth.urls")),
    path("yasal-dayanaklar/", include("library.urls")),
    path("eylem-planlari/", include("action_plans.urls")),
    path("dil/", set_language, name="set_language"),
    path("belgeler/", include("documents.urls")),
    path("sertifika/", include("certificates.urls")),
    path("yonetim/", admin.site.urls),
]
