from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from accounts.permissions import is_coordinator, is_facilitator, is_participant


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Write each account e-mail in the recipient's own language."""
        user = context.get("user") or get_user_model().objects.filter(email__iexact=email).first()
        language = getattr(user, "language", None) or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)

    def get_login_redirect_url(self, request) -> str:
        """Where a person lands after logging in when no safe `next` says otherwise (allauth
        reads `next` first and keeps it only on this site)."""
        return landing_url(request.user) or super().get_login_redirect_url(request)

    def get_signup_redirect_url(self, request) -> str:
        """After signing up, i.e. when the e-mail confirmation link logs the person in."""
        return landing_url(request.user) or super().get_signup_redirect_url(request)


def landing_url(user) -> str | None:
    """The page each role starts from: coordinators the console, facilitators their cohorts,
    participants "Kayıtlarım" (which asks for the participant profile first while it is
    missing). URL names only: accounts does not import the apps above it."""
    if is_coordinator(user):
        return reverse("programs:console_dashboard")
    if is_facilitator(user):
        return reverse("programs:my_cohorts")
    if is_participant(user):
        return reverse("participants:my_registrations")
    return None
