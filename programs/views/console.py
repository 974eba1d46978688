"""The coordinator console: the whole training calendar without the Django admin."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from accounts.mixins import RoleRequiredMixin
from programs import permissions, selectors, services
from programs.forms import (
    CohortForm,
    GoodPracticeForm,
    ModuleForm,
    ObjectiveForm,
    ProgramForm,
    ScheduleForm,
    SessionForm,
)
from programs.models import Cohort, Program


class ConsoleView(RoleRequiredMixin, View):
    role_test = permissions.can_manage_programs


def _or_404(obj):
    if obj is None:
        raise Http404
    return obj


class DashboardView(ConsoleView):
    def get(self, request: HttpRequest) -> HttpResponse:
        cohorts = list(selectors.console_cohorts())
        return render(
            request,
            "programs/console/dashboard.html",
            {
                "cohorts": cohorts,
                "pending_total": sum(cohort.pending_count for cohort in cohorts),
                "programs": selectors.console_programs(),
            },
        )


class ProgramFormView(ConsoleView):
    """Create (no pk) or edit a programme."""

    def _render(self, request, form, program=None) -> HttpResponse:
        return render(
            request, "programs/console/program_form.html", {"form": form, "program": program}
        )

    def _program(self, pk):
        return _or_404(selectors.console_program_get(pk=pk)) if pk else None

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
        program = _or_404(selectors.console_program_get(pk=pk))
        return _program_page(request, program, ObjectiveForm())


class ProgramStatusView(ConsoleView):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        program = _or_404(selectors.console_program_get(pk=pk))
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
        program = _or_404(selectors.console_program_get(pk=pk))
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
        objective = _or_404(selectors.objective_get(pk=pk))
        return self._render(request, ObjectiveForm(instance=objective), objective)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        objective = _or_404(selectors.objective_get(pk=pk))
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
        objective = _or_404(selectors.objective_get(pk=pk))
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
            module = _or_404(selectors.module_get(pk=module_pk))
            return module.program, module
        return _or_404(selectors.console_program_get(pk=program_pk)), None

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
        module = _or_404(selectors.module_get(pk=pk))
        action = request.POST.get("action")
        if action in {"up", "down"}:
            services.module_move(module=module, up=action == "up")
        elif action == "delete":
            module.delete()
            messages.success(request, _("The module was deleted."))
        return redirect(
            reverse("programs:console_program", kwargs={"pk": module.program_id}) + "#moduller"
        )


class CohortFormView(ConsoleView):
    """Create (program pk) or edit (cohort pk) a cohort."""

    def _context(self, program_pk, cohort_pk):
        if cohort_pk:
            cohort = _or_404(selectors.cohort_summary_get(pk=cohort_pk))
            return cohort.program, cohort
        return _or_404(selectors.console_program_get(pk=program_pk)), None

    def _render(self, request, form, program, cohort) -> HttpResponse:
        return render(
            request,
            "programs/console/cohort_form.html",
            {"form": form, "program": program, "cohort": cohort},
        )

    def get(self, request: HttpRequest, program_pk=None, pk=None) -> HttpResponse:
        program, cohort = self._context(program_pk, pk)
        return self._render(request, CohortForm(instance=cohort), program, cohort)

    def post(self, request: HttpRequest, program_pk=None, pk=None) -> HttpResponse:
        program, cohort = self._context(program_pk, pk)
        form = CohortForm(request.POST, instance=cohort)
        if not form.is_valid():
            return self._render(request, form, program, cohort)
        instance = form.save(commit=False)
        instance.program = program
        instance = services.cohort_save(
            cohort=instance, facilitators=form.cleaned_data["facilitators"], by=request.user
        )
        messages.success(request, _("The cohort was saved."))
        return redirect("programs:console_cohort", pk=instance.pk)


class CohortDetailView(ConsoleView):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        cohort = _or_404(selectors.cohort_get(pk=pk))
        return self.render_page(request, cohort, ScheduleForm(cohort=cohort))

    @staticmethod
    def render_page(request, cohort, schedule_form) -> HttpResponse:
        return render(
            request,
            "programs/console/cohort_detail.html",
            {
                "cohort": cohort,
                "program": cohort.program,
                "days": selectors.sessions_by_day(cohort.sessions.all()),
                "schedule_form": schedule_form,
            },
        )


class CohortStatusView(ConsoleView):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        cohort = _or_404(selectors.cohort_summary_get(pk=pk))
        status = request.POST.get("status")
        if status == Cohort.Status.CANCELLED and cohort.status != status:
            count = services.cohort_cancel(cohort=cohort, by=request.user)
            messages.success(
                request,
                ngettext(
                    "The cohort was cancelled; %(count)d registration was cancelled and its "
                    "participant told by e-mail.",
                    "The cohort was cancelled; %(count)d registrations were cancelled and their "
                    "participants told by e-mail.",
                    count,
                )
                % {"count": count},
            )
        elif status in Cohort.Status.values:
            services.cohort_set_status(cohort=cohort, status=status)
            if cohort.is_hidden_by_program:
                messages.warning(
                    request,
                    _(
                        "The cohort is published, but it stays hidden from the public until "
                        "its programme is published."
                    ),
                )
            else:
                messages.success(request, _("The cohort's status was changed."))
        return redirect("programs:console_cohort", pk=cohort.pk)


class ScheduleCreateView(ConsoleView):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        cohort = _or_404(selectors.cohort_get(pk=pk))
        form = ScheduleForm(request.POST, cohort=cohort)
        if not form.is_valid():
            return CohortDetailView.render_page(request, cohort, form)
        created = services.sessions_bulk_create(cohort=cohort, **form.cleaned_data)
        messages.success(request, _("%(count)d sessions were added.") % {"count": len(created)})
        return redirect("programs:console_cohort", pk=cohort.pk)


class SessionFormView(ConsoleView):
    """Create (cohort pk) or edit (session pk) a session."""

    def _context(self, cohort_pk, session_pk):
        if session_pk:
            session = _or_404(selectors.session_get(pk=session_pk))
            return session.cohort, session
        return _or_404(selectors.cohort_summary_get(pk=cohort_pk)), None

    def _render(self, request, form, cohort, session) -> HttpResponse:
        return render(
            request,
            "programs/console/session_form.html",
            {"form": form, "cohort": cohort, "program": cohort.program, "session": session},
        )

    def get(self, request: HttpRequest, cohort_pk=None, pk=None) -> HttpResponse:
        cohort, session = self._context(cohort_pk, pk)
        return self._render(request, SessionForm(instance=session, cohort=cohort), cohort, session)

    def post(self, request: HttpRequest, cohort_pk=None, pk=None) -> HttpResponse:
        cohort, session = self._context(cohort_pk, pk)
        form = SessionForm(request.POST, instance=session, cohort=cohort)
        if not form.is_valid():
            return self._render(request, form, cohort, session)
        form.save()
        messages.success(request, _("The session was saved."))
        return redirect("programs:console_cohort", pk=cohort.pk)


class SessionDeleteView(ConsoleView):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        session = _or_404(selectors.session_get(pk=pk))
        session.delete()
        messages.success(request, _("The session was deleted."))
        return redirect("programs:console_cohort", pk=session.cohort_id)


class GoodPracticeListView(ConsoleView):
    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "programs/console/good_practice_list.html",
            {"practices": selectors.console_good_practices()},
        )


class GoodPracticeFormView(ConsoleView):
    def _practice(self, pk):
        return _or_404(selectors.good_practice_get(pk=pk)) if pk else None

    def _render(self, request, form, practice) -> HttpResponse:
        return render(
            request,
            "programs/console/good_practice_form.html",
            {"form": form, "practice": practice},
        )

    def get(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        practice = self._practice(pk)
        return self._render(request, GoodPracticeForm(instance=practice), practice)

    def post(self, request: HttpRequest, pk: int | None = None) -> HttpResponse:
        practice = self._practice(pk)
        form = GoodPracticeForm(request.POST, instance=practice)
        if not form.is_valid():
            return self._render(request, form, practice)
        services.good_practice_save(
            practice=form.save(commit=False),
            modules=form.cleaned_data["modules"],
            collaboration_types=form.cleaned_data["collaboration_types"],
        )
        messages.success(request, _("The good practice was saved."))
        return redirect("programs:console_good_practices")


class GoodPracticeDeleteView(ConsoleView):
    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        practice = _or_404(selectors.good_practice_get(pk=pk))
        practice.delete()
        messages.success(request, _("The good practice was deleted."))
        return redirect("programs:console_good_practices")
