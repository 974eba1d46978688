"""The action plan as a PDF: how a plan becomes the layout's plain data, and who may fetch it."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from action_plans import permissions
from action_plans.models import PLAN_BUNDLE_KIND, PLAN_DOCUMENT_KIND
from action_plans.selectors.plans import cohort_plan_documents, plan_get
from core.text import capfirst
from documents.layouts import ACTION_PLAN, ActionPlanData, ActionStepData, LegalReferenceData
from documents.registry import BundleKind, DocumentKind, DocumentPage


def _citation(reference) -> str:
    """ "5393 m.14" for a law; the regulation's name and article otherwise."""
    source = reference.law_number or reference.law_name
    return f"{source} m.{reference.article_number}"


def _reference_data(reference) -> LegalReferenceData:
    heading = f" ({reference.article_heading})" if reference.article_heading else ""
    return LegalReferenceData(
        citation=_citation(reference),
        title=f"{reference.label}{heading}",
        summary=reference.summary,
        reviewed=reference.is_reviewed,
        reviewed_on=reference.reviewed_at,
        reviewed_by=reference.reviewer.full_name if reference.reviewer_id else "",
        url=reference.consolidated_text_url,
    )


def build_data(plan) -> ActionPlanData:
    """The plan as it stands now (the inputs hash changes whenever anything printed changes)."""
    plan = plan_get(plan_id=plan.pk)
    steps = list(plan.steps.all())
    references = {}
    for step in steps:
        for reference in step.references.all():
            references.setdefault(reference.pk, reference)
    if plan.work_group_id:
        group = plan.work_group.name
        people = [
            member.registration.participant.full_name for member in plan.work_group.members.all()
        ]
    else:
        group = _("Personal plan")
        people = [plan.registration.participant.full_name]
    organisations = [plan.municipality.name] if plan.municipality_id else []
    organisations += [cooperative.name for cooperative in plan.cooperatives.all()]
    return ActionPlanData(
        title=plan.title,
        group=group,
        participants=tuple(people),
        organisations=tuple(organisations),
        collaboration_type=str(plan.collaboration_type.display_name),
        sdgs=tuple(f"{goal.number}. {goal.display_name}" for goal in plan.sdgs.all()),
        goal=plan.goal,
        status=capfirst(str(plan.get_status_display())),
        problem=plan.problem,
        starts_on=plan.starts_on,
        steps=tuple(
            ActionStepData(
                number=number,
                description=step.description,
                responsible=step.responsible,
                due_on=step.due_on,
                status=capfirst(str(step.get_status_display())),
                legal_basis=tuple(_citation(reference) for reference in step.references.all()),
            )
            for number, step in enumerate(steps, 1)
        ),
        legal_references=tuple(_reference_data(reference) for reference in references.values()),
        cohort=f"{plan.cohort.program.title} — {plan.cohort.title}",
        prepared_on=timezone.localdate(plan.updated_at),
    )


def filename(data: ActionPlanData) -> str:
    return _("Action plan - %(title)s.pdf") % {"title": data.title}


def can_download(user, document) -> bool:
    plan = document.owner
    return plan is not None and permissions.can_view_plan(user, plan)


def _bundle_members(cohort):
    return cohort_plan_documents(cohort=cohort)


def _bundle_title(cohort) -> str:
    return _("Action plans - %(title)s") % {"title": cohort.title}


def _can_download_bundle(user, document) -> bool:
    cohort = document.owner
    return cohort is not None and permissions.can_view_cohort_plans(user, cohort)


def _bundle_page(cohort) -> DocumentPage:
    return DocumentPage(
        heading=_("All plans as PDF (ZIP)"),
        back_url=reverse("plans:cohort_plans", kwargs={"cohort_id": cohort.pk}),
        back_label=cohort.title,
    )


def _page(plan) -> DocumentPage:
    return DocumentPage(
        heading=_("Action plan"),
        back_url=reverse("plans:plan_detail", kwargs={"plan_id": plan.pk}),
        back_label=plan.title,
    )


ACTION_PLAN_BUNDLE_KIND = BundleKind(
    name=PLAN_BUNDLE_KIND,
    members=_bundle_members,
    title=_bundle_title,
    can_download=_can_download_bundle,
    page=_bundle_page,
)

ACTION_PLAN_KIND = DocumentKind(
    name=PLAN_DOCUMENT_KIND,
    layout=ACTION_PLAN,
    build_data=build_data,
    filename=filename,
    can_download=can_download,
    page=_page,
)
