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
