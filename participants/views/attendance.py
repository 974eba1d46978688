"""Attendance pages: the facilitator's entry point, the grid, the QR page, the cohort overview
and the participant's QR check-in."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views import View

from accounts.mixins import RoleRequiredMixin
from core.numbers import format_hours, format_percent
from core.pagination import PAGE_PARAMETER, is_page_number, page_of
from core.text import capfirst
from documents.services import document_request
from participants import checkin_codes, exports, permissions
from participants.checkin_codes import CodeCheck
from participants.documents import SIGN_IN_SHEET_KIND
from participants.models import Attendance
from participants.selectors import attendance as selectors
from participants.selectors.attendance import OverviewRow
from participants.selectors.attendance_page import (
    cohort_attendance_page,
    cohort_attendance_people,
    cohort_attendance_sessions,
)
from participants.services.attendance import (
    AttendanceRefusedError,
    attendance_check_in,
    attendance_mark,
    check_in_problem,
)
from programs.selectors import cohort_summary_get

SCANS_SESSION_KEY = "attendance_checkin_scans"
STATUS_BADGE_TEMPLATE = "participants/attendance/includes/status_badge.html"


def _session_for_attendance(request: HttpRequest, session_id: int):
    """The session, or 404 for one the user does not take attendance for."""
    session = selectors.session_get(session_id=session_id)
    if session is None or not permissions.can_take_attendance(request.user, session):
        raise Http404
    return session


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


class AttendanceHomeView(RoleRequiredMixin, View):
    """ "Yoklama": the sessions of the cohorts the user facilitates (all, for coordinators)."""

    role_test = permissions.can_take_attendance_somewhere

    def get(self, request: HttpRequest) -> HttpResponse:
        sessions = list(selectors.attendance_sessions_for(user=request.user))
        return render(request, "participants/attendance/home.html", {"sessions": sessions})


def _row_context(session, rows: list) -> dict:
    """What the rows of the grid share, computed once a page (not once a row): the URL their
    forms post to, the status buttons' (value, label, caption), and each row's `status_badge`
    (the badge of each status rendered once)."""
    badges = {
        status: render_to_string(STATUS_BADGE_TEMPLATE, {"status": status})
        for status in [*Attendance.Status.values, None]
    }
    for row in rows:
        row.status_badge = badges.get(row.attendance_status, badges[None])
    return {
        "grid_url": reverse("participants:attendance_grid", kwargs={"session_id": session.pk}),
        "status_choices": [
            (value, label, capfirst(str(label))) for value, label in Attendance.Status.choices
        ],
    }


class SessionGridView(RoleRequiredMixin, View):
    """One row per confirmed participant, one button per status; htmx saves each click."""

    role_test = permissions.can_take_attendance_somewhere

    def get(self, request: HttpRequest, session_id: int) -> HttpResponse:
        session = _session_for_attendance(request, session_id)
        counts = selectors.grid_counts(session=session)  # of everyone; a page is shown
        page = page_of(request, selectors.grid_rows_qs(session=session), count=counts["total"])
        rows = list(page.object_list)
        return render(
            request,
            "participants/attendance/grid.html",
            {
                "session": session,
                "rows": rows,
                "page": page,
                "counts": counts,
                **_row_context(session, rows),
            },
        )

    def post(self, request: HttpRequest, session_id: int) -> HttpResponse:
        session = _session_for_attendance(request, session_id)
        registration_id = request.POST.get("registration", "")
        registration = (
            selectors.session_registration_get(
                session=session, registration_id=int(registration_id)
            )
            if registration_id.isdecimal()
            else None
        )
        if registration is None:
            raise Http404
        grid_url = reverse("participants:attendance_grid", kwargs={"session_id": session.pk})
        page = request.POST.get(PAGE_PARAMETER, "")
        if is_page_number(page):  # back to the page the click was on
            grid_url += f"?{PAGE_PARAMETER}={int(page)}"
        try:
            attendance = attendance_mark(
                session=session,
                registration=registration,
                status=request.POST.get("status", ""),
                marked_by=request.user,
                method=Attendance.Method.GRID,
            )
        except AttendanceRefusedError as refusal:
            messages.error(request, refusal.message)
            if _is_htmx(request):
                return HttpResponse(status=200, headers={"HX-Redirect": grid_url})
            return redirect(grid_url)
        if not _is_htmx(request):
            messages.success(
                request,
                _("%(name)s: %(status)s.")
                % {
                    "name": registration.participant.full_name,
                    "status": attendance.get_status_display(),
                },
            )
            return redirect(f"{grid_url}#kayit-{registration.pk}")
        row = selectors.grid_row_get(session=session, registration_id=registration.pk)
        return render(
            request,
            "participants/attendance/includes/grid_update.html",
            {
                "session": session,
                "row": row,
                "counts": selectors.grid_counts(session=session),
                **_row_context(session, [row] if row else []),
            },
        )


class SessionQrView(RoleRequiredMixin, View):
    """The QR code a facilitator shows in the room; htmx fetches a fresh one every 10 s."""

    role_test = permissions.can_take_attendance_somewhere

    def get(self, request: HttpRequest, session_id: int) -> HttpResponse:
        session = _session_for_attendance(request, session_id)
        now = timezone.now()
        opens, closes = checkin_codes.checkin_window(session)
        context = {
            "session": session,
            "opens": opens,
            "is_open": opens <= now <= closes,
            "has_ended": now > closes,
            "step_seconds": settings.ATTENDANCE_QR_STEP_SECONDS,
            "checked_in": selectors.attended_count(session=session),
        }
        if context["is_open"]:
            url = checkin_codes.checkin_url(session_id=session.pk, at=now)
            context.update(checkin_url=url, qr_svg=checkin_codes.qr_svg(url))
        template = "includes/qr_panel.html" if _is_htmx(request) else "qr.html"
        response = render(request, f"participants/attendance/{template}", context)
        patch_vary_headers(response, ["HX-Request"])  # the page and its fragment share a URL
        return response


class SignInSheetView(RoleRequiredMixin, View):
    """Ask for the session's sign-in sheet: the worker renders it (or the current file is
    reused while the confirmed list is unchanged) and the document page offers it."""

    role_test = permissions.can_take_attendance_somewhere

    def post(self, request: HttpRequest, session_id: int) -> HttpResponse:
        session = _session_for_attendance(request, session_id)
        document = document_request(
            kind=SIGN_IN_SHEET_KIND, owner=session, requested_by=request.user
        )
        return redirect("documents:download", document_id=document.pk)


class _CohortAttendanceMixin(RoleRequiredMixin):
    role_test = permissions.can_take_attendance_somewhere

    def get_cohort(self, request: HttpRequest, cohort_id: int):
        cohort = cohort_summary_get(pk=cohort_id)
        if cohort is None or not permissions.can_view_cohort_attendance(request.user, cohort):
            raise Http404
        return cohort


STATUS_MARK_TEMPLATE = "participants/attendance/includes/status_mark.html"


@dataclass(frozen=True)
class CohortAttendanceRow:
    """A row of the cohort's attendance page, with what the template writes of it."""

    row: OverviewRow
    marks: list[str]  # the cells' marks, rendered (safe HTML)
    hours: str
    rate: str


