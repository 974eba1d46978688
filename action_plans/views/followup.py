"""Step statuses and notes of a whole plan on one form: behind the signed link of a reminder
e-mail (no log-in; an expired or altered link changes nothing), and for logged-in editors."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from action_plans import permissions
from action_plans.followup import LinkExpiredError, LinkInvalidError, read_token
from action_plans.models import ActionStep
from action_plans.selectors import plans as selectors
from action_plans.services import plans as services
from action_plans.services.plans import PlanVersionConflictError
from action_plans.services.reminders import plan_owner_registrations
from action_plans.views.plans import conflict_message, plan_or_404

STATUSES = dict(ActionStep.Status.choices)
# A note as a form field checks it (length, no NUL character) with the usual Turkish messages.
NOTE_FIELD = forms.CharField(required=False, max_length=4000, strip=False)


def _invalid(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(
        request, "action_plans/followup/invalid.html", {"message": message}, status=status
    )


def _progress_page(
    request: HttpRequest,
    plan,
    *,
    values=None,
    errors=None,
    version=None,
    logged_in: bool = False,
) -> HttpResponse:
    """Every step with a status select and a note; `values` are typed values to keep, `errors`
    the messages of notes that cannot be saved (step id → messages)."""
    rows = []
    for step in plan.steps.all():
        status, note = (values or {}).get(step.pk, (step.status, step.note))
        rows.append(
            {"step": step, "status": status, "note": note, "errors": (errors or {}).get(step.pk)}
        )
    return render(
        request,
        "action_plans/followup/page.html",
        {
            "plan": plan,
            "rows": rows,
            "version": version or plan.version,
            "status_choices": ActionStep.Status.choices,
            "logged_in": logged_in,
        },
    )


def _save_progress(request: HttpRequest, plan, *, done_url: str, logged_in: bool = False):
    updates, errors = {}, {}
    for step in plan.steps.all():
        status = request.POST.get(f"status-{step.pk}", step.status)
        note = request.POST.get(f"note-{step.pk}", step.note)
        try:
            NOTE_FIELD.clean(note)
        except ValidationError as error:
            errors[step.pk] = error.messages
        updates[step.pk] = (status if status in STATUSES else step.status, note)
    version = request.POST.get("version", "")
    if errors or not version.isdecimal():
        return _progress_page(request, plan, values=updates, errors=errors, logged_in=logged_in)
    try:
        services.steps_progress_update(plan_id=plan.pk, version=int(version), updates=updates)
    except PlanVersionConflictError as conflict:
        messages.error(request, conflict_message())
        current = selectors.plan_get(plan_id=plan.pk)
        return _progress_page(
            request, current, values=updates, version=conflict.plan.version, logged_in=logged_in
        )
    messages.success(request, _("Thank you: the steps were saved."))
    return redirect(done_url)


class FollowupView(View):
    def _claim(self, request, token):
        """(plan, None) for a valid link, else (None, the response explaining why)."""
        try:
            claim = read_token(token)
        except LinkExpiredError:
            return None, _invalid(
                request,
                _(
                    "This link has expired. Log in and open the plan from “My action plans”, "
                    "or wait for the next reminder."
                ),
                410,
            )
        except LinkInvalidError:
            return None, _invalid(
                request,
                _("This link is not valid. Copy the whole address from the e-mail."),
                400,
            )
        plan = selectors.plan_get(plan_id=claim.plan_id)
        if plan is None or claim.registration_id not in {
            registration.pk for registration in plan_owner_registrations(plan)
        }:
            return None, _invalid(
                request, _("This link is not valid. Copy the whole address from the e-mail."), 400
            )
        return plan, None

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        plan, problem = self._claim(request, token)
        if problem:
            return problem
        return _save_progress(request, plan, done_url=request.path)

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        plan, problem = self._claim(request, token)
        if problem:
            return problem
        return _progress_page(request, plan)


class PlanProgressView(RoleRequiredMixin, View):
    """The same form for a logged-in editor: the way to update step notes once a plan is
    approved (and every status at once before)."""

    role_test = permissions.can_see_plans_area

    def _plan(self, request, plan_id: int):
        plan = plan_or_404(request, plan_id)
        if not permissions.can_update_step_progress(request.user, plan):
            raise Http404
        return plan

    def get(self, request: HttpRequest, plan_id: int) -> HttpResponse:
        return _progress_page(request, self._plan(request, plan_id), logged_in=True)

    def post(self, request: HttpRequest, plan_id: int) -> HttpResponse:
        plan = self._plan(request, plan_id)
        return _save_progress(
            request,
            plan,
            done_url=reverse("plans:plan_detail", kwargs={"plan_id": plan.pk}),
            logged_in=True,
        )
