import datetime as dt

import pytest
import time_machine

from library import services
from library.models import SDG, LegalReference
from tests.factories import (
    CollaborationTypeFactory,
    LegalReferenceFactory,
    StepTemplateFactory,
)

pytestmark = pytest.mark.django_db

REVIEW_DAY = dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.UTC)


def test_migrate_leaves_exactly_the_seventeen_goals():
    assert SDG.objects.count() == 17
    first, last = SDG.objects.first(), SDG.objects.last()
    assert (first.number, first.name, first.name_en) == (1, "Yoksulluğa Son", "No Poverty")
    assert last.number == 17


def test_sdgs_sync_restores_a_changed_goal_and_removes_strays():
    SDG.objects.filter(number=1).update(name="Yanlış")
    SDG.objects.create(number=18, name="Fazla")

    services.sdgs_sync()

    assert SDG.objects.get(number=1).name == "Yoksulluğa Son"
    assert list(SDG.objects.values_list("number", flat=True)) == list(range(1, 18))


@pytest.mark.django_db(transaction=True)
def test_sdgs_are_back_after_a_transactional_test_flushes_the_database():
    assert SDG.objects.count() == 17


def test_new_reference_always_awaits_legal_review():
    reference = services.reference_create(
        fields={
            "kind": "law",
            "law_number": "1163",
            "law_name": "Kooperatifler Kanunu",
            "article_number": "9",
            "article_heading": "Tüzel kişilerin ortaklığı",
            "domain": "cooperative",
            "summary": "Kamu tüzel kişileri kooperatiflere ortak olabilir.",
            "summary_en": "",
            "review_notes": "",
        }
    )

    assert reference.review_status == LegalReference.ReviewStatus.AWAITING


@time_machine.travel(REVIEW_DAY, tick=False)
def test_marking_reviewed_records_reviewer_date_and_notes(coordinator):
    reference = LegalReferenceFactory(review_notes="Açık soru")

    services.reference_mark_reviewed(
        reference_id=reference.pk, reviewer=coordinator, notes="Resmî metinle karşılaştırıldı."
    )

    reference.refresh_from_db()
    assert reference.review_status == LegalReference.ReviewStatus.REVIEWED
    assert reference.reviewer == coordinator
    assert reference.reviewed_at == dt.date(2026, 11, 26)
    assert reference.review_notes == "Resmî metinle karşılaştırıldı."


@time_machine.travel(REVIEW_DAY, tick=False)
def test_marking_outdated_records_reviewer_and_date(coordinator):
    reference = LegalReferenceFactory()

    services.reference_mark_outdated(
        reference_id=reference.pk, reviewer=coordinator, notes="Madde değişti."
    )

    reference.refresh_from_db()
    assert reference.review_status == LegalReference.ReviewStatus.OUTDATED
    assert reference.reviewer == coordinator
    assert reference.reviewed_at == dt.date(2026, 11, 26)


def test_changing_a_reviewed_summary_sends_it_back_to_review(coordinator):
    reference = LegalReferenceFactory(summary="Eski özet")
    services.reference_mark_reviewed(reference_id=reference.pk, reviewer=coordinator, notes="")

    updated, review_reset = services.reference_update(
        reference_id=reference.pk, fields={"summary": "Yeni özet"}
    )

    assert review_reset is True
    assert updated.review_status == LegalReference.ReviewStatus.AWAITING
    assert updated.summary == "Yeni özet"


def test_editing_only_the_notes_of_a_reviewed_reference_keeps_the_review(coordinator):
    reference = LegalReferenceFactory()
    services.reference_mark_reviewed(reference_id=reference.pk, reviewer=coordinator, notes="")

    updated, review_reset = services.reference_update(
        reference_id=reference.pk, fields={"review_notes": "Ek not"}
    )

    assert review_reset is False
    assert updated.review_status == LegalReference.ReviewStatus.REVIEWED


def test_retiring_and_restoring_a_reference():
    reference = LegalReferenceFactory()

    services.reference_set_active(reference_id=reference.pk, active=False)
    reference.refresh_from_db()
    assert reference.is_active is False

    services.reference_set_active(reference_id=reference.pk, active=True)
    reference.refresh_from_db()
    assert reference.is_active is True


def test_new_step_is_appended_after_the_last():
    collaboration_type = CollaborationTypeFactory()
    StepTemplateFactory(collaboration_type=collaboration_type, position=4)
    reference = LegalReferenceFactory()

    step = services.step_template_create(
        collaboration_type=collaboration_type,
        fields={"description": "Meclis kararı", "offset_days": 10},
        references=[reference],
    )

    assert step.position == 5
    assert list(step.references.all()) == [reference]


def _order(collaboration_type):
    return list(collaboration_type.step_templates.order_by("position").values_list("description"))


def test_moving_a_step_up_swaps_it_with_the_one_before_and_renumbers():
    collaboration_type = CollaborationTypeFactory()
    first = StepTemplateFactory(collaboration_type=collaboration_type, position=1, description="A")
    StepTemplateFactory(collaboration_type=collaboration_type, position=5, description="B")
    third = StepTemplateFactory(collaboration_type=collaboration_type, position=9, description="C")

    services.step_template_move(step_id=third.pk, direction="up")

    assert _order(collaboration_type) == [("A",), ("C",), ("B",)]
    assert list(
        collaboration_type.step_templates.order_by("position").values_list("position", flat=True)
    ) == [1, 2, 3]

    services.step_template_move(step_id=first.pk, direction="down")
    assert _order(collaboration_type) == [("C",), ("A",), ("B",)]


def test_moving_the_first_step_up_changes_nothing():
    collaboration_type = CollaborationTypeFactory()
    first = StepTemplateFactory(collaboration_type=collaboration_type, position=1, description="A")
    StepTemplateFactory(collaboration_type=collaboration_type, position=2, description="B")

    services.step_template_move(step_id=first.pk, direction="up")

    assert _order(collaboration_type) == [("A",), ("B",)]
