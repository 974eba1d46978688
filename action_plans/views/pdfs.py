"""The PDFs of plans: one plan's, and those of a cohort's plans with their progress and ZIP."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views import View

from accounts.mixins import RoleRequiredMixin
from action_plans import permissions
from action_plans.models import PLAN_DOCUMENT_KIND
from action_plans.selectors import plans as selectors
from action_plans.services import plans as services
from action_plans.views.groups import staff_cohort_or_404
from action_plans.views.plans import (
    plan_or_404,
)
from documents.services import document_request


class CohortPlanPdfsView(RoleRequiredMixin, View):
    """Prepare the PDF of every plan of a cohort, then offer them as one ZIP."""

    role_test = permissions.can_see_plans_area

    def get(self, request: HttpRequest, cohort_id: int) -> HttpResponse:
        cohort = staff_cohort_or_404(request, cohort_id)
        template = (
            "action_plans/plans/includes/pdfs_progress.html"
            if request.headers.get("HX-Request")
            else "action_plans/plans/cohort_pdfs.html"
        )
        return render(
            request,
            template,
            {"cohort": cohort, "progress": selectors.cohort_plan_pdfs_progress(cohort=cohort)},
        )

    def post(self, request: HttpRequest, cohort_id: int) -> HttpResponse:
        cohort = staff_cohort_or_404(request, cohort_id)
        services.cohort_plan_pdfs_request(cohort=cohort, requested_by=request.user)
        return redirect("plans:cohort_plan_pdfs", cohort_id=cohort.pk)


class CohortPlansZipView(RoleRequiredMixin, View):
    role_test = permissions.can_see_plans_area

    def post(self, request: HttpRequest, cohort_id: int) -> HttpResponse:
        cohort = staff_cohort_or_404(request, cohort_id)
        document = services.cohort_plans_bundle_request(cohort=cohort, requested_by=request.user)
        return redirect("documents:download", document_id=document.pk)


class PlanPdfView(RoleRequiredMixin, View):
    """Ask for the plan's PDF: the worker renders it (or the current file is reused) and the
    document page shows it when it is ready."""

    role_test = permissions.can_see_plans_area

    def post(self, request: HttpRequest, plan_id: int) -> HttpResponse:
        plan = plan_or_404(request, plan_id)
        document = document_request(kind=PLAN_DOCUMENT_KIND, owner=plan, requested_by=request.user)
        return redirect("documents:download", document_id=document.pk)
