from django.urls import path, re_path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.ProfileView.as_view(), name="profile"),
    # Before allauth's own (included after these): the same address, our view.
    re_path(
        r"^confirm-email/(?P<key>[-:\w]+)/$", views.ConfirmEmailView.as_view(), name="confirm_email"
    ),
]
