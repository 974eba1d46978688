import datetime as dt
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from action_plans.documents import build_data
from action_plans.models import PLAN_BUNDLE_KIND, PLAN_DOCUMENT_KIND, ActionPlan, ActionStep
from action_plans.services import plans as services
from action_plans.services.plans import PlanStateError, PlanVersionConflictError, StepDraft
from documents.models import Document
from documents.services import document_request
from participants.services.privacy import personal_data_erase
from tests.factories import (
    ActionPlanFactory,
    ActionStepFactory,
    CollaborationTypeFactory,
    LegalReferenceFactory,
    OrganizationFactory,
    RegistrationFactory,
    WorkGroupFactory,
    WorkGroupMemberFactory,
)

pytestmark = pytest.mark.django_db


def _positions(plan) -> list[str]:
    return list(plan.steps.order_by("position").values_list("description", flat=True))


def test_plan_is_created_with_steps_due_after_the_start_date():
    reference = LegalReferenceFactory(law_number="1163", article_number="9")
    group = WorkGroupFactory()

    plan = services.plan_create(
        collaboration_type=CollaborationTypeFactory(),
        title="Ortaklık planı",
        starts_on=dt.date(2026, 3, 1),
        steps=[
            StepDraft(description="İnceleme", offset_days=0, reference_ids=[reference.pk]),
            StepDraft(description="Meclis kararı", responsible="Meclis", offset_days=35),
        ],
        actor=None,
        work_group=group,
    )

    steps = list(plan.steps.order_by("position"))
    assert (plan.status, plan.version, plan.cohort) == ("draft", 1, group.cohort)
    assert [(s.position, s.description, s.due_on) for s in steps] == [
        (1, "İnceleme", dt.date(2026, 3, 1)),
        (2, "Meclis kararı", dt.date(2026, 4, 5)),
    ]
    assert list(steps[0].references.all()) == [reference]


def test_a_plan_has_exactly_one_owner_in_the_database():
    registration = RegistrationFactory()
    with pytest.raises(IntegrityError):
        ActionPlanFactory(registration=registration)


def test_update_with_the_current_version_saves_and_increments_it():
    plan = ActionPlanFactory()

    services.plan_update(
        plan_id=plan.pk, version=1, fields={"title": "Yeni"}, cooperatives=[], sdgs=[]
    )

    plan.refresh_from_db()
    assert (plan.title, plan.version) == ("Yeni", 2)


def test_update_with_a_stale_version_changes_nothing_and_reports_the_current_plan():
    plan = ActionPlanFactory(title="Birinci", version=3)

    with pytest.raises(PlanVersionConflictError) as conflict:
        services.plan_update(
            plan_id=plan.pk, version=2, fields={"title": "Üzerine yazma"}, cooperatives=[], sdgs=[]
        )

    assert (conflict.value.plan.title, conflict.value.plan.version) == ("Birinci", 3)
    plan.refresh_from_db()
    assert (plan.title, plan.version) == ("Birinci", 3)


def test_municipality_and_cooperatives_must_be_of_their_kind():
    plan = ActionPlanFactory()
    cooperative = OrganizationFactory(kind="cooperative", cooperative_kind="women")
    municipality = OrganizationFactory(kind="district")

    with pytest.raises(ValidationError) as error:
        services.plan_update(
            plan_id=plan.pk,
            version=1,
            fields={"municipality": cooperative},
            cooperatives=[municipality],
            sdgs=[],
        )

    assert sorted(error.value.message_dict) == ["cooperatives", "municipality"]


def test_steps_move_up_and_down_and_stay_put_at_the_ends():
    plan = ActionPlanFactory()
    first, second, third = (
        ActionStepFactory(plan=plan, position=n, description=f"A{n}") for n in (1, 2, 3)
    )

    services.step_move(step_id=third.pk, version=1, direction="up")
    assert _positions(plan) == ["A1", "A3", "A2"]
    services.step_move(step_id=first.pk, version=2, direction="up")
    assert _positions(plan) == ["A1", "A3", "A2"]
    services.step_move(step_id=first.pk, version=3, direction="down")
    assert _positions(plan) == ["A3", "A1", "A2"]
    assert second.pk in plan.steps.values_list("pk", flat=True)


def test_step_is_appended_and_cites_references():
    plan = ActionPlanFactory()
    ActionStepFactory(plan=plan, position=4)
    reference = LegalReferenceFactory()

    step = services.step_create(
        plan_id=plan.pk,
        version=1,
        fields={"description": "Yeni adım", "responsible": "", "status": "not_started"},
        references=[reference],
    )

    assert step.position == 5
    assert list(step.references.all()) == [reference]


