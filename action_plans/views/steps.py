"""The steps of a plan: add, edit, delete, reorder, and their status (htmx swaps the plan's
workspace; plain POSTs without JavaScript)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from action_plans import permissions
from action_plans.forms import StepForm, StepStatusForm, VersionForm
from action_plans.models import ActionStep
from action_plans.selectors import plans as selectors
from action_plans.services import plans as services
from action_plans.services.plans import PlanStateError, PlanVersionConflictError
from action_plans.views.plans import (
    WorkspaceActionView,
    conflict_message,
    plan_or_404,
)


def _step_or_404(request: HttpRequest, step_id: int):
    step = selectors.step_get(step_id=step_id)
    if step is None:
        raise Http404
    return step, plan_or_404(request, step.plan_id)


class _StepFormView(RoleRequiredMixin, View):
    role_test = permissions.can_see_plans_area

    def _page(self, request, form, plan, step=None, current=None) -> HttpResponse:
        return render(
            request,
            "action_plans/plans/step_form.html",
            {"form": form, "plan": plan, "step": step, "current": current},
        )

    def _editable(self, request, plan):
        if not permissions.can_edit_plan(request.user, plan):
            raise Http404
        return plan

    def _conflict(self, request, plan, step, version: int) -> HttpResponse:
        data = request.POST.copy()
        data["version"] = str(version)
        current_plan = selectors.plan_get(plan_id=plan.pk)
        current = None
        if step is not None:
            current = next((item for item in current_plan.steps.all() if item.pk == step.pk), None)
        form = StepForm(data)
        form.is_valid()
        messages.error(request, conflict_message())
        return self._page(request, form, current_plan, step, current=current)


class StepCreateView(_StepFormView):
    def get(self, request: HttpRequest, plan_id: int) -> HttpResponse:
        plan = self._editable(request, plan_or_404(request, plan_id))
        return self._page(request, StepForm(initial={"version": plan.version}), plan)

    def post(self, request: HttpRequest, plan_id: int) -> HttpResponse:
        plan = self._editable(request, plan_or_404(request, plan_id))
        form = StepForm(request.POST)
        if not form.is_valid():
            return self._page(request, form, plan)
        data = form.cleaned_data
        try:
            step = services.step_create(
                plan_id=plan.pk,
                version=data["version"],
                fields=data,
                references=data["references"],
            )
        except PlanVersionConflictError as conflict:
            return self._conflict(request, plan, None, conflict.plan.version)
        except (PlanStateError, ActionStep.DoesNotExist):
            raise Http404 from None
        messages.success(request, _("The step was added at the end."))
        return redirect(
            reverse("plans:plan_detail", kwargs={"plan_id": plan.pk}) + f"#adim-{step.pk}"
        )


class StepEditView(_StepFormView):
    def get(self, request: HttpRequest, step_id: int) -> HttpResponse:
        step, plan = _step_or_404(request, step_id)
        self._editable(request, plan)
        form = StepForm(instance=step, initial={"version": plan.version})
        return self._page(request, form, plan, step)

    def post(self, request: HttpRequest, step_id: int) -> HttpResponse:
        step, plan = _step_or_404(request, step_id)
        self._editable(request, plan)
        form = StepForm(request.POST, instance=step)
        if not form.is_valid():
            return self._page(request, form, plan, step)
        data = form.cleaned_data
        try:
            services.step_update(
                step_id=step.pk,
                version=data["version"],
                fields=data,
                references=data["references"],
            )
        except PlanVersionConflictError as conflict:
            return self._conflict(request, plan, step, conflict.plan.version)
        except (PlanStateError, ActionStep.DoesNotExist):
            raise Http404 from None
        messages.success(request, _("The step was saved."))
        return redirect(
            reverse("plans:plan_detail", kwargs={"plan_id": plan.pk}) + f"#adim-{step.pk}"
        )


class StepDeleteView(WorkspaceActionView):
    def post(self, request: HttpRequest, step_id: int) -> HttpResponse:
        step, plan = _step_or_404(request, step_id)
        form = VersionForm(request.POST)
        if not permissions.can_edit_plan(request.user, plan) or not form.is_valid():
            raise Http404
        return self._run(
            request,
            plan,
            lambda: services.step_delete(step_id=step.pk, version=form.cleaned_data["version"]),
            success=_("The step was deleted."),
        )


class StepMoveView(WorkspaceActionView):
    def post(self, request: HttpRequest, step_id: int) -> HttpResponse:
        step, plan = _step_or_404(request, step_id)
        form = VersionForm(request.POST)
        direction = request.POST.get("direction")
        if not permissions.can_edit_plan(request.user, plan):
            raise Http404
        if not form.is_valid() or direction not in {"up", "down"}:
            return self._done(request, plan.pk)
        return self._run(
            request,
            plan,
            lambda: services.step_move(
                step_id=step.pk, version=form.cleaned_data["version"], direction=direction
            ),
        )


class StepStatusView(WorkspaceActionView):
    def post(self, request: HttpRequest, step_id: int) -> HttpResponse:
        step, plan = _step_or_404(request, step_id)
        if not permissions.can_update_step_progress(request.user, plan):
            raise Http404
        form = StepStatusForm(request.POST)
        if not form.is_valid():
            return self._done(request, plan.pk)
        data = form.cleaned_data
        return self._run(
            request,
            plan,
            lambda: services.steps_progress_update(
                plan_id=plan.pk, version=data["version"], updates={step.pk: (data["status"], None)}
            ),
            success=_("The status of the step was saved."),
        )
