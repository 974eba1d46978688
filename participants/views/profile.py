from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from participants import permissions, privacy
from participants.forms.profile import ParticipantProfileForm
from participants.models import ParticipantProfile
from participants.phone import format_phone
from participants.selectors.organizations import organizations_search
from participants.selectors.privacy import has_acknowledged_current_notice
from participants.services.organizations import organization_create
from participants.services.profiles import participant_profile_save


def _safe_next(request: HttpRequest) -> str | None:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


class ParticipantProfileView(RoleRequiredMixin, View):
    """The participant profile, asked for right after signup and before any registration."""

    role_test = permissions.can_register

    def _render(self, request: HttpRequest, form: ParticipantProfileForm) -> HttpResponse:
        selected = str(form["organization"].value() or "")
        organization = None
        if selected.isdecimal():  # what was typed or tampered with is only looked up if it can be
            organization = form.fields["organization"].queryset.filter(pk=selected).first()
        return render(
            request,
            "participants/profile.html",
            {
                "form": form,
                "selected_organization": organization,
                "privacy_template": privacy.notice_template(),
                "privacy_version": privacy.VERSION,
                "next": _safe_next(request) or "",
            },
        )

    def _needs_acknowledgement(self, request: HttpRequest) -> bool:
        return not has_acknowledged_current_notice(user=request.user)

    def get(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        profile = ParticipantProfile.objects.filter(user=user).first()
        initial = {"full_name": user.full_name, "language": user.language}
        if profile:
            initial |= {
                "organization": profile.organization_id,
                "title": profile.title,
                "phone": format_phone(profile.phone),
            }
        form = ParticipantProfileForm(
            initial=initial, needs_acknowledgement=self._needs_acknowledgement(request)
        )
        return self._render(request, form)

    def post(self, request: HttpRequest) -> HttpResponse:
        form = ParticipantProfileForm(
            request.POST, needs_acknowledgement=self._needs_acknowledgement(request)
        )
        if not form.is_valid():
            return self._render(request, form)
        data = form.cleaned_data
        organization = data["organization"] or organization_create(
            name=data["new_organization_name"],
            kind=data["new_organization_kind"],
            cooperative_kind=data["new_organization_cooperative_kind"],
            province=data["new_organization_province"],
            district=data["new_organization_district"],
            website=data["new_organization_website"],
        )
        participant_profile_save(
            user=request.user,
            full_name=data["full_name"],
            language=data["language"],
            organization=organization,
            title=data["title"].strip(),
            phone=data["phone"],
            privacy_acknowledged=bool(data.get("privacy_acknowledged")),
        )
        translation.activate(data["language"])
        messages.success(request, _("Your participant profile was saved."))
        response = redirect(_safe_next(request) or "participants:my_registrations")
        response.set_cookie("django_language", data["language"], samesite="Lax")
        return response


class OrganizationSearchView(View):
    """Search-as-you-type for organisations (htmx fragment); "izmir" finds "İzmir …". Open to
    visitors too: the one-step registration of a cohort page asks before there is an account
    (organisations are institutions, their names are no personal data)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        query = request.GET.get("organization_query", "")[:200]
        return render(
            request,
            "participants/includes/organization_results.html",
            {"organizations": organizations_search(query=query), "query": query.strip()},
        )
