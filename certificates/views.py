"""Certificates: the coordinator's page per cohort (eligibility, bulk issue with progress,
revoke, ZIP) and the public verification page."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from certificates import exports, permissions, selectors, services
from certificates.codes import normalise_code, verify_page_key
from certificates.forms import CertificateRevokeForm, CertificateVerifyForm
from certificates.kinds import CERTIFICATE_BUNDLE_KIND
from core.links import url_for_each
from core.page_cache import object_page
from core.pagination import page_of
from core.ratelimit import rate_limit_consume
from documents.selectors import document_current
from participants.selectors.attendance import cohort_attendance_overview
from programs.selectors import cohort_summary_get

VERIFY_RATE = "30/m/ip"  # lookups per address in any 60 seconds
CERTIFICATES_FINISHED_EVENT = "certificates-finished"


class _CohortMixin(RoleRequiredMixin):
    role_test = permissions.can_manage_certificates

    def get_cohort(self, cohort_pk: int):
        cohort = cohort_summary_get(pk=cohort_pk)
        if cohort is None:
            raise Http404
        return cohort


class _CohortViewerMixin(LoginRequiredMixin):
    """Pages a cohort's facilitators may read too; anyone else gets 404."""

    def get_cohort(self, request: HttpRequest, cohort_pk: int):
        cohort = cohort_summary_get(pk=cohort_pk)
        if cohort is None or not permissions.can_view_cohort_certificates(request.user, cohort):
            raise Http404
        return cohort


@dataclass(frozen=True)
class _RowLinks:
    download: str  # the certificate's PDF, when it is ready
    revoke: str


def _row_links(cohort, rows: list[selectors.EligibilityRow]) -> list[_RowLinks | None]:
    """Each row's links (None without a certificate), each URL reversed once a page, not once
    a row (issue 15: the page's first view)."""
    download = url_for_each("documents:download", varying="document_id")
    revoke = url_for_each("certificates:revoke", varying="pk", cohort_pk=cohort.pk)
    return [
        _RowLinks(
            download=download(row.certificate.document_id) if row.certificate.document_id else "",
            revoke=revoke(row.certificate.pk),
        )
        if row.certificate
        else None
        for row in rows
    ]


