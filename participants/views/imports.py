"""Importing participants into a cohort (coordinators): upload, the preview of every row,
confirm or discard, the progress of the background import; and the invited person's page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from core.exports import table_response
from core.numbers import format_count
from core.pagination import page_of
from participants import permissions, privacy
from participants.forms.imports import ImportUploadForm, InvitationForm
from participants.imports.checking import problem_messages
from participants.imports.columns import COLUMN_HELP, TEMPLATE_EXAMPLE
from participants.imports.invitations import invitation_user
from participants.imports.reading import megabytes
from participants.selectors import imports as selectors
from participants.services import imports as services
from participants.services.invitations import invitation_accept
from programs.selectors import cohort_summary_get

PREVIEW_PER_PAGE = 100


def _limits() -> dict:
    return {
        "mb": megabytes(settings.PARTICIPANT_IMPORT_MAX_BYTES),
        "rows": format_count(settings.PARTICIPANT_IMPORT_MAX_ROWS),
    }


class _ImportMixin(RoleRequiredMixin):
    role_test = permissions.can_import_participants

    def get_cohort(self, cohort_pk: int):
        cohort = cohort_summary_get(pk=cohort_pk)
        if cohort is None:
            raise Http404
        return cohort

    def get_batch(self, cohort, pk: int):
        batch = selectors.import_batch_get(cohort=cohort, pk=pk)
        if batch is None:
            raise Http404
        return batch


class ImportUploadView(_ImportMixin, View):
    def _render(self, request, cohort, form, status=200) -> HttpResponse:
        return render(
            request,
            "participants/imports/upload.html",
            {
                "cohort": cohort,
                "form": form,
                "columns": COLUMN_HELP,
                "recent": selectors.import_batches_recent(cohort=cohort),
                "cancelled": cohort.status == cohort.Status.CANCELLED,
            },
            status=status,
        )

    def get(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort = self.get_cohort(cohort_pk)
        return self._render(request, cohort, ImportUploadForm(limits=_limits()))

    def post(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort = self.get_cohort(cohort_pk)
        form = ImportUploadForm(request.POST, request.FILES, limits=_limits())
        if cohort.status == cohort.Status.CANCELLED:
            form.is_valid()
            form.add_error(None, _("This cohort was cancelled: nobody can be imported into it."))
            return self._render(request, cohort, form)
        if not form.is_valid():
            return self._render(request, cohort, form)
        batch = services.import_batch_create(
            cohort=cohort,
            table=form.cleaned_data["table"],
            filename=form.cleaned_data["file"].name or "",
            by=request.user,
        )
        return redirect("participants:import_batch", cohort_pk=cohort.pk, pk=batch.pk)


class ImportTemplateView(RoleRequiredMixin, View):
    """The template file: the header row the import understands and one example row."""

    role_test = permissions.can_import_participants

    def get(self, request: HttpRequest, fmt: str) -> HttpResponse:  # noqa: ARG002
        return table_response(
            fmt=fmt,
            filename_stem="katilimci-listesi-sablonu",
            sheet="Katılımcılar",
            headers=[header for header, _help in COLUMN_HELP],
            rows=[TEMPLATE_EXAMPLE],
        )


class ImportBatchView(_ImportMixin, View):
    """The preview of every row (before confirming), then the progress and the outcome."""

    def get(self, request: HttpRequest, cohort_pk: int, pk: int) -> HttpResponse:
        cohort = self.get_cohort(cohort_pk)
        batch = self.get_batch(cohort, pk)
        context = {"cohort": cohort, "batch": batch}
        if batch.is_preview:
            page = page_of(request, batch.rows, per_page=PREVIEW_PER_PAGE)
            context |= {
                "page": page,
                "rows": [(row, problem_messages(row)) for row in page.object_list],
                "summary": selectors.import_preview_summary(batch=batch),
            }
        return render(request, "participants/imports/batch.html", context)


class ImportConfirmView(_ImportMixin, View):
    def post(self, request: HttpRequest, cohort_pk: int, pk: int) -> HttpResponse:
        cohort = self.get_cohort(cohort_pk)
        batch = self.get_batch(cohort, pk)
        try:
            services.import_batch_confirm(batch=batch)
        except services.ImportBatchError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("The import has started. This page shows its progress."))
        return redirect("participants:import_batch", cohort_pk=cohort.pk, pk=batch.pk)


class ImportDiscardView(_ImportMixin, View):
    def post(self, request: HttpRequest, cohort_pk: int, pk: int) -> HttpResponse:
        cohort = self.get_cohort(cohort_pk)
        batch = self.get_batch(cohort, pk)
        try:
            services.import_batch_discard(batch=batch)
        except services.ImportBatchError as error:
            messages.error(request, str(error.message))
            return redirect("participants:import_batch", cohort_pk=cohort.pk, pk=batch.pk)
        messages.success(request, _("The upload was discarded; nothing was imported."))
        return redirect("participants:import_upload", cohort_pk=cohort.pk)


class ImportProgressView(_ImportMixin, View):
    """The progress bar (htmx polls it every two seconds until the import is done)."""

    def get(self, request: HttpRequest, cohort_pk: int, pk: int) -> HttpResponse:
        cohort = self.get_cohort(cohort_pk)
        batch = selectors.import_progress_get(cohort=cohort, pk=pk)
        if batch is None:
            raise Http404
        if not request.headers.get("HX-Request"):  # opened directly: the page it belongs to
            return redirect("participants:import_batch", cohort_pk=cohort.pk, pk=batch.pk)
        return render(
            request, "participants/imports/progress.html", {"cohort": cohort, "batch": batch}
        )


class InvitationView(View):
    """The link of an invitation e-mail: the privacy notice first, then a password; then the
    person is logged in and lands on "Kayıtlarım"."""

    def _render(self, request, user, form, status=200) -> HttpResponse:
        return render(
            request,
            "participants/imports/invitation.html",
            {
                "invited": user,
                "form": form,
                "privacy_template": privacy.notice_template(),
                "privacy_version": privacy.VERSION,
            },
            status=status,
        )

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        user = invitation_user(token)
        return self._render(request, user, InvitationForm(user) if user else None)

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        user = invitation_user(token)
        if user is None:
            return self._render(request, None, None)
        form = InvitationForm(user, request.POST)
        if not form.is_valid():
            return self._render(request, user, form)
        invitation_accept(user=user, password=form.cleaned_data["new_password1"])
        login(request, user, backend="accounts.backends.ModelBackend")
        messages.success(request, _("Welcome! Your password was saved."))
        return redirect("participants:my_registrations")