def test_approved_plan_refuses_edits_but_accepts_step_progress():
    step = ActionStepFactory(plan__status="approved")

    with pytest.raises(PlanStateError):
        services.step_update(step_id=step.pk, version=1, fields={"description": "x"}, references=[])
    services.steps_progress_update(
        plan_id=step.plan_id, version=1, updates={step.pk: ("done", "Meclis kararı alındı.")}
    )

    step.refresh_from_db()
    assert (step.description.startswith("Plan adımı"), step.status, step.note) == (
        True,
        "done",
        "Meclis kararı alındı.",
    )


def test_submit_then_approve_or_return_with_a_comment():
    plan = ActionPlanFactory()
    services.plan_submit(plan_id=plan.pk, version=1)

    services.plan_review(plan_id=plan.pk, version=2, actor=None, approve=False, comment="Bütçe?")
    plan.refresh_from_db()
    assert (plan.status, plan.review_comment, plan.version) == ("returned", "Bütçe?", 3)

    services.plan_submit(plan_id=plan.pk, version=3)
    services.plan_review(plan_id=plan.pk, version=4, actor=None, approve=True, comment="")
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.APPROVED


def test_a_draft_cannot_be_approved():
    plan = ActionPlanFactory()
    with pytest.raises(PlanStateError):
        services.plan_review(plan_id=plan.pk, version=1, actor=None, approve=True, comment="")


def test_progress_counts_done_steps_of_all_steps():
    plan = ActionPlanFactory()
    for status in ("done", "done", "in_progress", "blocked", "not_started"):
        ActionStepFactory(plan=plan, status=status)

    assert plan.progress_counts() == (2, 5)
    assert plan.progress_percent == 40
    assert ActionPlanFactory().progress_percent == 0
    assert ActionStep.objects.filter(plan=plan).count() == 5


def test_erasing_a_person_deletes_the_plan_pdfs_that_print_them_and_their_cohorts_zip(
    settings, django_capture_on_commit_callbacks
):
    member = WorkGroupMemberFactory(registration__participant__full_name="İnci Çelik")
    group_plan = ActionPlanFactory(work_group=member.group)
    own_plan = ActionPlanFactory(registration=member.registration, work_group=None)
    other_plan = ActionPlanFactory(work_group=WorkGroupFactory())  # another cohort, not hers
    with django_capture_on_commit_callbacks(execute=True):
        for plan in (group_plan, own_plan, other_plan):
            document_request(kind=PLAN_DOCUMENT_KIND, owner=plan)
    with django_capture_on_commit_callbacks(execute=True):
        document_request(kind=PLAN_BUNDLE_KIND, owner=group_plan.cohort)
    media = Path(settings.MEDIA_ROOT)
    paths = {document.pk: media / document.file.name for document in Document.objects.all()}
    assert all(path.exists() for path in paths.values())
    with django_capture_on_commit_callbacks(execute=True):
        erased = services.plan_documents_erase(user=member.registration.participant)
    assert erased == 3
    left = Document.objects.get(object_id=other_plan.pk, kind=PLAN_DOCUMENT_KIND)
    assert {
        (document.kind, document.status, paths[document.pk].exists())
        for document in Document.objects.exclude(pk=left.pk)
    } == {(PLAN_DOCUMENT_KIND, "erased", False), (PLAN_BUNDLE_KIND, "erased", False)}
    assert (left.status, paths[left.pk].exists()) == ("ready", True)


def test_a_plan_pdf_asked_for_after_the_erasure_prints_the_erased_name(
    django_capture_on_commit_callbacks,
):
    member = WorkGroupMemberFactory(registration__participant__full_name="İnci Çelik")
    plan = ActionPlanFactory(work_group=member.group)
    with django_capture_on_commit_callbacks(execute=True):
        document_request(kind=PLAN_DOCUMENT_KIND, owner=plan)
    with django_capture_on_commit_callbacks(execute=True):
        personal_data_erase(user=member.registration.participant)
    with django_capture_on_commit_callbacks(execute=True):
        document = document_request(kind=PLAN_DOCUMENT_KIND, owner=plan)
    document.refresh_from_db()
    assert (document.version, document.status) == (2, "ready")
    assert build_data(plan).participants == ("Silinmiş katılımcı",)
