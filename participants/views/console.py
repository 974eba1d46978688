"""The coordinators' registration console (facilitators: their cohorts' lists, read-only)."""

from django.contrib import messages
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from accounts.permissions import is_coordinator
from core.dates import datetime_formatter
from core.pagination import PAGE_PARAMETER, is_page_number, page_of
from notifications import selectors as notification_selectors
from notifications.models import Notification
from notifications.services import notification_retry
from participants import exports, permissions
from participants.forms.organizations import OrganizationForm, OrganizationMergeForm
from participants.forms.registrations import BulkActionForm, RegistrationFilterForm
from participants.models import Organization, Registration
from participants.selectors import organizations as organization_selectors
from participants.selectors import registrations as selectors
from participants.selectors.answers import answers_attach
from participants.services import registrations as services
from participants.services import waitlist
from participants.services.organizations import organization_update, organizations_merge
from programs.permissions import can_see_sensitive_answers
from programs.selectors import cohort_questions, cohort_summary_get

STATUS_BADGE = "participants/includes/status_badge.html"


class CohortRegistrationsIndexView(RoleRequiredMixin, View):
    role_test = permissions.can_view_registrations_console

    def get(self, request: HttpRequest) -> HttpResponse:
        user = None if is_coordinator(request.user) else request.user
        page = page_of(request, selectors.cohorts_with_counts(user=user))
        return render(
            request,
            "participants/console/index.html",
            {"cohorts": page.object_list, "page": page},
        )


class _CohortMixin(RoleRequiredMixin):
    role_test = permissions.can_view_registrations_console
    cohort_test = staticmethod(permissions.can_view_cohort_registrations)

    def get_cohort(self, request: HttpRequest, cohort_pk: int):
        cohort = cohort_summary_get(pk=cohort_pk)
        if cohort is None or not type(self).cohort_test(request.user, cohort):
            raise Http404
        return cohort


def _questions(request: HttpRequest, cohort) -> list:
    """The cohort's registration questions the viewer may see the answers of (the sensitive
    ones: coordinators only)."""
    return cohort_questions(
        cohort=cohort, include_sensitive=can_see_sensitive_answers(request.user)
    )


def _filtered(
    request: HttpRequest, cohort, questions
) -> tuple[RegistrationFilterForm, QuerySet[Registration]]:
    """The filters' form and the filtered rows (a queryset: the caller pages it, reads the rows
    it shows with `registrations_for_table` and gives them their `answer_cells` with
    `answers_attach`)."""
    form = RegistrationFilterForm(request.GET or None, questions=questions)
    valid = form.is_valid()
    filters = form.cleaned_data if valid else {}
    province = filters.get("province")
    rows = selectors.cohort_registrations(
        cohort=cohort,
        status=filters.get("status", ""),
        organization_kind=filters.get("organization_kind", ""),
        province_id=province.pk if province else None,
        query=filters.get("q", ""),
        answer=form.answer_filter() if valid else None,
    )
    return form, rows


def _filters_query(form: RegistrationFilterForm) -> str:
    """The filters the list applies, encoded again from the form's cleaned values (none when
    the form is invalid, as the list then shows everyone): nothing typed or tampered with (NUL,
    CR/LF, unknown parameters) reaches a link or a `Location` header as it came."""
    if not form.is_valid():
        return ""
    return urlencode(
        {
            name: value.pk if isinstance(value, Model) else value
            for name, value in form.cleaned_data.items()
            if value
        }
    )


