"""Every download of the project, found by walking the URL patterns: each is a private
attachment (`Cache-Control: private, no-store`), and each table export writes formula-looking
text as text, in its header row as in its cells, as CSV and as XLSX.

It spans every app, so it lives at the top of tests/ (not under one app's mirror).
"""

import csv
import datetime as dt
import io
import itertools

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from openpyxl import load_workbook

from documents.models import Document
from participants.converters import OverviewTableConverter
from participants.models import SurveyQuestion
from participants.services import evaluations
from tests import test_access_matrix as matrix
from tests.factories import (
    ActionPlanFactory,
    CertificateFactory,
    CohortFactory,
    CollaborationTypeFactory,
    OrganizationFactory,
    ParticipantProfileFactory,
    ProgramFactory,
    RegistrationFactory,
    SessionFactory,
    UserFactory,
)

# The access matrix's users and objects: every URL pattern is declared there.
role_users = matrix.role_users
db_objects = matrix.db_objects

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _patterns(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}:{pattern.namespace}".strip(":") if pattern.namespace else namespace
            )
            yield from _patterns(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), pattern


def _table_export_names() -> set[str]:
    """URL patterns that take a table format (`csv`/`xlsx`) in their path."""
    return {
        name
        for name, pattern in _patterns(get_resolver().url_patterns)
        if {"fmt", "file_format"} & set(pattern.pattern.converters)
        or "<str:file_format>" in str(pattern.pattern)
    }


@pytest.fixture
def hostile(db):
    """A finished cohort whose every text a person can type looks like a formula."""
    program = ProgramFactory(title="=Program")
    cohort = CohortFactory(
        program=program,
        title='=HYPERLINK("http://kotu.example","Dönem")',
        starts_on=timezone.localdate() - dt.timedelta(days=5),
        ends_on=timezone.localdate() - dt.timedelta(days=5),
        registration_opens_at=timezone.now() - dt.timedelta(days=30),
        registration_closes_at=timezone.now() - dt.timedelta(days=7),
    )
    SessionFactory(cohort=cohort)
    evaluations.survey_questions_ensure(program=program)
    scale = SurveyQuestion.objects.create(
        program=program, topic="custom", kind="scale", position=90, text="=1+1 ölçek"
    )
    text = SurveyQuestion.objects.create(
        program=program,
        topic="custom",
        kind="text",
        position=91,
        text='=HYPERLINK("http://kotu.example","Soru")',
        required=False,
    )
    profile = ParticipantProfileFactory(
        user=UserFactory(full_name="@SUM(1+1)", email="=kisi@example.org"),
        organization=OrganizationFactory(name="+Belediye", district="-Konak"),
        title="=Müdür",
    )
    registration = RegistrationFactory(cohort=cohort, participant=profile.user)
    evaluations.survey_submit(
        registration=registration,
        answers={scale.pk: {"scale": 4}, text.pk: {"text": "-cmd|' /C calc'!A0"}},
    )
    ActionPlanFactory(
        work_group__cohort=cohort, collaboration_type=CollaborationTypeFactory(name="@Tür")
    )
    CertificateFactory(registration=registration, organisation="+Belediye")
    return {"program": program, "cohort": cohort}


def _exports(*, cohort: int, program: int) -> list[tuple[str, dict]]:
    """Every table export: its name and its arguments but the format."""
    return [
        ("participants:cohort_registrations_export", {"cohort_pk": cohort}),
        ("participants:attendance_cohort_export", {"cohort_id": cohort}),
        ("participants:import_template", {}),
        ("certificates:attendance_export", {"cohort_pk": cohort}),
        ("certificates:list_export", {"cohort_pk": cohort}),
        ("participants:cohort_survey_responses_export", {"pk": cohort}),
        ("participants:cohort_survey_report_export", {"pk": cohort}),
        ("participants:program_survey_responses_export", {"pk": program}),
        ("participants:program_survey_report_export", {"pk": program}),
        *[
            ("participants:program_overview_export", {"pk": program, "table": table})
            for table in OverviewTableConverter().regex.split("|")
        ],
    ]


def test_every_table_export_is_tested_here():
    assert _table_export_names() == {name for name, _ in _exports(cohort=1, program=1)}


