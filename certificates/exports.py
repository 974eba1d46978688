"""A cohort's attendance with certificate eligibility, and its certificate list with codes, as
files for Excel (core.exports: CSV with BOM and ";" and the Turkish decimal comma, or XLSX with
numeric cells). Turkish headers whatever the page language, as every export of the site."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.exports import table_response
from core.links import absolute_url
from core.numbers import hours_value, percent_value
from core.templatetags.core_tags import capfirst_tr
from core.text import turkish_slugify
from participants.models import Attendance


def _stem(prefix: str, cohort) -> str:
    return f"{prefix}-{turkish_slugify(cohort.title)}-{timezone.localdate().isoformat()}"


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def _organisation(user) -> str:
    profile = getattr(user, "participant_profile", None)
    return profile.organization.name if profile else ""


def _attendance_headers(sessions) -> list[str]:
    return [
        _("No."),
        _("Full name"),
        _("Organisation"),
        *(
            _("%(session)s (%(starts)s), minutes")
            % {
                "session": session.title,
                "starts": f"{timezone.localtime(session.starts_at):%d.%m.%Y %H:%M}",
            }
            for session in sessions
        ),
        _("Attended minutes"),
        _("Minutes of all sessions"),
        _("Attendance rate (%)"),
        _("Meets the attendance threshold"),
        _("Eligible for a certificate"),
        _("Why not"),
    ]


def _attendance_rows(overview, eligibility) -> list[list]:
    by_registration = {row.registration.pk: row for row in eligibility}
    rows = []
    for number, row in enumerate(overview.rows, 1):
        user = row.registration.participant
        decision = by_registration.get(row.registration.pk)
        rows.append(
            [
                number,
                user.full_name or user.email,
                _organisation(user),
                *(
                    session.duration_minutes if status in Attendance.ATTENDED else 0
                    for session, status in zip(overview.sessions, row.statuses, strict=True)
                ),
                row.attended_minutes,
                overview.total_minutes,
                percent_value(row.rate),
                _yes_no(row.meets_threshold),
                _yes_no(decision is not None and decision.eligible),
                " ".join(decision.reasons) if decision is not None else "",
            ]
        )
    return rows


def attendance_table(*, cohort, overview, eligibility, fmt: str) -> HttpResponse:
    """Person × session: the minutes each confirmed person attended of each session (present
    and late count, as in the rate), their total, the rate and the certificate's decision.
    `overview` is participants' cohort_attendance_overview, `eligibility` this app's
    certificate_eligibility of the same cohort."""
    with translation.override("tr"):
        headers = _attendance_headers(overview.sessions)
        rows = _attendance_rows(overview, eligibility)
    return table_response(
        fmt=fmt,
        filename_stem=_stem("katilim", cohort),
        sheet="Katılım",
        headers=headers,
        rows=rows,
    )


def _certificate_headers() -> list[str]:
    return [
        _("No."),
        _("Full name"),
        _("Organisation"),
        _("Code"),
        _("Version"),
        _("Status"),
        _("Issued on"),
        _("Attended hours"),
        _("Programme length (hours)"),
        _("Verification address"),
    ]


def _certificate_rows(certificates) -> list[list]:
    return [
        [
            number,
            certificate.participant_name,
            certificate.organisation,
            certificate.code,
            certificate.version,
            capfirst_tr(certificate.get_status_display()),
            timezone.localdate(certificate.issued_at),  # core.exports writes dates
            hours_value(certificate.attended_hours)
            if certificate.attended_hours is not None
            else "",
            hours_value(certificate.total_hours),
            absolute_url(reverse("certificates:verify_code", kwargs={"code": certificate.code})),
        ]
        for number, certificate in enumerate(certificates, 1)
    ]


def certificate_list_table(*, cohort, certificates, fmt: str) -> HttpResponse:
    """Every certificate of the cohort (valid, revoked and superseded versions, each with its
    state) with the code that verifies it."""
    with translation.override("tr"):
        headers, rows = _certificate_headers(), _certificate_rows(certificates)
    return table_response(
        fmt=fmt,
        filename_stem=_stem("sertifikalar", cohort),
        sheet="Sertifikalar",
        headers=headers,
        rows=rows,
    )
