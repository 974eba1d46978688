import pytest
from django.urls import reverse

from library.models import CollaborationBasis, LegalReference, StepTemplate
from tests.factories import (
    CollaborationBasisFactory,
    CollaborationTypeFactory,
    LegalReferenceFactory,
    StepTemplateFactory,
)

pytestmark = pytest.mark.django_db


def _reference_data(**overrides) -> dict:
    return {
        "kind": "law",
        "law_number": "5393",
        "law_name": "Belediye Kanunu",
        "article_number": "14",
        "article_heading": "Görev ve sorumluluklar",
        "domain": "municipal",
        "summary": "Belediye hizmeti yapar veya yaptırır.",
        "summary_en": "",
        "review_notes": "",
        **overrides,
    }


@pytest.fixture
def curator(client, coordinator):
    client.force_login(coordinator)
    return client


def test_participant_and_facilitator_cannot_open_the_console(client, participant, facilitator):
    url = reverse("library:console_references")
    for user in (participant, facilitator):
        client.force_login(user)
        assert client.get(url).status_code == 403


def test_participant_cannot_mark_a_reference_reviewed(client, participant):
    reference = LegalReferenceFactory()
    client.force_login(participant)

    response = client.post(
        reverse("library:console_reference_review", kwargs={"reference_id": reference.pk}),
        {"notes": "", "outcome": "reviewed"},
    )

    assert response.status_code == 403
    reference.refresh_from_db()
    assert reference.review_status == LegalReference.ReviewStatus.AWAITING


def test_coordinator_adds_a_reference_that_awaits_review(curator):
    response = curator.post(reverse("library:console_reference_create"), _reference_data())

    assert response.status_code == 302
    reference = LegalReference.objects.get()
    assert reference.label == "5393 sayılı Belediye Kanunu m.14"
    assert reference.review_status == LegalReference.ReviewStatus.AWAITING


