import json

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from core.exports import as_download
from participants import permissions, privacy
from participants.forms.privacy import ConsentsForm, ErasureForm
from participants.models import ConsentRecord
from participants.selectors.privacy import consent_state, personal_data_export
from participants.services.consents import consents_update
from participants.services.privacy import personal_data_erase


def privacy_notice(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "participants/privacy_notice.html",
        {"privacy_template": privacy.notice_template(), "privacy_version": privacy.VERSION},
    )


class MyDataView(RoleRequiredMixin, View):
    """ "Kişisel verilerim": optional consents (revocable), download, erasure."""

    role_test = permissions.can_manage_own_data

    def _render(self, request, consents_form=None, erasure_form=None, status=200):
        state = consent_state(user=request.user)
        return render(
            request,
            "participants/my_data.html",
            {
                "consents_form": consents_form or ConsentsForm(initial=state),
                "erasure_form": erasure_form or ErasureForm(),
                "acknowledged": state[ConsentRecord.Kind.PRIVACY_NOTICE],
                "history": ConsentRecord.objects.filter(user=request.user)[:20],
            },
            status=status,
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return self._render(request)

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ConsentsForm(request.POST)
        if not form.is_valid():
            return self._render(request, consents_form=form)
        consents_update(user=request.user, choices=form.cleaned_data)
        messages.success(request, _("Your choices were saved."))
        return redirect("participants:my_data")


class MyDataExportView(RoleRequiredMixin, View):
    role_test = permissions.can_manage_own_data

    def get(self, request: HttpRequest) -> HttpResponse:
        data = personal_data_export(user=request.user)
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        stamp = timezone.localdate().isoformat()
        return as_download(response, filename=f"kisisel-verilerim-{stamp}.json")


class MyDataEraseView(RoleRequiredMixin, View):
    role_test = permissions.can_manage_own_data

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ErasureForm(request.POST)
        if not form.is_valid():
            view = MyDataView()
            return view._render(request, erasure_form=form)
        personal_data_erase(user=request.user)
        logout(request)
        messages.success(request, _("Your personal data was erased and your account was closed."))
        return redirect("site:home")