class CohortCertificatesView(_CohortViewerMixin, View):
    def get(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort = self.get_cohort(request, cohort_pk)
        # Eligibility is decided for the page of people shown; everyone is counted in SQL.
        total, eligible = selectors.eligibility_counts(cohort=cohort)
        page = page_of(request, selectors.eligibility_order(cohort=cohort), count=total)
        rows = selectors.eligibility_rows(
            cohort=cohort, registrations=selectors.registrations_shown(rows=page.object_list)
        )
        return render(
            request,
            "certificates/cohort.html",
            {
                "cohort": cohort,
                "rows": list(zip(rows, _row_links(cohort, rows), strict=True)),
                "page": page,
                "total": total,
                "eligible_count": eligible,
                "progress": selectors.issue_progress(cohort=cohort),
                "bundle": document_current(kind=CERTIFICATE_BUNDLE_KIND, owner=cohort),
                "can_manage": permissions.can_manage_certificates(request.user),
                "finished_event": CERTIFICATES_FINISHED_EVENT,
            },
        )


class AttendanceExportView(_CohortViewerMixin, View):
    """Person × session minutes, rate and the certificate's decision, as CSV or XLSX."""

    def get(self, request: HttpRequest, cohort_pk: int, fmt: str) -> HttpResponse:
        cohort = self.get_cohort(request, cohort_pk)
        return exports.attendance_table(
            cohort=cohort,
            overview=cohort_attendance_overview(cohort=cohort),
            eligibility=selectors.certificate_eligibility(cohort=cohort),
            fmt=fmt,
        )


class CertificateListExportView(_CohortViewerMixin, View):
    """The cohort's certificates with their codes, as CSV or XLSX."""

    def get(self, request: HttpRequest, cohort_pk: int, fmt: str) -> HttpResponse:
        cohort = self.get_cohort(request, cohort_pk)
        return exports.certificate_list_table(
            cohort=cohort, certificates=selectors.certificates_of_cohort(cohort=cohort), fmt=fmt
        )


class IssueCertificatesView(_CohortMixin, View):
    def post(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort = self.get_cohort(cohort_pk)
        result = services.certificates_issue(cohort=cohort, issued_by=request.user)
        if result.issued:
            messages.success(
                request,
                _("%(count)s certificates are being prepared.") % {"count": result.issued},
            )
        else:
            messages.info(request, _("No new certificates: everyone eligible already has one."))
        return redirect("certificates:cohort", cohort_pk=cohort.pk)


class IssueProgressView(_CohortViewerMixin, View):
    def get(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort = self.get_cohort(request, cohort_pk)
        if not request.headers.get("HX-Request"):  # opened directly: the page it belongs to
            return redirect("certificates:cohort", cohort_pk=cohort.pk)
        progress = selectors.issue_progress(cohort=cohort)
        response = render(
            request,
            "certificates/includes/progress.html",
            {
                "cohort": cohort,
                "progress": progress,
                "bundle": document_current(kind=CERTIFICATE_BUNDLE_KIND, owner=cohort),
                "can_manage": permissions.can_manage_certificates(request.user),
            },
        )
        if progress.finished:
            # Only polled while unfinished, so this is the moment it finishes: the table of
            # certificates (listening for the event) reloads its rows, and the polling stops
            # because the finished fragment no longer asks to be polled.
            response["HX-Trigger"] = CERTIFICATES_FINISHED_EVENT
        return response


class RetryFailedView(_CohortMixin, View):
    def post(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort = self.get_cohort(cohort_pk)
        count = services.certificate_documents_retry(cohort=cohort)
        messages.info(
            request, _("%(count)s certificates have been queued again.") % {"count": count}
        )
        return redirect("certificates:cohort", cohort_pk=cohort.pk)


class BundleView(_CohortViewerMixin, View):
    def post(self, request: HttpRequest, cohort_pk: int) -> HttpResponse:
        cohort = self.get_cohort(request, cohort_pk)
        document = services.certificate_bundle_request(cohort=cohort, requested_by=request.user)
        return redirect("documents:download", document_id=document.pk)


class RevokeView(_CohortMixin, View):
    def _render(self, request, cohort, certificate, form, status=200) -> HttpResponse:
        return render(
            request,
            "certificates/revoke.html",
            {"cohort": cohort, "certificate": certificate, "form": form},
            status=status,
        )

    def _certificate(self, cohort, pk: int):
        certificate = selectors.certificate_in_cohort(cohort=cohort, pk=pk)
        if certificate is None or not certificate.is_valid:
            raise Http404
        return certificate

    def get(self, request: HttpRequest, cohort_pk: int, pk: int) -> HttpResponse:
        cohort = self.get_cohort(cohort_pk)
        certificate = self._certificate(cohort, pk)
        return self._render(request, cohort, certificate, CertificateRevokeForm())

    def post(self, request: HttpRequest, cohort_pk: int, pk: int) -> HttpResponse:
        cohort = self.get_cohort(cohort_pk)
        certificate = self._certificate(cohort, pk)
        form = CertificateRevokeForm(request.POST)
        if not form.is_valid():
            return self._render(request, cohort, certificate, form, status=400)
        services.certificate_revoke(
            certificate=certificate, revoked_by=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request,
            _("The certificate of %(name)s has been revoked.")
            % {"name": certificate.participant_name},
        )
        return redirect("certificates:cohort", cohort_pk=cohort.pk)


class VerifyView(View):
    """Public: a code typed in (?kod=…) or opened from the QR code (/dogrula/<code>/). Every
    lookup counts against the address's rate limit; the QR code's page of a certificate is kept
    in the cache for anonymous visitors (per language) until its service changes it."""

    def get(self, request: HttpRequest, code: str | None = None) -> HttpResponse:
        form = CertificateVerifyForm(request.GET if code is None and "kod" in request.GET else None)
        typed = code if code is not None else (request.GET.get("kod") if form.is_bound else None)
        if form.is_bound and not form.is_valid():  # blank or too long: only the field's message
            typed = None
        context = {"form": form, "searched": typed is not None, "certificate": None}
        if typed is None:
            return render(request, "certificates/verify.html", context)
        if not rate_limit_consume(request, action="certificate_verify", rate=VERIFY_RATE):
            context["rate_limited"] = True
            return render(request, "certificates/verify.html", context, status=429)
        normalised = normalise_code(typed)
        if normalised is None:
            return render(request, "certificates/verify.html", context, status=404)

        def lookup() -> HttpResponse:
            certificate = selectors.certificate_by_code(code=normalised)
            context["certificate"] = certificate
            status = 200 if certificate is not None else 404
            return render(request, "certificates/verify.html", context, status=status)

        if code is None:  # typed in: the form shows what was typed
            return lookup()
        return object_page(request, key=verify_page_key(normalised), render=lookup)