def test_law_number_with_letters_is_rejected_next_to_the_field(curator):
    response = curator.post(
        reverse("library:console_reference_create"), _reference_data(law_number="53a")
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {"law_number": ["Yalnızca rakam girin, örneğin 5393."]}
    assert 'value="53a"' in response.content.decode()
    assert not LegalReference.objects.exists()


def test_law_without_number_is_rejected_next_to_the_field(curator):
    response = curator.post(
        reverse("library:console_reference_create"), _reference_data(law_number="")
    )

    assert response.context["form"].errors == {
        "law_number": ["Kanun için kanun numarası gereklidir, örneğin 5393."]
    }


def test_duplicate_law_and_article_is_rejected_next_to_the_article(curator):
    LegalReferenceFactory(law_number="5393", article_number="14")

    response = curator.post(
        reverse("library:console_reference_create"),
        _reference_data(article_number="m.14"),
    )

    assert response.context["form"].errors == {
        "article_number": ["Bu kanunun bu maddesi kütüphanede zaten var."]
    }
    assert LegalReference.objects.count() == 1


def test_regulation_may_be_added_without_a_number(curator):
    curator.post(
        reverse("library:console_reference_create"),
        _reference_data(kind="regulation", law_number="", law_name="Yardım yönetmeliği"),
    )

    reference = LegalReference.objects.get()
    assert (reference.kind, reference.pdf_url) == ("regulation", "")


def test_editing_a_reviewed_reference_warns_that_it_awaits_review_again(curator, coordinator):
    reference = LegalReferenceFactory(
        law_number="5393",
        article_number="14",
        review_status=LegalReference.ReviewStatus.REVIEWED,
        reviewer=coordinator,
    )

    response = curator.post(
        reverse("library:console_reference_edit", kwargs={"reference_id": reference.pk}),
        _reference_data(summary="Değişmiş özet."),
        follow=True,
    )

    reference.refresh_from_db()
    assert reference.review_status == LegalReference.ReviewStatus.AWAITING
    assert "yeniden hukuki inceleme bekliyor" in response.content.decode()


def test_editing_keeps_its_own_law_and_article(curator):
    reference = LegalReferenceFactory(law_number="5393", article_number="14")

    response = curator.post(
        reverse("library:console_reference_edit", kwargs={"reference_id": reference.pk}),
        _reference_data(article_heading="Yeni başlık"),
    )

    assert response.status_code == 302
    reference.refresh_from_db()
    assert reference.article_heading == "Yeni başlık"


def test_review_page_records_reviewer_and_notes(curator, coordinator):
    reference = LegalReferenceFactory()
    url = reverse("library:console_reference_review", kwargs={"reference_id": reference.pk})

    assert curator.get(url).status_code == 200
    curator.post(url, {"notes": "Resmî metinle aynı.", "outcome": "reviewed"})

    reference.refresh_from_db()
    assert reference.review_status == LegalReference.ReviewStatus.REVIEWED
    assert reference.reviewer == coordinator
    assert reference.reviewed_at is not None
    assert reference.review_notes == "Resmî metinle aynı."


def test_review_page_marks_outdated(curator):
    reference = LegalReferenceFactory()

    curator.post(
        reverse("library:console_reference_review", kwargs={"reference_id": reference.pk}),
        {"notes": "Madde yürürlükten kalktı.", "outcome": "outdated"},
    )

    reference.refresh_from_db()
    assert reference.review_status == LegalReference.ReviewStatus.OUTDATED


def test_retire_and_restore_are_posts(curator):
    reference = LegalReferenceFactory()
    retire = reverse("library:console_reference_retire", kwargs={"reference_id": reference.pk})
    restore = reverse("library:console_reference_restore", kwargs={"reference_id": reference.pk})

    assert curator.get(retire).status_code == 405
    curator.post(retire)
    reference.refresh_from_db()
    assert reference.is_active is False
    curator.post(restore)
    reference.refresh_from_db()
    assert reference.is_active is True


def test_unknown_reference_is_404(curator):
    url = reverse("library:console_reference_edit", kwargs={"reference_id": 999_999})

    assert curator.get(url).status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_console_list_query_count_does_not_grow(curator, django_assert_num_queries, count):
    for _ in range(count):
        LegalReferenceFactory()

    # session, user with its roles (navigation), then the references with their
    # reviewers and basis counts in one query
    with django_assert_num_queries(3):
        response = curator.get(reverse("library:console_references"))
    assert len(response.context["references"]) == count


def test_coordinator_edits_a_collaboration_type(curator):
    collaboration_type = CollaborationTypeFactory(slug="bagis", name="Bağış")

    curator.post(
        reverse("library:console_type_edit", kwargs={"slug": "bagis"}),
        {"name": "Bağış ve yardım", "name_en": "Donation", "description": "", "position": 2},
    )

    collaboration_type.refresh_from_db()
    assert (collaboration_type.name, collaboration_type.position) == ("Bağış ve yardım", 2)


def test_coordinator_adds_a_basis_and_duplicate_is_rejected(curator):
    collaboration_type = CollaborationTypeFactory(slug="ortaklik")
    reference = LegalReferenceFactory()
    url = reverse("library:console_basis_create", kwargs={"slug": "ortaklik"})
    data = {
        "reference": reference.pk,
        "side": "cooperative",
        "effect": "enables",
        "explanation": "Kamu tüzel kişileri ortak olabilir.",
        "position": 1,
    }

    assert curator.post(url, data).status_code == 302
    response = curator.post(url, data)

    assert response.context["form"].errors == {
        "reference": ["Bu yasal dayanak bu işbirliği türüne zaten eklenmiş."]
    }
    basis = CollaborationBasis.objects.get()
    assert (basis.collaboration_type, basis.side) == (collaboration_type, "cooperative")


def test_basis_without_explanation_keeps_input_and_says_why(curator):
    CollaborationTypeFactory(slug="ortaklik")
    reference = LegalReferenceFactory()

    response = curator.post(
        reverse("library:console_basis_create", kwargs={"slug": "ortaklik"}),
        {"reference": reference.pk, "side": "municipal", "effect": "limits", "position": 1},
    )

    assert response.context["form"].errors == {"explanation": ["Bu alan zorunludur."]}
    assert response.context["form"]["side"].value() == "municipal"


def test_coordinator_edits_and_removes_a_basis(curator):
    basis = CollaborationBasisFactory(collaboration_type__slug="esgudum")
    edit = reverse("library:console_basis_edit", kwargs={"basis_id": basis.pk})

    curator.post(
        edit,
        {
            "reference": basis.reference_id,
            "side": "general",
            "effect": "limits",
            "explanation": "Sınırlar.",
            "position": 3,
        },
    )
    basis.refresh_from_db()
    assert (basis.side, basis.effect) == ("general", "limits")

    curator.post(reverse("library:console_basis_delete", kwargs={"basis_id": basis.pk}))
    assert not CollaborationBasis.objects.exists()


def test_coordinator_adds_edits_moves_and_deletes_steps(curator):
    collaboration_type = CollaborationTypeFactory(slug="ortaklik")
    first = StepTemplateFactory(collaboration_type=collaboration_type, position=1)
    reference = LegalReferenceFactory()

    curator.post(
        reverse("library:console_step_create", kwargs={"slug": "ortaklik"}),
        {
            "description": "Meclis kararı taslağının hazırlanması",
            "responsible_role": "İlgili müdürlük",
            "offset_days": 21,
            "references": [reference.pk],
        },
    )
    added = StepTemplate.objects.get(description="Meclis kararı taslağının hazırlanması")
    assert added.position == 2
    assert list(added.references.all()) == [reference]

    response = curator.post(
        reverse("library:console_step_move", kwargs={"step_id": added.pk}),
        {"direction": "up"},
    )
    assert response.url.endswith(f"#adim-{added.pk}")
    assert list(collaboration_type.step_templates.order_by("position")) == [added, first]

    curator.post(
        reverse("library:console_step_edit", kwargs={"step_id": added.pk}),
        {"description": "Taslak", "offset_days": 14, "references": []},
    )
    added.refresh_from_db()
    assert (added.description, added.references.count()) == ("Taslak", 0)

    curator.post(reverse("library:console_step_delete", kwargs={"step_id": added.pk}))
    assert list(collaboration_type.step_templates.all()) == [first]


def test_step_with_negative_offset_is_rejected(curator):
    CollaborationTypeFactory(slug="bagis")

    response = curator.post(
        reverse("library:console_step_create", kwargs={"slug": "bagis"}),
        {"description": "Adım", "offset_days": -3},
    )

    assert list(response.context["form"].errors) == ["offset_days"]
    assert not StepTemplate.objects.exists()


def test_type_page_lists_bases_and_steps(curator):
    basis = CollaborationBasisFactory(collaboration_type__slug="ortaklik")
    StepTemplateFactory(collaboration_type=basis.collaboration_type, description="İlk adım")

    response = curator.get(reverse("library:console_type", kwargs={"slug": "ortaklik"}))

    content = response.content.decode()
    assert basis.reference.label in content
    assert "İlk adım" in content


def test_detail_page_offers_curation_links_to_coordinators_only(client, coordinator, participant):
    reference = LegalReferenceFactory()
    url = reverse("library:reference_detail", kwargs={"reference_id": reference.pk})
    edit = reverse("library:console_reference_edit", kwargs={"reference_id": reference.pk})

    client.force_login(participant)
    assert edit not in client.get(url).content.decode()
    client.force_login(coordinator)
    assert edit in client.get(url).content.decode()


def test_admin_edit_of_reviewed_content_sends_it_back_to_review(client, coordinator):
    coordinator.is_superuser = True
    coordinator.save()
    reference = LegalReferenceFactory(
        law_number="5393", article_number="14", review_status="reviewed", reviewer=coordinator
    )
    client.force_login(coordinator)

    response = client.post(
        reverse("admin:library_legalreference_change", args=[reference.pk]),
        {**_reference_data(summary="Yeni özet."), "is_active": "on"},
    )

    assert response.status_code == 302
    reference.refresh_from_db()
    assert (reference.summary, reference.review_status) == ("Yeni özet.", "awaiting")