class CohortAttendanceView(_CohortAttendanceMixin, View):
    """Sessions × participants, with each person's attended hours and attendance rate."""

    def get(self, request: HttpRequest, cohort_id: int) -> HttpResponse:
        cohort = self.get_cohort(request, cohort_id)
        sessions, people = cohort_attendance_sessions(cohort=cohort)
        page = page_of(request, cohort_attendance_people(cohort=cohort), count=people)
        overview = cohort_attendance_page(
            cohort=cohort, sessions=sessions, people=people, registrations=list(page.object_list)
        )
        # Done once a page, not once a cell or row (issue 15: a first view of 50 rows): each
        # mark the cells can show, rendered once; the hours and rates written as the `hours`
        # and `percent` filters write them.
        marks = {
            status: render_to_string(STATUS_MARK_TEMPLATE, {"status": status})
            for status in (*Attendance.Status.values, None)
        }
        rows = [
            CohortAttendanceRow(
                row=row,
                marks=[marks.get(status, marks[None]) for status in row.statuses],
                hours=format_hours(row.attended_hours),
                rate=format_percent(row.rate),
            )
            for row in overview.rows
        ]
        return render(
            request,
            "participants/attendance/cohort.html",
            {"cohort": cohort, "overview": overview, "rows": rows, "page": page},
        )


