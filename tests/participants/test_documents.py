import datetime as dt
import io

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook
from pypdf import PdfReader

from core.text import turkish_slugify
from documents.models import Document
from documents.services import document_request
from participants.documents import (
    SIGN_IN_SHEET_KIND,
    SURVEY_RESPONSES_KIND,
    build_data,
    can_download,
    can_download_survey_responses,
)
from participants.models import SurveyQuestion, SurveyResponse
from participants.services.evaluations import survey_questions_ensure, survey_submit
from tests.conftest import wait_for
from tests.factories import (
    CohortFactory,
    ParticipantProfileFactory,
    ProgramFactory,
    RegistrationFactory,
    SessionFactory,
)

# Turkish alphabetical order: c < ç, ı < i, o < ö, s < ş.
CONFIRMED_IN_ORDER = [
    "Cem Aksoy",
    "Çelik Bora",
    "Işık Demir",
    "İnce Ekin",
    "Ozan Fırat",
    "Öztürk Gül",
    "Şahin Hale",
]


@pytest.fixture
def session(db):
    cohort = CohortFactory(
        title="İzmir dönemi",
        program__title="Belediyeler İçin Sosyal Kooperatifçilik Eğitimi",
        venue="Kültürpark",
        district="Konak",
        capacity=20,
    )
    for name in reversed(CONFIRMED_IN_ORDER):
        profile = ParticipantProfileFactory(
            user__full_name=name, organization__name=f"{name.split()[0]} Kooperatifi"
        )
        RegistrationFactory(cohort=cohort, participant=profile.user)
    RegistrationFactory(cohort=cohort, participant__full_name="Ayşe Bekler", status="waitlisted")
    RegistrationFactory(cohort=cohort, participant__full_name="Bülent Onay", status="pending")
    RegistrationFactory(cohort=cohort, participant__full_name="Can Vazgeçti", status="cancelled")
    starts = timezone.make_aware(dt.datetime(2026, 12, 14, 9, 30))
    return SessionFactory(
        cohort=cohort,
        title="Yasal dayanaklar",
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=3),
        room="Salon 2",
    )


def test_sheet_data_lists_confirmed_people_in_turkish_order_with_their_organisation(session):
    data = build_data(session)
    assert [row.name for row in data.rows] == CONFIRMED_IN_ORDER
    assert [row.number for row in data.rows] == [1, 2, 3, 4, 5, 6, 7]
    assert data.rows[0].organisation == "Cem Kooperatifi"
    assert data.programme_title == "Belediyeler İçin Sosyal Kooperatifçilik Eğitimi"
    assert data.cohort_title == "İzmir dönemi"
    assert data.venue == "Kültürpark, Konak/İzmir · Salon 2"