def _cells(response, fmt: str) -> list[tuple[str, object, str, bool]]:
    """(where, value, type, marked as text the way Excel marks "'…") of every cell; CSV cells
    are all text, none marked (the apostrophe is in the value)."""
    if fmt == "csv":
        rows = csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";")
        return [
            (f"r{r}c{c}", value, "s", False)
            for r, row in enumerate(rows)
            for c, value in enumerate(row)
        ]
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    return [
        (cell.coordinate, cell.value, cell.data_type, bool(cell.quotePrefix))
        for row in sheet.iter_rows()
        for cell in row
    ]


# Exports whose XLSX the worker builds (documents.registry.SpreadsheetKind): a POST asks for it
# and leads to the document's page, whose link downloads it.
BUILT_IN_THE_BACKGROUND = {
    "participants:cohort_survey_responses_export",
    "participants:program_survey_responses_export",
}


def _export(client, url: str, *, background: bool, capture):
    if not background:
        return client.get(url)
    with capture(execute=True):
        document_page = client.post(url)
    assert document_page.status_code == 302, url
    return client.get(document_page["Location"])


def test_every_table_export_writes_formula_looking_text_as_text(
    client, coordinator, hostile, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    written = {"csv": set(), "xlsx": set()}
    exports = _exports(cohort=hostile["cohort"].pk, program=hostile["program"].pk)
    for (name, arguments), fmt in itertools.product(exports, ("csv", "xlsx")):
        fmt_name = "file_format" if name == "participants:cohort_registrations_export" else "fmt"
        kwargs = {**arguments, fmt_name: fmt}
        response = _export(
            client,
            reverse(name, kwargs=kwargs),
            background=fmt == "xlsx" and name in BUILT_IN_THE_BACKGROUND,
            capture=django_capture_on_commit_callbacks,
        )
        assert response.status_code == 200, (name, kwargs)
        cells = _cells(response, fmt)
        assert [where for where, _value, kind, _marked in cells if kind == "f"] == [], (
            name,
            kwargs,
        )
        live = [
            (where, value)
            for where, value, _kind, marked in cells
            if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not marked
        ]
        assert live == [], (name, kwargs)
        written[fmt] |= {value for _where, value, _kind, _marked in cells if isinstance(value, str)}
    typed = {
        '=HYPERLINK("http://kotu.example","Dönem")',  # a cohort title
        '=HYPERLINK("http://kotu.example","Soru")',  # a question: a header cell
        "=1+1 ölçek",
        "@SUM(1+1)",
        "=kisi@example.org",
        "+Belediye",
        "-Konak",
        "=Müdür",
        "-cmd|' /C calc'!A0",
        "@Tür",
    }
    # A CSV writes them after an apostrophe; an XLSX as typed, in cells marked as text.
    assert {"'" + text for text in typed} - written["csv"] == set()
    assert typed - written["xlsx"] == set()


# --- Cache-Control on every download -------------------------------------------------------

KNOWN_DOWNLOADS = {
    "documents:download",
    "participants:my_data_export",
    "participants:cohort_registrations_export",
    "participants:attendance_cohort_export",
    "certificates:attendance_export",
    "certificates:list_export",
    "participants:cohort_survey_responses_export",
    "participants:cohort_survey_report_export",
    "participants:program_survey_responses_export",
    "participants:program_survey_report_export",
    "participants:program_overview_export",
    "participants:import_template",
    "programs:cohort_ical",
    "programs:session_ical",
}


def test_every_download_is_private_and_never_cached(client, role_users, db_objects):
    """Every GET of the access matrix, for every role it lets in: whatever comes back as an
    attachment carries `Cache-Control: private, no-store`. A new download (it must be in the
    matrix) without it fails here."""
    document = db_objects["document"]
    document.file.save("belge.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    document.status = Document.Status.READY
    document.filename = "Belge.pdf"
    document.save()
    downloads = set()
    for name, expect in sorted(matrix.MATRIX.items()):
        if expect.method != "get":
            continue
        kwargs = {key: matrix._resolve(value, db_objects) for key, value in expect.kwargs.items()}
        url = reverse(name, kwargs=kwargs)
        for role in matrix.ROLES:
            if getattr(expect, role) != 200:
                continue
            client.logout()
            if role_users[role] is not None:
                client.force_login(role_users[role])
            response = client.get(url, expect.data)
            if response.streaming:
                b"".join(response.streaming_content)
            if "Content-Disposition" not in response:
                continue
            downloads.add(name)
            assert response["Content-Disposition"].startswith("attachment;"), (name, role)
            assert response["Cache-Control"] == "private, no-store", (name, role)
    assert downloads >= KNOWN_DOWNLOADS
