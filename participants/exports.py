"""Registration lists, attendance tables and survey responses as files for Excel (core.exports:
CSV with BOM and ";", or XLSX)."""

from collections.abc import Iterator

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.exports import Table, table_response
from core.numbers import hours_value, percent_value
from core.templatetags.core_tags import capfirst_tr
from core.text import turkish_slugify
from participants.models import Attendance
from participants.phone import format_phone
from participants.selectors import evaluations as evaluation_selectors


def _headers(questions) -> list[str]:
    return [
        _("No."),
        _("Full name"),
        _("E-mail address"),
        _("Phone"),
        _("Organisation"),
        _("Organisation kind"),
        _("Province"),
        _("District"),
        _("Title / department"),
        _("Status"),
        _("Waiting-list position"),
        _("Registered at"),
        *(question.text for question in questions),
    ]


def _rows(registrations) -> list[list]:
    rows = []
    for number, registration in enumerate(registrations, 1):
        user = registration.participant
        profile = getattr(user, "participant_profile", None)
        organization = profile.organization if profile else None
        rows.append(
            [
                number,
                (user.full_name),
                user.email,
                format_phone(profile.phone) if profile and profile.phone else "",
                (organization.name) if organization else "",
                organization.kind_label if organization else "",
                organization.province.name if organization else "",
                (organization.district) if organization else "",
                (profile.title) if profile else "",
                capfirst_tr(registration.get_status_display()),
                registration.position or "",
                registration.created_at,  # a date in an XLSX, "05.10.2026 09:30" in a CSV
                *(text for _question, text in getattr(registration, "answer_cells", [])),
            ]
        )
    return rows


def registrations_table(*, cohort, registrations, fmt: str, questions=()) -> HttpResponse:
    """The registration list of a cohort, with Turkish headers whatever the page language, and
    a column per registration question in `questions` (the rows carry `answer_cells` for
    them: selectors.answers.answers_attach); the caller leaves out what the viewer may not see."""
    with translation.override("tr"):
        headers, rows = _headers(questions), _rows(registrations)
    return table_response(
        fmt=fmt,
        filename_stem=f"kayitlar-{turkish_slugify(cohort.title)}-{timezone.localdate().isoformat()}",
        sheet="Kayıtlar",
        headers=headers,
        rows=rows,
    )


def _attendance_headers(sessions) -> list[str]:
    return [
        _("No."),
        _("Full name"),
        _("Organisation"),
        *(
            f"{session.title} ({timezone.localtime(session.starts_at):%d.%m.%Y %H:%M})"
            for session in sessions
        ),
        _("Attended hours"),
        _("Attendance rate (%)"),
        _("Meets the certificate threshold"),
    ]


def _attendance_rows(overview) -> list[list]:
    labels = dict(Attendance.Status.choices)
    rows = []
    for number, row in enumerate(overview.rows, 1):
        user = row.registration.participant
        profile = getattr(user, "participant_profile", None)
        rows.append(
            [
                number,
                user.full_name or user.email,
                profile.organization.name if profile else "",
                *(capfirst_tr(labels[status]) if status else "" for status in row.statuses),
                hours_value(row.attended_hours),
                percent_value(row.rate),
                _("Yes") if row.meets_threshold else _("No"),
            ]
        )
    return rows


def attendance_table(*, cohort, overview, fmt: str) -> HttpResponse:
    """A cohort's attendance (selectors.attendance.cohort_attendance_overview): each person's
    marks, attended hours and rate, numbers by core.numbers' rule, Turkish headers."""
    with translation.override("tr"):
        headers, rows = _attendance_headers(overview.sessions), _attendance_rows(overview)
    return table_response(
        fmt=fmt,
        filename_stem=f"yoklama-{turkish_slugify(cohort.title)}-{timezone.localdate().isoformat()}",
        sheet="Yoklama",
        headers=headers,
        rows=rows,
    )


# Survey responses read per query (their answers: one more query per chunk): a 6,000-row
# programme export is a dozen chunks, never all the rows at once.
SURVEY_CHUNK_SIZE = 500


def _survey_headers(questions, *, personal: bool) -> list[str]:
    headers = [_("Cohort")]
    if personal:
        headers += [_("Full name"), _("E-mail address")]
    return [*headers, _("Organisation kind"), *(question.display_text for question in questions)]


def _survey_chunk(chunk: list[tuple], questions, *, personal: bool) -> Iterator[list]:
    answers = evaluation_selectors.survey_answer_values(response_ids=[row[0] for row in chunk])
    for response_id, cohort_title, organization_kind, *person in chunk:
        given = answers.get(response_id, {})
        yield [
            cohort_title,
            *((value or "" for value in person) if personal else ()),
            organization_kind,
            *(given.get(question.pk, "") for question in questions),
        ]


def _survey_rows(responses, questions, *, personal: bool) -> Iterator[list]:
    fields = evaluation_selectors.RESPONSE_EXPORT_FIELDS
    if personal:
        fields += evaluation_selectors.PERSON_EXPORT_FIELDS
    chunk = []
    for values in responses.values_list(*fields).iterator(chunk_size=SURVEY_CHUNK_SIZE):
        chunk.append(values)
        if len(chunk) == SURVEY_CHUNK_SIZE:
            yield from _survey_chunk(chunk, questions, personal=personal)
            chunk = []
    if chunk:
        yield from _survey_chunk(chunk, questions, personal=personal)


def survey_responses_name(name: str) -> str:
    """The survey responses' file name (without its suffix) for a cohort or programme `name`."""
    return _("Evaluation responses – %(name)s") % {"name": name}


def survey_responses_table(*, program, cohorts, name: str) -> Table:
    """Every survey response of `cohorts` (of `program`), one row each, the answers in the order
    of the programme's questions; no personal field when one of the cohorts is anonymous. The
    rows are read in chunks while they are written (a CSV streamed, an XLSX built by the worker);
    the headers in the active language."""
    questions = list(evaluation_selectors.survey_questions(program=program))
    responses = evaluation_selectors.survey_responses_for_export(cohorts=cohorts)
    personal = not any(cohort.survey_anonymous for cohort in cohorts)
    return Table(
        filename_stem=survey_responses_name(name),
        sheet=_("Responses"),
        headers=_survey_headers(questions, personal=personal),
        rows=_survey_rows(responses, questions, personal=personal),
        total=responses.count(),
    )
