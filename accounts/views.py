from allauth.account import views as allauth_views
from allauth.account.internal.flows.login import perform_login
from allauth.account.models import Login
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View

from accounts import permissions
from accounts.forms import ProfileForm
from accounts.roles import ROLE_LABELS


class ProfileView(LoginRequiredMixin, View):
    """The signed-in person's own account: name, language and roles."""

    def _render(self, request: HttpRequest, form: ProfileForm) -> HttpResponse:
        roles = [
            ROLE_LABELS[role]
            for role in permissions.role_names(request.user)
            if role in ROLE_LABELS
        ]
        return render(
            request,
            "accounts/profile.html",
            {
                "form": form,
                "role_labels": roles,
                "is_participant": permissions.is_participant(request.user),
            },
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request, ProfileForm(instance=request.user))

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ProfileForm(request.POST, instance=request.user)
        if not form.is_valid():
            return self._render(request, form)
        user = form.save()
        translation.activate(user.language)
        messages.success(request, _("Your account details were saved."))
        response = redirect("accounts:profile")
        response.set_cookie("django_language", user.language, samesite="Lax")
        return response


class ConfirmEmailView(allauth_views.ConfirmEmailView):
    """allauth's confirmation page (GET shows it, its button POSTs), plus: the first
    confirmation of an address logs its person in whichever browser opened the link, not only
    in the one that signed up (allauth logs in only where the sign-up is still in the session,
    so a link opened on the phone asked to log in again).

    Only the click that turns the address from unverified to verified logs in, once, like a
    password-reset link does: whoever holds the link holds the mailbox. A second click, or a
    link already used, logs nobody in (allauth's reason for being careful: a link that leaked
    into a log would otherwise open the account again and again). The page is not confirmed on
    GET (ACCOUNT_CONFIRM_EMAIL_ON_GET stays off): mail scanners that open every link (common in
    municipal Outlook accounts) would use up the one log-in and verify for the person."""

    def post(self, *args, **kwargs) -> HttpResponse:
        address = self.get_object().email_address
        first_confirmation = not address.verified
        response = super().post(*args, **kwargs)
        if self.request.user.is_authenticated or not first_confirmation:
            return response
        address.refresh_from_db()
        if not address.verified:
            return response
        return perform_login(self.request, Login(user=address.user, email=address.email))
