"""One-step registration from a cohort page, for a newcomer on a phone: one form creates the
account and asks for the registration; the e-mail link confirms the address and registers
(participants/receivers.py), so seats go in the order people confirm and an address nobody
confirms never holds one.

It answers exactly as the sign-up does (allauth's flows): a new address and a taken one get the
same "check your e-mail" page, and the owner of a taken one gets allauth's "you already have an
account" e-mail; the sign-up's rate limit per address applies."""

from allauth.account.internal import flows
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.decorators import rate_limit
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from participants import privacy
from participants.forms.quick import (
    ProfilePartForm,
    registration_step_forms,
    registration_step_values,
    signup_form,
)
from participants.selectors.registrations import cohort_for_registration
from participants.services.registration_requests import registration_request_create


@method_decorator(rate_limit(action="signup"), name="dispatch")
@method_decorator(sensitive_post_parameters("password1"), name="dispatch")
@method_decorator(never_cache, name="dispatch")
class QuickRegisterView(View):
    template_name = "participants/quick_register.html"

    def dispatch(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        if request.user.is_authenticated:  # they have an account: the registration step
            return redirect("participants:register", cohort_pk=cohort_pk)
        cohort = cohort_for_registration(cohort_pk=cohort_pk)
        if cohort is None:
            raise Http404
        return super().dispatch(request, cohort=cohort)

    def _render(self, request, cohort, signup, organisation, steps) -> HttpResponse:
        selected = str(organisation["organization"].value() or "")
        return render(
            request,
            self.template_name,
            {
                "cohort": cohort,
                "is_open": cohort.registration_is_open,
                "form": signup,
                "organisation_form": organisation,
                "selected_organization": organisation.fields["organization"]
                .queryset.filter(pk=selected)
                .first()
                if selected.isdecimal()
                else None,
                "step_forms": steps.values(),
                "registration_form": steps["registration"],
                "privacy_template": privacy.notice_template(),
                "privacy_version": privacy.VERSION,
            },
        )

    def get(self, request: HttpRequest, cohort) -> HttpResponse:
        return self._render(
            request,
            cohort,
            signup_form(),
            ProfilePartForm(),
            registration_step_forms(cohort=cohort),
        )

    def post(self, request: HttpRequest, cohort) -> HttpResponse:
        signup = signup_form(request.POST)
        organisation = ProfilePartForm(request.POST)
        steps = registration_step_forms(cohort=cohort, data=request.POST)
        valid = [form.is_valid() for form in (signup, organisation, *steps.values())]
        if not cohort.registration_is_open or not all(valid):
            return self._render(request, cohort, signup, organisation, steps)
        with transaction.atomic():
            user, response = signup.try_save(request)
            if response is not None:  # a taken address: its owner is told by e-mail
                return response
            registration_request_create(
                user=user,
                cohort=cohort,
                profile=organisation.profile_values(),
                registration_values=registration_step_values(steps),
            )
            try:  # sends the confirmation e-mail; the account stays, as allauth's sign-up
                return flows.signup.complete_signup(
                    request, user=user, redirect_url=reverse("participants:my_registrations")
                )
            except ImmediateHttpResponse as immediate:
                return immediate.response
