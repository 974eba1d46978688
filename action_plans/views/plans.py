"""Action plans: my plans, a cohort's plans, the plan page and its workspace (its steps:
views/steps.py, its PDF: views/pdfs.py), edit forms that carry the plan's version, submit,
approve and return."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from accounts.permissions import is_coordinator
from action_plans import permissions
from action_plans.forms import PlanForm, ReviewForm, VersionForm
from action_plans.models import ActionStep
from action_plans.selectors import plans as selectors
from action_plans.services import plans as services
from action_plans.services.plans import PlanStateError, PlanVersionConflictError
from action_plans.views.groups import staff_cohort_or_404
from core.pagination import page_of

STAFF_COHORTS_PER_PAGE = 25


def conflict_message() -> str:
    return _(
        "Someone else changed this plan while you were editing it. What you typed is kept "
        "below; compare it with the current values and save again."
    )


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def plan_or_404(request: HttpRequest, plan_id: int):
    plan = selectors.plan_get(plan_id=plan_id)
    if plan is None or not permissions.can_view_plan(request.user, plan):
        raise Http404
    return plan


def plan_rights(user, plan) -> dict:
    return {
        "can_edit": permissions.can_edit_plan(user, plan),
        "can_update_progress": permissions.can_update_step_progress(user, plan),
        "can_submit": permissions.can_submit_plan(user, plan),
        "can_approve": permissions.can_approve_plan(user, plan),
        "is_reviewer": permissions.is_plan_reviewer(user, plan),
    }


def workspace_response(
    request: HttpRequest, plan, *, notice: str = "", notice_error: bool = False, review_form=None
):
    """The plan's steps and actions: the whole page, or (htmx) the part that is swapped."""
    context = {
        "plan": plan,
        "steps": list(plan.steps.all()),
        "status_choices": plan.steps.model.Status.choices,
        "review_form": review_form or ReviewForm(initial={"version": plan.version}),
        "notice": notice,
        "notice_error": notice_error,
        **plan_rights(request.user, plan),
    }
    template = (
        "action_plans/plans/includes/workspace.html"
        if is_htmx(request)
        else "action_plans/plans/detail.html"
    )
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


