"""The system status page: coordinators check that the background worker consumes jobs (the
job and its check live in core: BackgroundJob, core.services.worker_check_request)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts import permissions
from accounts.mixins import RoleRequiredMixin
from core import selectors, services


class SystemStatusView(RoleRequiredMixin, View):
    """Coordinators check that the background worker is consuming jobs."""

    role_test = permissions.can_check_worker

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "gencisi/system_status.html",
            {"jobs": selectors.recent_background_jobs()},
        )


class WorkerCheckView(RoleRequiredMixin, View):
    role_test = permissions.can_check_worker

    def post(self, request: HttpRequest) -> HttpResponse:
        job = services.worker_check_request(requested_by=request.user)
        messages.info(request, _("A test job was sent to the background worker."))
        return redirect("site:system_status_job", job_id=job.pk)


class JobStatusView(RoleRequiredMixin, View):
    """The status of one job; htmx polls the fragment until the job has finished."""

    role_test = permissions.can_check_worker

    def get(self, request: HttpRequest, job_id: int) -> HttpResponse:
        job = selectors.background_job_get(job_id=job_id)
        if job is None:
            raise Http404
        if request.headers.get("HX-Request"):
            return render(request, "gencisi/includes/job_status.html", {"job": job})
        return render(
            request,
            "gencisi/system_status.html",
            {"job": job, "jobs": selectors.recent_background_jobs()},
        )