class CohortRegistrationsView(_CohortMixin, View):
    def get(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort = self.get_cohort(request, cohort_pk)
        questions = _questions(request, cohort)
        form, rows = _filtered(request, cohort, questions)
        page = page_of(request, rows)
        page.object_list = selectors.registrations_for_table(rows=page.object_list)
        answers_attach(page.object_list, questions=questions)
        registered_at = datetime_formatter("SHORT_DATETIME_FORMAT")  # the format looked up once
        badges = {}  # the status badge depends on the status and the waiting-list place only
        for registration in page.object_list:
            registration.registered_at_text = registered_at(registration.created_at)
            key = (registration.status, registration.position)
            if key not in badges:
                badges[key] = render_to_string(STATUS_BADGE, {"registration": registration})
            registration.status_badge = badges[key]
        counts = selectors.cohort_status_counts(cohort=cohort)
        return render(
            request,
            "participants/console/cohort_registrations.html",
            {
                "cohort": cohort,
                "filter_form": form,
                "registrations": page.object_list,
                "page": page,
                "page_number": page.number if page.number > 1 else "",
                "questions": questions,
                "status_counts": [
                    (value, label, counts[value]) for value, label in Registration.Status.choices
                ],
                "seats_taken": sum(counts[status] for status in Registration.SEAT_HOLDING),
                "bulk_form": BulkActionForm(auto_id="bulk-%s"),
                "kind_counts": selectors.cohort_kind_counts(cohort=cohort),
                "can_manage": permissions.can_manage_registrations(request.user),
                "query_string": _filters_query(form),
            },
        )


class _ManageMixin(_CohortMixin):
    role_test = permissions.can_manage_registrations

    def back(self, cohort_pk: int, request: HttpRequest) -> HttpResponse:
        """Back to the cohort's list with the filters it was showing (posted as `query_string`)."""
        url = reverse("participants:cohort_registrations", kwargs={"cohort_pk": cohort_pk})
        posted = QueryDict(request.POST.get("query_string", ""))
        cohort = self.get_cohort(request, cohort_pk)
        query = _filters_query(
            RegistrationFilterForm(posted, questions=_questions(request, cohort))
        )
        page = request.POST.get(PAGE_PARAMETER, "")
        if is_page_number(page):  # the page the action was taken on
            query = "&".join(filter(None, [query, urlencode({PAGE_PARAMETER: int(page)})]))
        return redirect(f"{url}?{query}" if query else url)


class BulkActionView(_ManageMixin, View):
    def post(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort = self.get_cohort(request, cohort_pk)
        form = BulkActionForm(request.POST)
        ids = [int(value) for value in request.POST.getlist("ids") if value.isdecimal()]
        if not form.is_valid() or not ids:
            messages.error(request, _("Select at least one registration and an action."))
            return self.back(cohort_pk, request)
        changed, skipped = services.registrations_bulk_update(
            cohort=cohort, ids=ids, action=form.cleaned_data["action"], by=request.user
        )
        messages.success(request, _("%(count)s registration(s) updated.") % {"count": changed})
        if skipped:
            messages.warning(
                request,
                _("%(count)s registration(s) were skipped: their status does not allow it.")
                % {"count": skipped},
            )
        return self.back(cohort_pk, request)


class _RegistrationActionView(_ManageMixin, View):
    def registration(self, request: HttpRequest, cohort_pk: int, pk: int):
        cohort = self.get_cohort(request, cohort_pk)
        registration = selectors.registration_in_cohort(cohort=cohort, pk=pk)
        if registration is None:
            raise Http404
        return registration


class PromoteView(_RegistrationActionView):
    def post(self, request: HttpRequest, cohort_pk: int, pk: int) -> HttpResponse:
        registration = self.registration(request, cohort_pk, pk)
        try:
            waitlist.registration_promote(registration=registration, by=request.user)
        except services.RegistrationError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("The registration was confirmed."))
        return self.back(cohort_pk, request)


class MoveView(_RegistrationActionView):
    def post(self, request: HttpRequest, cohort_pk: int, pk: int) -> HttpResponse:
        registration = self.registration(request, cohort_pk, pk)
        direction = "up" if request.POST.get("direction") == "up" else "down"
        try:
            waitlist.registration_move(
                registration=registration, direction=direction, by=request.user
            )
        except services.RegistrationError as error:
            messages.error(request, str(error.message))
        return self.back(cohort_pk, request)


class ExportView(_ManageMixin, View):
    def get(self, request: HttpRequest, cohort_pk: int, file_format: str) -> HttpResponse:
        if file_format not in {"csv", "xlsx"}:
            raise Http404
        cohort = self.get_cohort(request, cohort_pk)
        questions = _questions(request, cohort)
        _form, rows = _filtered(request, cohort, questions)
        rows = selectors.registrations_for_table(rows=rows)
        answers_attach(rows, questions=questions)
        return exports.registrations_table(
            cohort=cohort, registrations=rows, fmt=file_format, questions=questions
        )


class AuditLogView(_ManageMixin, View):
    def get(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort = self.get_cohort(request, cohort_pk)
        page = page_of(request, selectors.cohort_audit_entries(cohort=cohort))
        return render(
            request,
            "participants/console/audit_log.html",
            {"cohort": cohort, "entries": page.object_list, "page": page},
        )


class OrganizationListView(RoleRequiredMixin, View):
    role_test = permissions.can_merge_organizations

    def get(self, request: HttpRequest) -> HttpResponse:
        query = request.GET.get("q", "")[:100]
        page = page_of(request, organization_selectors.organizations_console(query=query))
        return render(
            request,
            "participants/console/organizations.html",
            {"organizations": page.object_list, "page": page, "query": query},
        )


class OrganizationEditView(RoleRequiredMixin, View):
    role_test = permissions.can_merge_organizations

    def _organization(self, pk: int) -> Organization:
        organization = Organization.objects.filter(pk=pk).first()
        if organization is None:
            raise Http404
        return organization

    def _render(self, request, form, organization) -> HttpResponse:
        return render(
            request,
            "participants/console/organization_form.html",
            {"form": form, "organization": organization},
        )

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        organization = self._organization(pk)
        return self._render(request, OrganizationForm(instance=organization), organization)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        organization = self._organization(pk)
        form = OrganizationForm(request.POST, instance=self._organization(pk))
        if not form.is_valid():
            return self._render(request, form, organization)
        organization_update(organization=organization, **form.cleaned_data)
        messages.success(request, _("The organisation was saved."))
        return redirect("participants:organizations")


class OrganizationMergeView(RoleRequiredMixin, View):
    role_test = permissions.can_merge_organizations

    def _form(self, data=None) -> OrganizationMergeForm:
        return OrganizationMergeForm(
            data, organizations=organization_selectors.organizations_for_merge()
        )

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(request, "participants/console/merge.html", {"form": self._form()})

    def post(self, request: HttpRequest) -> HttpResponse:
        form = self._form(request.POST)
        if not form.is_valid():
            return render(request, "participants/console/merge.html", {"form": form})
        duplicate, keep = form.cleaned_data["duplicate"], form.cleaned_data["keep"]
        name = duplicate.name
        moved = organizations_merge(duplicate=duplicate, keep=keep, by=request.user)
        messages.success(
            request,
            _("“%(duplicate)s” was merged into “%(keep)s”; %(count)s profile(s) moved.")
            % {"duplicate": name, "keep": keep.name, "count": moved},
        )
        return redirect("participants:organization_merge")


class FailedEmailsView(RoleRequiredMixin, View):
    role_test = permissions.can_manage_notifications

    def get(self, request: HttpRequest) -> HttpResponse:
        return render(
            request,
            "participants/console/failed_emails.html",
            {"notifications": notification_selectors.failed_notifications()[:200]},
        )


class RetryEmailView(RoleRequiredMixin, View):
    role_test = permissions.can_manage_notifications

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        notification = notification_selectors.notification_get(notification_id=pk)
        if notification is None:
            raise Http404
        notification = notification_retry(notification=notification)
        if notification.status == Notification.Status.SENT:
            messages.success(request, _("The e-mail was sent."))
        elif notification.status == Notification.Status.QUEUED:
            messages.success(request, _("The e-mail is queued again."))
        else:
            messages.error(
                request,
                _("The e-mail could not be sent: %(error)s") % {"error": notification.error},
            )
        return redirect("participants:failed_emails")
