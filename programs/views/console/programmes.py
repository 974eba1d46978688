"""The console's dashboard, programmes, their objectives and modules."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from core.figure_cache import cached_body
from core.pagination import PAGE_PARAMETER, asks_only_for_a_page, page_of
from programs import selectors, services
from programs.forms.programmes import ModuleForm, ObjectiveForm, ProgramForm
from programs.models import Program
from programs.views.console.base import ConsoleView, or_404

DASHBOARD_COHORTS = 25  # a page of the dashboard's cohorts, the latest first


def _dashboard_context(request: HttpRequest) -> dict:
    page = page_of(request, selectors.console_cohorts(), per_page=DASHBOARD_COHORTS)
    return {
        "cohorts": page.object_list,
        "page": page,
        "pending_total": selectors.console_pending_total(),
        "programs": selectors.console_programs(),
    }


class DashboardView(ConsoleView):
    """The content is the same for every coordinator: rendered once per page number, language
    and day (cohorts finish by the date) until the data it counts changes
    (core/figure_cache.py). An address with any other parameter is rendered each time."""

    def get(self, request: HttpRequest) -> HttpResponse:
        key = None
        if asks_only_for_a_page(request):
            number = request.GET.get(PAGE_PARAMETER, "")
            key = f"dashboard:{get_language()}:{timezone.localdate()}:{number}"
        body = cached_body(
            key=key,
            template_name="programs/console/dashboard_body.html",
            context=lambda: _dashboard_context(request),
            request=request,
        )
        return render(request, "programs/console/dashboard.html", {"body": body})


class ProgramFormView(ConsoleView):
    """Create (no pk) or edit a programme."""

    def _render(self, request, form, program=None) -> HttpResponse:
        return render(
            request, "programs/console/program_form.html", {"form": form, "program": program}
        )

    def _program(self, pk):
        return or_404(selectors.console_program_get(pk=pk)) if pk else None

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        program = self._program(pk)
        return self._render(request, ProgramForm(instance=program), program)

    def post(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        program = self._program(pk)
        form = ProgramForm(request.POST, instance=program)
        if not form.is_valid():
            return self._render(request, form, program)
        program = services.program_save(program=form.save(commit=False))
        messages.success(request, _("The programme was saved."))
        return redirect("programs:console_program", pk=program.pk)


def _program_page(request: HttpRequest, program, objective_form) -> HttpResponse:
    return render(
        request,
        "programs/console/program_detail.html",
        {
            "program": program,
            "objective_form": objective_form,
            "published_cohort_count": _published_cohort_count(program),
        },
    )


def _published_cohort_count(program) -> int:
    """Needs the programme's cohorts prefetched (selectors.console_program_get)."""
    return sum(1 for cohort in program.cohorts.all() if cohort.is_published)


class ProgramDetailView(ConsoleView):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        program = or_404(selectors.console_program_get(pk=pk))
        return _program_page(request, program, ObjectiveForm())


class ProgramStatusView(ConsoleView):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        program = or_404(selectors.console_program_get(pk=pk))
        status = request.POST.get("status")
        if status == Program.Status.PUBLISHED:
            try:
                services.program_publish(program=program)
            except services.PublishError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("The programme is published."))
        elif status in {Program.Status.DRAFT, Program.Status.ARCHIVED}:
            services.program_set_status(program=program, status=status)
            hidden = _published_cohort_count(program)
            if hidden:
                messages.warning(
                    request,
                    ngettext(
                        "The programme is no longer public, and neither is its %(count)d "
                        "published cohort: it is hidden until the programme is published again.",
                        "The programme is no longer public, and neither are its %(count)d "
                        "published cohorts: they are hidden until the programme is published "
                        "again.",
                        hidden,
                    )
                    % {"count": hidden},
                )
            else:
                messages.success(request, _("The programme's status was changed."))
        return redirect("programs:console_program", pk=program.pk)


class ObjectiveCreateView(ConsoleView):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        program = or_404(selectors.console_program_get(pk=pk))
        form = ObjectiveForm(request.POST, program=program)
        if not form.is_valid():
            return _program_page(request, program, form)
        services.objective_add(program=program, **form.cleaned_data)
        messages.success(request, _("The objective was added."))
        return redirect(reverse("programs:console_program", kwargs={"pk": pk}) + "#hedefler")


class ObjectiveUpdateView(ConsoleView):
    def _render(self, request, form, objective) -> HttpResponse:
        return render(
            request,
            "programs/console/objective_form.html",
            {"form": form, "objective": objective, "program": objective.program},
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        objective = or_404(selectors.objective_get(pk=pk))
        return self._render(request, ObjectiveForm(instance=objective), objective)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        objective = or_404(selectors.objective_get(pk=pk))
        form = ObjectiveForm(request.POST, instance=objective)
        if not form.is_valid():
            return self._render(request, form, objective)
        form.save()
        messages.success(request, _("The objective was saved."))
        return redirect(
            reverse("programs:console_program", kwargs={"pk": objective.program_id}) + "#hedefler"
        )


class ObjectiveActionView(ConsoleView):
    """POST `action` = up / down / delete."""

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        objective = or_404(selectors.objective_get(pk=pk))
        action = request.POST.get("action")
        if action in {"up", "down"}:
            services.objective_move(objective=objective, up=action == "up")
        elif action == "delete":
            services.objective_delete(objective=objective)
            messages.success(request, _("The objective was deleted."))
        return redirect(
            reverse("programs:console_program", kwargs={"pk": objective.program_id}) + "#hedefler"
        )


class ModuleFormView(ConsoleView):
    """Create (program pk) or edit (module pk) a module."""

    def _context(self, program_pk, module_pk):
        if module_pk:
            module = or_404(selectors.module_get(pk=module_pk))
            return module.program, module
        return or_404(selectors.console_program_get(pk=program_pk)), None

    def _render(self, request, form, program, module) -> HttpResponse:
        return render(
            request,
            "programs/console/module_form.html",
            {"form": form, "program": program, "module": module},
        )

    def get(self, request: HttpRequest, program_pk=None, pk=None) -> HttpResponse:
        program, module = self._context(program_pk, pk)
        return self._render(request, ModuleForm(instance=module, program=program), program, module)

    def post(self, request: HttpRequest, program_pk=None, pk=None) -> HttpResponse:
        program, module = self._context(program_pk, pk)
        form = ModuleForm(request.POST, instance=module, program=program)
        if not form.is_valid():
            return self._render(request, form, program, module)
        instance = form.save(commit=False)
        instance.program = program
        services.module_save(module=instance, objectives=form.cleaned_data["objectives"])
        messages.success(request, _("The module was saved."))
        return redirect(
            reverse("programs:console_program", kwargs={"pk": program.pk}) + "#moduller"
        )


class ModuleActionView(ConsoleView):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        module = or_404(selectors.module_get(pk=pk))
        action = request.POST.get("action")
        if action in {"up", "down"}:
            services.module_move(module=module, up=action == "up")
        elif action == "delete":
            module.delete()
            messages.success(request, _("The module was deleted."))
        return redirect(
            reverse("programs:console_program", kwargs={"pk": module.program_id}) + "#moduller"
        )
