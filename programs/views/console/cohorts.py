"""The console's cohorts, their sessions and the quick schedule."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from programs import selectors, services
from programs.forms.cohorts import CohortForm, ScheduleForm, SessionForm
from programs.models import Cohort
from programs.views.console.base import ConsoleView, or_404


class CohortFormView(ConsoleView):
    """Create (program pk) or edit (cohort pk) a cohort."""

    def _context(self, program_pk, cohort_pk):
        if cohort_pk:
            cohort = or_404(selectors.cohort_summary_get(pk=cohort_pk))
            return cohort.program, cohort
        return or_404(selectors.console_program_get(pk=program_pk)), None

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
        cohort = or_404(selectors.cohort_get(pk=pk))
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
        cohort = or_404(selectors.cohort_summary_get(pk=pk))
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
        cohort = or_404(selectors.cohort_get(pk=pk))
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
            session = or_404(selectors.session_get(pk=session_pk))
            return session.cohort, session
        return or_404(selectors.cohort_summary_get(pk=cohort_pk)), None

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
        session = or_404(selectors.session_get(pk=pk))
        session.delete()
        messages.success(request, _("The session was deleted."))
        return redirect("programs:console_cohort", pk=session.cohort_id)
