"""The demo work groups and action plans of the finished cohort (`manage.py load_demo`)."""

from django.utils import timezone

from action_plans.models import ActionPlan, ActionStep, WorkGroup
from action_plans.selectors.plans import unassigned_registrations
from action_plans.services.groups import work_group_create
from action_plans.services.plans import StepDraft, plan_create
from library.models import SDG, CollaborationType
from library.selectors import step_templates
from participants.models import Organization

# Three work groups of a finished cohort, each with a plan of another collaboration type, at
# different stages: (group name, theme, collaboration type, plan title, plan status, municipality,
# cooperative, SDG numbers, problem, goal, statuses of the first steps).
DEMO_GROUPS = [
    (
        "Bakım hizmetleri grubu",
        "care",
        "mal-ve-hizmet-alimi",
        "Yaşlılara evde bakım hizmetinin kooperatiften alınması",
        "approved",
        "Çankaya Belediyesi",
        "Ege Sosyal Girişim Kooperatifi",
        [3, 5, 8],
        "İlçede evde bakım bekleyen yaşlıların sayısı belediyenin kendi kapasitesini aşıyor.",
        "Bir yıl içinde 60 haneye düzenli evde bakım hizmeti ulaştırmak.",
        ["done", "done", "in_progress"],
    ),
    (
        "Tarım ve gıda grubu",
        "agriculture",
        "esgudum",
        "Üretici kooperatifiyle kent bostanı eşgüdümü",
        "submitted",
        "Çankaya Belediyesi",
        "Tire Süt Üreticileri Kooperatifi",
        [2, 11, 12],
        "Kent bostanlarının ürünleri düzenli bir satış kanalına ulaşamıyor.",
        "Belediye pazar alanında haftalık bir üretici pazarını birlikte işletmek.",
        ["done"],
    ),
    (
        "Kadın kooperatifleri grubu",
        "women",
        "ortaklik",
        "Kadın kooperatifine belediye ortaklığı",
        "draft",
        "Çankaya Belediyesi",
        "Bayındır Kadın Kooperatifi",
        [5, 8, 10],
        "Kadın kooperatifinin sermayesi, kreş ve mutfak işletmesini büyütmeye yetmiyor.",
        "Belediyenin kooperatife ortak olmasının yasal koşullarını netleştirip meclise sunmak.",
        ["done", "blocked"],
    ),
]


def load_demo_action_plans(*, cohort) -> list:
    """Three work groups of `cohort` (its confirmed registrations in no group, split in three,
    the last group taking the rest) with one plan each. Idempotent: existing groups and plans
    are left as they are."""
    free = list(unassigned_registrations(cohort=cohort))
    facilitator = cohort.facilitators.order_by("pk").first()
    missing = [row for row in DEMO_GROUPS if not cohort.work_groups.filter(name=row[0]).exists()]
    size = len(free) // len(missing) if missing else 0
    plans = []
    for row in DEMO_GROUPS:
        name, theme, type_slug, title, status, municipality, cooperative, sdgs = row[:8]
        problem, goal, step_statuses = row[8:]
        group = WorkGroup.objects.filter(cohort=cohort, name=name).first()
        if group is None:
            take = len(free) if name == missing[-1][0] else size
            members, free = free[:take], free[take:]
            group = work_group_create(
                cohort=cohort,
                name=name,
                theme=theme,
                facilitator=facilitator,
                registrations=members,
            )
        plan = ActionPlan.objects.filter(work_group=group, title=title).first()
        if plan is None:
            collaboration_type = CollaborationType.objects.get(slug=type_slug)
            plan = plan_create(
                collaboration_type=collaboration_type,
                title=title,
                starts_on=cohort.ends_on,
                steps=[
                    StepDraft(
                        description=template.description,
                        responsible=template.responsible_role,
                        offset_days=template.offset_days,
                        reference_ids=[reference.pk for reference in template.references.all()],
                    )
                    for template in step_templates(collaboration_type=collaboration_type)
                ],
                actor=facilitator,
                work_group=group,
            )
            plan.problem, plan.goal, plan.status = problem, goal, status
            plan.municipality = Organization.objects.filter(name=municipality).first()
            if status == "approved":
                plan.reviewed_by, plan.reviewed_at = facilitator, timezone.now()
            plan.save()
            plan.cooperatives.set(Organization.objects.filter(name=cooperative))
            plan.sdgs.set(SDG.objects.filter(number__in=sdgs))
            steps = plan.steps.order_by("position")[: len(step_statuses)]
            for step, step_status in zip(steps, step_statuses, strict=False):
                ActionStep.objects.filter(pk=step.pk).update(status=step_status)
        plans.append(plan)
    return plans
