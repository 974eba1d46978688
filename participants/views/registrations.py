from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from core.page_cache import page_changes_at
from participants import extensions, permissions, privacy
from participants.forms.answers import RegistrationAnswersForm
from participants.forms.registrations import RegistrationForm
from participants.models import ParticipantProfile, Registration
from participants.selectors import registrations as selectors
from participants.selectors.calendar import calendar_feed_url
from participants.selectors.evaluations import survey_is_open
from participants.selectors.imports import invitation_pending
from participants.selectors.messages import messages_of_participant
from participants.selectors.privacy import consents_get
from participants.selectors.profiles import needs_participant_profile
from participants.services import registrations as services

# How many of a person's latest messages to cohorts "Kayıtlarım" shows (all: "Mesajlarım").
LATEST_MESSAGES = 3


def _outcome_message(request: HttpRequest, registration: Registration) -> None:
    """What `registration_create` gave (its registration carries the waiting-list place)."""
    if registration.status == Registration.Status.CONFIRMED:
        messages.success(request, _("Your registration is confirmed."))
    elif registration.status == Registration.Status.PENDING:
        messages.success(
            request,
            _("Your registration was received and is waiting for the coordinators' approval."),
        )
    else:
        messages.warning(
            request,
            _("The cohort is full: you are on the waiting list, position %(position)s.")
            % {"position": registration.position},  # as registration_create gave it
        )


