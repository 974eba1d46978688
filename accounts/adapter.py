from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.core.ratelimit import respond_429
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import get_random_string

from accounts import emails
from accounts.permissions import is_coordinator, is_facilitator, is_participant
from core.http import client_ip


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Every account e-mail is queued as one of ours (accounts/emails.py): our texts, the
        one layout, sent by the workers, in the recipient's own language (an address without
        an account: the language of the page that asked for it)."""
        user = context.get("user") or get_user_model().objects.filter(email__iexact=email).first()
        emails.send(
            template_prefix=template_prefix,
            recipient=user,
            address=email,
            language=getattr(user, "language", None) or translation.get_language(),
            context=context,
        )

    def send_account_already_exists_mail(self, email: str) -> None:
        """Sign-up with a taken address: besides the e-mail to its owner, hash a password as
        creating an account would, so the answer does not come back faster."""
        make_password(get_random_string(20))
        super().send_account_already_exists_mail(email)

    def get_client_ip(self, request) -> str:
        """The address of allauth's per-address limits: the same as ours."""
        address = client_ip(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def pre_authenticate(self, request, **credentials) -> None:
        """Too many failed logins: a 429 page (allauth only puts an error on the form)."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            raise ImmediateHttpResponse(respond_429(request)) from None

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
