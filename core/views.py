from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts import permissions
from accounts.mixins import RoleRequiredMixin
from core import selectors, services
from core.gallery import gallery_context
from programs import selectors as program_selectors

HOME_LIST_SIZE = 6


def home(request: HttpRequest) -> HttpResponse:
    """One published programme: the home page presents it (objectives, modules, cohorts).
    Several: the open cohorts of all of them, the soonest first, and the programmes, each list
    cut at HOME_LIST_SIZE with a link to its full, paginated page."""
    programs = Paginator(program_selectors.published_programs(), HOME_LIST_SIZE)
    if programs.count == 1:
        context = {"program": program_selectors.featured_program()}
    elif programs.count > 1:
        context = {
            "programs": programs.page(1),
            "cohorts": Paginator(program_selectors.upcoming_cohorts_qs(), HOME_LIST_SIZE).page(1),
        }
    else:
        context = {}
    return render(request, "core/home.html", context)


class SystemStatusView(RoleRequiredMixin, View):
    """Coordinators check that the background worker is consuming jobs."""

    role_test = permissions.can_check_worker

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "core/system_status.html",
            {"jobs": selectors.recent_background_jobs()},
        )


class WorkerCheckView(RoleRequiredMixin, View):
    role_test = permissions.can_check_worker

    def post(self, request: HttpRequest) -> HttpResponse:
        job = services.worker_check_request(requested_by=request.user)
        messages.info(request, _("A test job was sent to the background worker."))
        return redirect("core:system_status_job", job_id=job.pk)


class JobStatusView(RoleRequiredMixin, View):
    """The status of one job; htmx polls the fragment until the job has finished."""

    role_test = permissions.can_check_worker

    def get(self, request: HttpRequest, job_id: int) -> HttpResponse:
        job = selectors.background_job_get(job_id=job_id)
        if job is None:
            raise Http404
        if request.headers.get("HX-Request"):
            return render(request, "core/includes/job_status.html", {"job": job})
        return render(
            request,
            "core/system_status.html",
            {"job": job, "jobs": selectors.recent_background_jobs()},
        )


class ComponentGalleryView(RoleRequiredMixin, View):
    """Every component of the site in every state, drawn with the site's own includes."""

    role_test = permissions.can_use_console

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "core/gallery.html", gallery_context())