class RegisterView(RoleRequiredMixin, View):
    """Register for a published cohort: summary, privacy notice, optional consents."""

    role_test = permissions.can_register

    def _cohort(self, cohort_pk: int):
        cohort = selectors.cohort_for_registration(cohort_pk=cohort_pk)
        if cohort is None:
            raise Http404
        return cohort

    def _form(self, request: HttpRequest, data=None) -> RegistrationForm:
        """The form; the privacy notice is asked for only when the person's acknowledgement of
        its current version is missing (kept in `self.acknowledgement` for the page, the
        consents read in `self.consents` for the registration)."""
        self.consents = consents_get(user=request.user)
        self.acknowledgement = self.consents.acknowledgement
        needs_acknowledgement = self.acknowledgement is None
        if data is not None:
            return RegistrationForm(data, needs_acknowledgement=needs_acknowledgement)
        return RegistrationForm(
            initial=self.consents.state, needs_acknowledgement=needs_acknowledgement
        )

    def _render(
        self, request, cohort, form, answers_form=None, *, registration=None, status=200
    ) -> HttpResponse:
        now = timezone.now()
        return render(
            request,
            "participants/register.html",
            {
                "cohort": cohort,
                "form": form,
                "answers_form": answers_form or RegistrationAnswersForm(cohort=cohort),
                "registration": registration,
                "not_open_yet": now < cohort.registration_opens_at,
                "is_open": cohort.registration_is_open,
                "privacy_template": privacy.notice_template(),
                "privacy_version": privacy.VERSION,
                "acknowledgement": self.acknowledgement,
            },
            status=status,
        )

    def _profile_redirect(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        messages.info(request, _("Please complete your participant profile before registering."))
        next_url = reverse("participants:register", kwargs={"cohort_pk": cohort_pk})
        return redirect(reverse("participants:profile") + "?" + urlencode({"next": next_url}))

    def get(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort = self._cohort(cohort_pk)
        registration = selectors.registration_of(cohort=cohort, participant=request.user)
        if registration is not None and registration.status == Registration.Status.CANCELLED:
            registration = None
        if (
            registration is None
            and cohort.registration_is_open
            and not ParticipantProfile.objects.filter(user=request.user).exists()
        ):
            return self._profile_redirect(request, cohort_pk)
        return self._render(request, cohort, self._form(request), registration=registration)

    def post(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        # What the registration needs; the page's own data only when the page is shown again.
        cohort = selectors.cohort_to_register(cohort_pk=cohort_pk)
        if cohort is None:
            raise Http404
        form = self._form(request, request.POST)
        answers_form = RegistrationAnswersForm(
            request.POST,
            cohort=cohort,
            questions=selectors.registration_questions_of(cohort=cohort),
        )
        if not all([form.is_valid(), answers_form.is_valid()]):
            return self._render(request, self._cohort(cohort_pk), form, answers_form)
        try:
            registration = services.registration_create(
                cohort=cohort,
                participant=request.user,
                privacy_acknowledged=form.cleaned_data.get("privacy_acknowledged", False),
                consents={
                    "share_contact": form.cleaned_data["share_contact"],
                    "photos": form.cleaned_data["photos"],
                },
                answers=answers_form.answers(),
                consents_read=self.consents,
            )
        except services.ProfileMissingError:
            return self._profile_redirect(request, cohort_pk)
        except services.AlreadyRegisteredError as error:
            messages.info(request, str(error.message))
            registration = selectors.registration_of(cohort=cohort, participant=request.user)
            return self._render(request, self._cohort(cohort_pk), form, registration=registration)
        except services.RegistrationError as error:
            form.add_error(None, str(error.message))
            return self._render(request, self._cohort(cohort_pk), form, answers_form)
        _outcome_message(request, registration)
        return redirect("participants:my_registrations")


class MyRegistrationsView(RoleRequiredMixin, View):
    """A participant's start page after logging in; while the participant profile is missing
    it is asked for first (saving it leads back here)."""

    role_test = permissions.can_view_own_registrations

    def get(self, request: HttpRequest) -> HttpResponse:
        facts = selectors.participant_start_facts(user=request.user)
        if facts.invitation_open and invitation_pending(user=request.user):
            # Imported, and came in another way than the invitation link (a new password by
            # "forgot password"): the privacy notice comes before anything else.
            messages.info(request, _("Please read the privacy notice first."))
            return redirect("participants:profile")
        if not facts.has_profile and needs_participant_profile(user=request.user):
            messages.info(request, _("Please complete your participant profile first."))
            return redirect("participants:profile")
        registrations = selectors.my_registrations(participant=request.user)
        page_changes_at(  # a survey's link appears when its last session ends
            request,
            min((r.survey_opening for r in registrations if r.survey_opening), default=None),
        )
        return render(
            request,
            "participants/my_registrations.html",
            {
                "registrations": registrations,
                "calendar_feed_url": (
                    calendar_feed_url(facts.calendar_token) if facts.calendar_token else ""
                ),
                "card_parts": [part.template for part in extensions.card_parts()],
                "has_profile": facts.has_profile,
                "latest_messages": list(
                    messages_of_participant(participant=request.user)[:LATEST_MESSAGES]
                ),
            },
        )


class RegistrationStatusView(RoleRequiredMixin, View):
    """The status badge of one's own registration; Kayıtlarım polls it with htmx so that a
    waiting-list position or an approval shows without a reload."""

    role_test = permissions.can_view_own_registrations

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        registration = selectors.registration_of_participant_with_position(
            participant=request.user, pk=pk
        )
        if registration is None:
            raise Http404
        if not request.headers.get("HX-Request"):  # opened directly: the page it belongs to
            return redirect("participants:my_registrations")
        return render(
            request, "participants/includes/live_status.html", {"registration": registration}
        )


class CancelOwnRegistrationView(RoleRequiredMixin, View):
    role_test = permissions.can_view_own_registrations

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        registration = selectors.registration_of_participant(participant=request.user, pk=pk)
        if registration is None:
            raise Http404
        if not permissions.can_cancel_own_registration(request.user, registration):
            messages.error(
                request,
                _("This cohort has already started; please contact the coordinators to cancel."),
            )
            return redirect("participants:my_registrations")
        try:
            services.registration_cancel(registration=registration, by=request.user)
        except services.RegistrationError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("Your registration was cancelled."))
        return redirect("participants:my_registrations")


def cohort_page_context(request: HttpRequest, cohort) -> dict:
    """What participants adds to the public cohort page (programs/extensions.py): the viewer's
    registration and whether their survey is open."""
    registration = (
        selectors.registration_of(cohort=cohort, participant=request.user)
        if request.user.is_authenticated
        else None
    )
    return {
        "my_registration": registration,
        "survey_open": registration is not None
        and registration.status == "confirmed"
        and survey_is_open(cohort=cohort),
    }
