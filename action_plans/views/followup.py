"""The follow-up page behind the signed link of a reminder e-mail: no log-in, only this
plan's step statuses and notes; an expired or altered link changes nothing."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from action_plans.followup import LinkExpiredError, LinkInvalidError, read_token
from action_plans.models import ActionStep
from action_plans.selectors import plans as selectors
from action_plans.services import plans as services
from action_plans.services.plans import PlanVersionConflictError
from action_plans.services.reminders import plan_owner_registrations
from action_plans.views.plans import conflict_message

STATUSES = dict(ActionStep.Status.choices)


def _invalid(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(
        request, "action_plans/followup/invalid.html", {"message": message}, status=status
    )


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

    def _page(self, request, plan, *, values=None, version=None) -> HttpResponse:
        steps = list(plan.steps.all())
        rows = [
            {
                "step": step,
                "status": (values or {}).get(step.pk, (step.status, step.note))[0],
                "note": (values or {}).get(step.pk, (step.status, step.note))[1],
            }
            for step in steps
        ]
        return render(
            request,
            "action_plans/followup/page.html",
            {
                "plan": plan,
                "rows": rows,
                "version": version or plan.version,
                "status_choices": ActionStep.Status.choices,
            },
        )

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        plan, problem = self._claim(request, token)
        if problem:
            return problem
        return self._page(request, plan)

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        plan, problem = self._claim(request, token)
        if problem:
            return problem
        updates = {}
        for step in plan.steps.all():
            status = request.POST.get(f"status-{step.pk}", step.status)
            note = request.POST.get(f"note-{step.pk}", step.note)[:4000]
            updates[step.pk] = (status if status in STATUSES else step.status, note)
        version = request.POST.get("version", "")
        if not version.isdigit():
            return self._page(request, plan, values=updates)
        try:
            services.steps_progress_update(plan_id=plan.pk, version=int(version), updates=updates)
        except PlanVersionConflictError as conflict:
            messages.error(request, conflict_message())
            current = selectors.plan_get(plan_id=plan.pk)
            return self._page(request, current, values=updates, version=conflict.plan.version)
        messages.success(request, _("Thank you: the steps were saved."))
        return redirect("plans:followup", token=token)