class CohortAttendanceExportView(_CohortAttendanceMixin, View):
    """The same table as CSV or XLSX."""

    def get(self, request: HttpRequest, cohort_id: int, fmt: str) -> HttpResponse:
        cohort = self.get_cohort(request, cohort_id)
        return exports.attendance_table(
            cohort=cohort, overview=selectors.cohort_attendance_overview(cohort=cohort), fmt=fmt
        )


class CheckInView(View):
    """A participant scans the room's QR code and confirms with a POST.

    A code is fresh for one or two steps (under 90 s). Scanning it while fresh records the
    scan in the visitor's session, so logging in first and confirming a few minutes later
    still works with that same code (ATTENDANCE_QR_CONFIRM_MINUTES), and only from that browser.
    """

    template_name = "participants/attendance/checkin.html"

    def dispatch(self, request: HttpRequest, session_id: int, code: str) -> HttpResponse:
        session = selectors.session_get(session_id=session_id)
        if session is None:
            raise Http404
        code_state = self._code_state(request, session, code)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().dispatch(request, session=session, code_state=code_state)

    @staticmethod
    def _code_state(request: HttpRequest, session, code: str) -> CodeCheck:
        now = timezone.now()
        state = checkin_codes.check_code(session_id=session.pk, code=code, at=now)
        scans = request.session.get(SCANS_SESSION_KEY, {})
        key = str(session.pk)
        if state is CodeCheck.VALID:
            if scans.get(key, {}).get("code") != code:
                scans[key] = {"code": code, "at": now.timestamp()}
                request.session[SCANS_SESSION_KEY] = scans
            return state
        scan = scans.get(key)
        grace = settings.ATTENDANCE_QR_CONFIRM_MINUTES * 60
        if (
            state is CodeCheck.EXPIRED
            and scan
            and scan["code"] == code
            and now.timestamp() - scan["at"] <= grace
        ):
            return CodeCheck.VALID
        return state

    def _render(self, request: HttpRequest, session, outcome: str, message: str = ""):
        return render(
            request,
            self.template_name,
            {"session": session, "outcome": outcome, "message": message},
        )

    def _code_problem(self, code_state: CodeCheck) -> str:
        if code_state is CodeCheck.EXPIRED:
            return _("This QR code has expired. Please scan the code now shown in the room again.")
        return _(
            "This QR code is not valid for this session. Please scan the code shown in the room."
        )

    def get(self, request: HttpRequest, session, code_state: CodeCheck) -> HttpResponse:
        if code_state is not CodeCheck.VALID:
            return self._render(request, session, "refused", self._code_problem(code_state))
        problem = check_in_problem(session=session, participant=request.user)
        if problem:
            return self._render(request, session, "refused", problem)
        if selectors.has_attended(session=session, participant=request.user):
            return self._render(request, session, "already")
        return self._render(request, session, "confirm")

    def post(self, request: HttpRequest, session, code_state: CodeCheck) -> HttpResponse:
        if code_state is not CodeCheck.VALID:
            return self._render(request, session, "refused", self._code_problem(code_state))
        try:
            marked = attendance_check_in(session=session, participant=request.user)
        except AttendanceRefusedError as refusal:
            return self._render(request, session, "refused", refusal.message)
        return self._render(request, session, "marked" if marked else "already")
