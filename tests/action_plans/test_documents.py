import io

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
    WorkGroupMemberFactory,
)


@pytest.fixture
def plan(db):
    plan = ActionPlanFactory(title="Kadın kooperatifine ortaklık")
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
    assert "Hukuki inceleme bekliyor" in text


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


def test_strangers_cannot_ask_for_or_fetch_the_plan_pdf(client, plan, participant):
    client.force_login(participant)
    assert client.post(reverse("plans:plan_pdf", kwargs={"plan_id": plan.pk})).status_code == 404
    document = document_request(kind="action_plan", owner=plan)
    response = client.get(reverse("documents:download", kwargs={"document_id": document.pk}))
    assert response.status_code == 404