def test_sign_in_sheet_pdf_names_every_confirmed_person_in_order_and_no_one_else(
    session, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(kind=SIGN_IN_SHEET_KIND, owner=session)
    document.refresh_from_db()
    assert document.status == Document.Status.READY
    assert document.filename == "İmza listesi - İzmir dönemi - Yasal dayanaklar.pdf"
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    positions = [text.index(name) for name in CONFIRMED_IN_ORDER]
    assert positions == sorted(positions)
    for absent in ("Ayşe Bekler", "Bülent Onay", "Can Vazgeçti"):
        assert absent not in text
    assert "İmza listesi" in text
    assert "14 Aralık 2026, 09:30–12:30" in text
    assert "Kültürpark, Konak/İzmir · Salon 2" in text
    assert "İmza" in text
    assert reader.pages[0].mediabox.width == pytest.approx(595.3, abs=1)  # A4 portrait
    assert reader.pages[0].mediabox.height == pytest.approx(841.9, abs=1)


def test_the_table_header_repeats_on_every_page_of_a_long_sheet(
    session, django_capture_on_commit_callbacks
):
    for number in range(40):
        RegistrationFactory(cohort=session.cohort, participant__full_name=f"Zeki Uzun {number}")
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(kind=SIGN_IN_SHEET_KIND, owner=session)
    document.refresh_from_db()
    with document.file.open("rb") as handle:
        pages = PdfReader(io.BytesIO(handle.read())).pages
    assert len(pages) >= 2
    for page in pages:
        assert "Ad soyad" in page.extract_text()


def test_the_cohorts_facilitators_and_coordinators_may_download_others_not(
    session, participant, facilitator, coordinator
):
    document = document_request(kind=SIGN_IN_SHEET_KIND, owner=session)
    assert can_download(coordinator, document)
    assert not can_download(facilitator, document)
    assert not can_download(participant, document)
    session.cohort.facilitators.add(facilitator)
    assert can_download(facilitator, Document.objects.get(pk=document.pk))


def test_sign_in_sheet_view_asks_for_the_document_and_sends_to_its_page(
    client, session, coordinator
):
    client.force_login(coordinator)
    url = reverse("participants:attendance_sign_in_sheet", kwargs={"session_id": session.pk})
    response = client.post(url)
    document = Document.objects.get(kind=SIGN_IN_SHEET_KIND)
    assert response.status_code == 302
    assert response.url == reverse("documents:download", kwargs={"document_id": document.pk})
    assert document.owner == session
    assert client.post(url).url == response.url  # the same list: the same document
    page = client.get(response.url).content.decode()  # queued: its page, not the file
    assert "<h1>İmza listesi</h1>" in page
    grid = reverse("participants:attendance_grid", kwargs={"session_id": session.pk})
    assert f'<p class="breadcrumb"><a href="{grid}">{session.title}</a></p>' in page


def test_a_facilitator_of_another_cohort_gets_404(client, session, facilitator):
    client.force_login(facilitator)
    url = reverse("participants:attendance_sign_in_sheet", kwargs={"session_id": session.pk})
    assert client.post(url).status_code == 404
    assert not Document.objects.exists()


# --- every survey response as an XLSX file built by the worker --------------------------------


@pytest.fixture
def answered_programme(db):
    """A programme of two cohorts, each with a response of a person whose name has İ/ı."""
    program = ProgramFactory(title="İşbirliği Programı")
    survey_questions_ensure(program=program)
    cohorts = []
    people = (("İzmir dönemi", "İnci Işık", 5), ("Iğdır dönemi", "Ilgın Irmak", 2))
    for title, name, score in people:
        cohort = CohortFactory(
            program=program,
            title=title,
            starts_on=timezone.localdate() - dt.timedelta(days=5),
            ends_on=timezone.localdate() - dt.timedelta(days=5),
        )
        profile = ParticipantProfileFactory(
            user__full_name=name,
            user__email=f"{turkish_slugify(name)}@example.org",
        )
        survey_submit(
            registration=RegistrationFactory(cohort=cohort, participant=profile.user),
            answers={
                question.pk: {"scale": score}
                for question in SurveyQuestion.objects.filter(program=program, kind="scale")
            },
        )
        cohorts.append(cohort)
    return program, cohorts


def _sheet_rows(document) -> list[tuple]:
    with document.file.open("rb") as stream:
        workbook = load_workbook(io.BytesIO(stream.read()))
    assert workbook.sheetnames == ["Yanıtlar"]
    return [tuple(row) for row in workbook.active.iter_rows(values_only=True)]


def test_the_programmes_responses_spreadsheet_holds_every_response_as_its_cells(
    answered_programme, django_capture_on_commit_callbacks
):
    program, _cohorts = answered_programme
    questions = list(SurveyQuestion.objects.filter(program=program))
    scale = [question for question in questions if question.kind == "scale"]
    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        document = document_request(kind=SURVEY_RESPONSES_KIND, owner=program)
    document.refresh_from_db()
    assert document.status == Document.Status.READY
    assert document.filename == "Değerlendirme yanıtları – İşbirliği Programı.xlsx"
    header, *rows = _sheet_rows(document)
    assert header == (
        "Eğitim dönemi",
        "Ad soyad",
        "E-posta adresi",
        "Kurum türü",
        *(question.text for question in questions),
    )
    expected = {
        "İnci Işık": ("İzmir dönemi", "inci-isik@example.org", 5),
        "Ilgın Irmak": ("Iğdır dönemi", "ilgin-irmak@example.org", 2),
    }
    assert len(rows) == 2
    for row in rows:
        cohort_title, email, score = expected[row[1]]
        assert row[:3] == (cohort_title, row[1], email)
        assert row[3] == SurveyResponse.objects.get(cohort__title=cohort_title).organization_kind
        answers = dict(zip(questions, row[4:], strict=True))
        assert [answers[question] for question in scale] == [score] * len(scale)
    assert (document.progress_done, document.progress_total) == (2, 2)


def test_who_may_download_the_responses_spreadsheet_is_who_may_export_them(
    answered_programme, participant, facilitator, coordinator
):
    program, (cohort, _other) = answered_programme
    of_programme = document_request(kind=SURVEY_RESPONSES_KIND, owner=program)
    of_cohort = document_request(kind=SURVEY_RESPONSES_KIND, owner=cohort)
    assert can_download_survey_responses(coordinator, of_programme)
    assert can_download_survey_responses(coordinator, of_cohort)
    assert not can_download_survey_responses(participant, of_cohort)
    assert not can_download_survey_responses(facilitator, of_cohort)
    cohort.facilitators.add(facilitator)
    assert can_download_survey_responses(facilitator, Document.objects.get(pk=of_cohort.pk))
    assert not can_download_survey_responses(facilitator, of_programme)


@pytest.fixture
def worker_media(monkeypatch, settings):
    """The worker started next writes its files where this test looks for them."""
    monkeypatch.setenv("MEDIA_ROOT", str(settings.MEDIA_ROOT))


@pytest.mark.worker
def test_a_real_worker_builds_the_responses_spreadsheet(
    worker_media, celery_worker_process, answered_programme
):
    program, _cohorts = answered_programme
    with transaction.atomic():
        document = document_request(kind=SURVEY_RESPONSES_KIND, owner=program)
    done = wait_for(
        lambda: Document.objects.filter(pk=document.pk, status__in=["ready", "failed"]).first(),
        timeout=60,
        what="the spreadsheet",
    )
    assert done.status == Document.Status.READY
    _header, *rows = _sheet_rows(done)
    assert sorted(row[1] for row in rows) == ["Ilgın Irmak", "İnci Işık"]