class MyPlansView(RoleRequiredMixin, View):
    """ "Eylem planlarım": own and group plans; for staff also the cohorts they run."""

    role_test = permissions.can_see_plans_area

    def get(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        coordinator = is_coordinator(user)
        staff_cohorts = page_of(
            request,
            selectors.staff_cohorts(user=user, coordinator=coordinator),
            per_page=STAFF_COHORTS_PER_PAGE,
        )
        return render(
            request,
            "action_plans/plans/my_plans.html",
            {
                "plans": list(selectors.my_plans(user=user)),
                "staff_cohorts": list(staff_cohorts.object_list),
                "page": staff_cohorts,
                "can_view_dashboard": permissions.can_view_impact_dashboard(user),
            },
        )


class CohortPlansView(RoleRequiredMixin, View):
    role_test = permissions.can_see_plans_area

    def get(self, request: HttpRequest, cohort_id: int) -> HttpResponse:
        cohort = staff_cohort_or_404(request, cohort_id)
        return render(
            request,
            "action_plans/plans/cohort_plans.html",
            {"cohort": cohort, "plans": list(selectors.cohort_plans(cohort=cohort))},
        )


class PlanDetailView(RoleRequiredMixin, View):
    role_test = permissions.can_see_plans_area

    def get(self, request: HttpRequest, plan_id: int) -> HttpResponse:
        return workspace_response(request, plan_or_404(request, plan_id))


class PlanEditView(RoleRequiredMixin, View):
    role_test = permissions.can_see_plans_area

    def _plan(self, request, plan_id):
        plan = plan_or_404(request, plan_id)
        if not permissions.can_edit_plan(request.user, plan):
            raise Http404
        return plan

    def _page(self, request, form, plan, current=None) -> HttpResponse:
        return render(
            request,
            "action_plans/plans/edit.html",
            {"form": form, "plan": plan, "current": current},
        )

    def get(self, request: HttpRequest, plan_id: int) -> HttpResponse:
        plan = self._plan(request, plan_id)
        form = PlanForm(instance=plan, initial={"version": plan.version})
        return self._page(request, form, plan)

    def post(self, request: HttpRequest, plan_id: int) -> HttpResponse:
        plan = self._plan(request, plan_id)
        form = PlanForm(request.POST, instance=selectors.plan_get(plan_id=plan.pk))
        if not form.is_valid():
            return self._page(request, form, plan)
        data = form.cleaned_data
        try:
            services.plan_update(
                plan_id=plan.pk,
                version=data["version"],
                fields={name: data[name] for name in services.PLAN_FIELDS},
                cooperatives=data["cooperatives"],
                sdgs=data["sdgs"],
            )
        except PlanVersionConflictError as conflict:
            return self._conflict(request, plan, conflict.plan.version)
        except (PlanStateError, ActionStep.DoesNotExist):
            raise Http404 from None
        messages.success(request, _("The plan was saved."))
        return redirect("plans:plan_detail", plan_id=plan.pk)

    def _conflict(self, request, plan, version: int) -> HttpResponse:
        data = request.POST.copy()
        data["version"] = str(version)
        current = selectors.plan_get(plan_id=plan.pk)
        form = PlanForm(data, instance=selectors.plan_get(plan_id=plan.pk))
        form.is_valid()
        messages.error(request, conflict_message())
        return self._page(request, form, current, current=current)


class WorkspaceActionView(RoleRequiredMixin, View):
    """A POST from the steps list: answered with the swapped list (htmx) or a redirect."""

    role_test = permissions.can_see_plans_area

    def _done(self, request, plan_id: int, *, notice: str = "", error: bool = False):
        if is_htmx(request):
            plan = selectors.plan_get(plan_id=plan_id)
            return workspace_response(request, plan, notice=notice, notice_error=error)
        if notice:
            (messages.error if error else messages.success)(request, notice)
        return redirect("plans:plan_detail", plan_id=plan_id)

    def _run(self, request, plan, action, *, success: str = "") -> HttpResponse:
        try:
            action()
        except PlanVersionConflictError:
            return self._done(request, plan.pk, notice=conflict_message(), error=True)
        except (PlanStateError, ActionStep.DoesNotExist):
            raise Http404 from None
        return self._done(request, plan.pk, notice=success)


class PlanSubmitView(WorkspaceActionView):
    def post(self, request: HttpRequest, plan_id: int) -> HttpResponse:
        plan = plan_or_404(request, plan_id)
        form = VersionForm(request.POST)
        if not permissions.can_submit_plan(request.user, plan) or not form.is_valid():
            raise Http404
        return self._run(
            request,
            plan,
            lambda: services.plan_submit(plan_id=plan.pk, version=form.cleaned_data["version"]),
            success=_("The plan was submitted for approval; you can approve it or return it now.")
            if permissions.is_plan_reviewer(request.user, plan)
            else _("The plan was submitted to the facilitator for approval."),
        )


class PlanReviewView(WorkspaceActionView):
    """Approve (decision=approve) or return with a comment (decision=return)."""

    def post(self, request: HttpRequest, plan_id: int) -> HttpResponse:
        plan = plan_or_404(request, plan_id)
        if not permissions.can_approve_plan(request.user, plan):
            raise Http404
        form = ReviewForm(request.POST)
        approve = request.POST.get("decision") == "approve"
        if form.is_valid() and not approve and not form.cleaned_data["comment"].strip():
            form.add_error("comment", _("Say what should change before returning the plan."))
        if not form.is_valid():
            return self._invalid_review(request, plan, form)
        data = form.cleaned_data
        return self._run(
            request,
            plan,
            lambda: services.plan_review(
                plan_id=plan.pk,
                version=data["version"],
                actor=request.user,
                approve=approve,
                comment=data["comment"].strip(),
            ),
            success=_("The plan was approved.") if approve else _("The plan was returned."),
        )

    def _invalid_review(self, request, plan, form) -> HttpResponse:
        return workspace_response(request, plan, review_form=form)
