import datetime as dt
import io
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from action_plans.documents import build_data, can_download
from documents.models import Document
from documents.services import document_request
from tests.factories import (
    ActionPlanFactory,
    ActionStepFactory,
    LegalReferenceFactory,
    RegistrationFactory,
    WorkGroupFactory,
    WorkGroupMemberFactory,
)


@pytest.fixture
def plan(db):
    plan = ActionPlanFactory(
        title="Kadın kooperatifine ortaklık",
        problem="Ürünler yalnızca pazar yerinde satılıyor.",
        starts_on=dt.date(2027, 3, 1),
        status="submitted",
    )
    member = WorkGroupMemberFactory(
        group=plan.work_group,
        registration=RegistrationFactory(cohort=plan.cohort, participant__full_name="İnci Işık"),
    )
    reference = LegalReferenceFactory(
        law_number="1163", law_name="Kooperatifler Kanunu", article_number="9"
    )
    step = ActionStepFactory(
        plan=plan, description='<img src="file:///etc/passwd"> ve http://ornek.invalid/x'
    )
    step.references.add(reference)
    plan.member = member
    return plan


def test_plan_data_has_the_steps_citations_and_the_appendix(plan):
    data = build_data(plan)
    assert data.title == "Kadın kooperatifine ortaklık"
    assert data.participants == ("İnci Işık",)
    assert data.steps[0].legal_basis == ("1163 m.9",)
    assert data.steps[0].status == "Başlamadı"
    assert [reference.citation for reference in data.legal_references] == ["1163 m.9"]
    assert data.legal_references[0].reviewed is False
    assert (data.status, data.problem, data.starts_on) == (
        "Onaya gönderildi",
        "Ürünler yalnızca pazar yerinde satılıyor.",
        dt.date(2027, 3, 1),
    )


def test_plan_pdf_renders_user_text_as_text(plan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(kind="action_plan", owner=plan)
    document.refresh_from_db()
    assert document.status == Document.Status.READY
    with document.file.open("rb") as handle:
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)
    assert "Kadın kooperatifine ortaklık" in text
    assert "1163 m.9" in text
    assert 'img src="file:///etc/passwd"' in text.replace("\n", " ")
    assert (
        "Sorumlu: Belediye · Son tarih: — · Durum: Başlamadı · Yasal dayanak: 1163 m.9"
        in text.replace("\n", " ")
    )
    assert "Hukuki inceleme bekliyor" in text
    flat = text.replace("\n", " ")
    assert "Durum Onaya gönderildi" in flat  # a plan not approved yet does not pass for one
    assert "Başlangıç tarihi 1 Mart 2027" in flat
    assert "Sorun tanımı Ürünler yalnızca pazar yerinde satılıyor." in flat


def test_members_and_coordinators_may_download_strangers_not(plan, participant, coordinator):
    document = document_request(kind="action_plan", owner=plan)
    assert can_download(plan.member.registration.participant, document)
    assert can_download(coordinator, document)
    assert not can_download(participant, document)


def test_plan_pdf_view_asks_for_the_document_and_sends_to_its_page(client, plan):
    client.force_login(plan.member.registration.participant)
    response = client.post(reverse("plans:plan_pdf", kwargs={"plan_id": plan.pk}))
    document = Document.objects.get(kind="action_plan")
    assert response.status_code == 302
    assert response.url == reverse("documents:download", kwargs={"document_id": document.pk})
    assert document.filename == "Eylem planı - Kadın kooperatifine ortaklık.pdf"
    page = client.get(response.url).content.decode()  # queued: its page, not the file
    assert "<h1>Eylem planı</h1>" in page
    back = reverse("plans:plan_detail", kwargs={"plan_id": plan.pk})
    assert f'<p class="breadcrumb"><a href="{back}">Kadın kooperatifine ortaklık</a></p>' in page


def test_strangers_cannot_ask_for_or_fetch_the_plan_pdf(client, plan, participant):
    client.force_login(participant)
    assert client.post(reverse("plans:plan_pdf", kwargs={"plan_id": plan.pk})).status_code == 404
    document = document_request(kind="action_plan", owner=plan)
    response = client.get(reverse("documents:download", kwargs={"document_id": document.pk}))
    assert response.status_code == 404


def test_facilitator_gets_all_plans_of_the_cohort_as_one_zip(
    client, plan, facilitator, django_capture_on_commit_callbacks
):
    plan.cohort.facilitators.add(facilitator)
    second = ActionPlanFactory(work_group=WorkGroupFactory(cohort=plan.cohort), title="Bağış planı")
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("plans:cohort_plan_pdfs", kwargs={"cohort_id": plan.cohort_id})
        )
    assert response.url == reverse("plans:cohort_plan_pdfs", kwargs={"cohort_id": plan.cohort_id})
    page = client.get(response.url).content.decode()
    assert "2 PDF&#x27;ten 2 tanesi hazır" in page or "2 PDF'ten 2 tanesi hazır" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("plans:cohort_plans_zip", kwargs={"cohort_id": plan.cohort_id})
        )
    bundle = Document.objects.get(kind="action_plan_bundle")
    bundle.refresh_from_db()
    assert bundle.status == Document.Status.READY
    with bundle.file.open("rb") as handle:
        content = handle.read()
    names = sorted(zipfile.ZipFile(io.BytesIO(content)).namelist())
    assert names == [
        "Eylem planı - Bağış planı.pdf",
        "Eylem planı - Kadın kooperatifine ortaklık.pdf",
    ]
    assert bundle.filename == f"Eylem planları - {plan.cohort.title}.zip"
    assert second.title == "Bağış planı"


def test_the_page_of_a_cohorts_plans_zip_leads_back_to_its_plans(client, plan, facilitator):
    plan.cohort.facilitators.add(facilitator)
    client.force_login(facilitator)
    bundle = document_request(kind="action_plan_bundle", owner=plan.cohort)
    page = client.get(reverse("documents:download", kwargs={"document_id": bundle.pk}))
    html = page.content.decode()
    assert "<h1>Tüm planlar PDF olarak (ZIP)</h1>" in html
    back = reverse("plans:cohort_plans", kwargs={"cohort_id": plan.cohort_id})
    assert f'<p class="breadcrumb"><a href="{back}">{plan.cohort.title}</a></p>' in html


def test_strangers_cannot_prepare_a_cohorts_plan_pdfs(client, plan, facilitator):
    client.force_login(facilitator)  # facilitates another cohort
    url = reverse("plans:cohort_plan_pdfs", kwargs={"cohort_id": plan.cohort_id})
    assert client.post(url).status_code == 404
    assert not Document.objects.exists()


def test_the_pdf_page_offers_to_prepare_plans_without_a_pdf_instead_of_waiting_for_them(
    client, plan, facilitator, django_capture_on_commit_callbacks
):
    plan.cohort.facilitators.add(facilitator)
    client.force_login(facilitator)
    url = reverse("plans:cohort_plan_pdfs", kwargs={"cohort_id": plan.cohort_id})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    ActionPlanFactory(work_group=WorkGroupFactory(cohort=plan.cohort), title="Sonradan eklenen")
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in fragment
    assert "Eksik PDF'leri hazırla" in fragment or "Eksik PDF&#x27;leri hazırla" in fragment
    assert "ZIP" in fragment
