"""What happens in a cohort: attendance, the evaluation survey, work groups and action plans."""

import datetime as dt
import uuid

from action_plans.models import ActionPlan, ActionStep, WorkGroup, WorkGroupMember
from gencisi.scale import names
from gencisi.scale.build import BATCH, Build, CohortPlan, bulk
from library.models import SDG, CollaborationType
from participants.models import (
    Attendance,
    Organization,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveySubmission,
)

MUNICIPAL = {"metropolitan", "provincial", "district"}
GROUP_LABELS = {
    "care": "Bakım hizmetleri",
    "agriculture": "Tarım ve gıda",
    "women": "Kadın kooperatifleri",
    "environment": "Çevre ve geri dönüşüm",
    "social": "Sosyal hizmetler",
    "culture": "Kültür ve turizm",
    "other": "Ortak konular",
}
PLAN_STATUS = {"draft": 20, "submitted": 25, "approved": 45, "returned": 10}
EXTRA_STEPS = (
    "Kooperatif yönetim kuruluyla ön görüşme yapılması",
    "Belediye birimleriyle ihtiyaç analizinin paylaşılması",
    "Bütçe kaleminin belirlenmesi ve onaya sunulması",
    "Pilot uygulamanın başlatılması",
    "İlk üç ayın değerlendirme raporunun hazırlanması",
    "Kamuoyuna tanıtım toplantısı düzenlenmesi",
)


def _ended_sessions(build: Build, plan: CohortPlan) -> list:
    return [session for session in plan.sessions if session.starts_at.date() < build.today]


def load_attendance(build: Build) -> int:
    """One row per confirmed person and session that has taken place: most people attend
    nearly everything, about one in five misses much (and falls below the threshold)."""
    rng, written, rows = build.rng, 0, []
    for plan in build.cohorts:
        sessions = _ended_sessions(build, plan) if plan.phase in ("finished", "running") else []
        for registration in plan.confirmed if sessions else ():
            attends = 0.96 if rng.random() < 0.8 else 0.55
            for session in sessions:
                status, method = Attendance.Status.ABSENT, Attendance.Method.GRID
                if rng.random() < attends:
                    late = rng.random() < 0.1
                    status = Attendance.Status.LATE if late else Attendance.Status.PRESENT
                    if rng.random() < 0.2:
                        method = Attendance.Method.QR
                marker = registration.participant
                if method == Attendance.Method.GRID:
                    marker = rng.choice(plan.facilitators)
                rows.append(
                    Attendance(
                        session=session,
                        registration=registration,
                        status=status,
                        method=method,
                        marked_by=marker,
                        marked_at=session.starts_at + dt.timedelta(minutes=rng.randint(0, 40)),
                    )
                )
            if len(rows) >= 10 * BATCH:
                written += len(bulk(Attendance, rows))
                rows = []
    return written + len(bulk(Attendance, rows))


def _respondent_counts(build: Build, pools: list[list]) -> list[int]:
    rng = build.rng
    counts = [round(len(pool) * rng.uniform(0.25, 0.7)) for pool in pools]
    target = min(build.size.survey_submissions, sum(len(pool) for pool in pools))
    while sum(counts) != target:
        index = rng.randrange(len(pools))
        step = 1 if sum(counts) < target else -1
        if 0 <= counts[index] + step <= len(pools[index]):
            counts[index] += step
    return counts


def _answer(build: Build, question: SurveyQuestion, base: int) -> dict | None:
    rng = build.rng
    if question.kind == SurveyQuestion.Kind.SCALE:
        return {"scale": max(1, min(5, base + rng.choice((-1, 0, 0, 0, 1))))}
    if question.kind == SurveyQuestion.Kind.CHOICE and question.choice_list:
        return {"choice": rng.choice(question.choice_list)}
    if question.topic == SurveyQuestion.Topic.IMPROVE and rng.random() < 0.35:
        return {"text": rng.choice(names.SURVEY_IMPROVE)}
    if question.topic == SurveyQuestion.Topic.COMMENTS and rng.random() < 0.25:
        return {"text": rng.choice(names.SURVEY_COMMENTS)}
    return None


def load_survey(build: Build) -> int:
    """Submissions and responses of finished cohorts (anonymous ones without the person), and
    an answer to every required question."""
    rng = build.rng
    plans = [plan for plan in build.cohorts if plan.phase == "finished" and plan.confirmed]
    pools = [plan.confirmed for plan in plans]
    submissions, responses, answers = [], [], []
    for plan, pool, count in zip(plans, pools, _respondent_counts(build, pools), strict=True):
        cohort = plan.cohort
        closes = min(build.at(cohort.ends_on + dt.timedelta(days=30)), build.at(build.today))
        for registration in rng.sample(pool, count):
            submitted_at = build.some_time(build.at(cohort.ends_on, 17), closes)
            submissions.append(
                SurveySubmission(registration=registration, submitted_at=submitted_at)
            )
            response = SurveyResponse(
                id=uuid.UUID(int=rng.getrandbits(128), version=4),
                cohort=cohort,
                registration=None if cohort.survey_anonymous else registration,
                organization_kind=registration.participant.scale_organisation.kind,
            )
            responses.append(response)
            base = rng.choices((5, 4, 3, 2), weights=(40, 38, 16, 6))[0]
            for question in build.questions[plan.programme.pk]:
                values = _answer(build, question, base)
                if values is not None:
                    answers.append(SurveyAnswer(response=response, question=question, **values))
    bulk(SurveySubmission, submissions)
    bulk(SurveyResponse, responses)
    bulk(SurveyAnswer, answers)
    return len(submissions)


def _plan_time(build: Build, plan: CohortPlan, days_after: int) -> dt.datetime:
    day = min(plan.cohort.ends_on + dt.timedelta(days=days_after), build.today)
    return build.at(day, build.rng.randint(9, 17), build.rng.randint(0, 59))


def _action_plan(build: Build, plan: CohortPlan, context: dict, **owner) -> ActionPlan:
    rng = build.rng
    status = build.pick(PLAN_STATUS)
    created_at = _plan_time(build, plan, rng.randint(0, 5))
    updated_at = max(created_at, _plan_time(build, plan, rng.randint(5, 60)))
    province = plan.cohort.province_id
    municipalities = context["municipal"].get(province) or context["all_municipal"]
    reviewed = status in ("approved", "returned")
    return ActionPlan(
        cohort=plan.cohort,
        title=f"{plan.cohort.province.name}: {rng.choice(names.PLAN_TITLES)}",
        problem="Hizmete erişemeyen hanelere ulaşmak için belediyenin tek başına kapasitesi yok.",
        goal="Bir yıl içinde kooperatifle birlikte hizmetin ilk aşamasını başlatmak.",
        municipality=rng.choice(municipalities),
        collaboration_type=rng.choice(context["types"]),
        starts_on=plan.cohort.ends_on + dt.timedelta(days=14),
        status=status,
        review_comment="Takvim gerçekçi; bütçe kalemini netleştirin." if reviewed else "",
        reviewed_by=build.coordinator if reviewed else None,
        reviewed_at=updated_at if reviewed else None,
        submitted_at=updated_at if status != "draft" else None,
        version=rng.randint(1, 6),
        created_by=rng.choice(plan.facilitators),
        created_at=created_at,
        updated_at=updated_at,
        **owner,
    )


def _steps(build: Build, plan: ActionPlan, templates: list) -> tuple[list, list]:
    rng = build.rng
    count = rng.randint(4, 14)
    steps, references = [], []
    for position in range(1, count + 1):
        template = templates[position - 1] if position <= len(templates) else None
        offset = template.offset_days if template else 14 * position
        due_on = plan.starts_on + dt.timedelta(days=offset)
        status = ActionStep.Status.NOT_STARTED
        if plan.status == "approved":
            done = due_on < build.today and rng.random() < 0.7
            status = "done" if done else rng.choice(("not_started", "in_progress", "blocked"))
        elif plan.status != "draft" and rng.random() < 0.3:
            status = ActionStep.Status.IN_PROGRESS
        step = ActionStep(
            plan=plan,
            position=position,
            description=template.description if template else rng.choice(EXTRA_STEPS),
            responsible=template.responsible_role if template else "Belediye",
            due_on=due_on,
            status=status,
            updated_at=plan.updated_at,
        )
        steps.append(step)
        if template is not None:
            references += [(step, reference) for reference in template.references.all()]
    return steps, references


def _plan_context(build: Build) -> dict:
    municipal: dict[int, list] = {}
    for organisation in build.organisations:
        if organisation.kind in MUNICIPAL:
            municipal.setdefault(organisation.province_id, []).append(organisation)
    return {
        "municipal": municipal,
        "all_municipal": [o for o in build.organisations if o.kind in MUNICIPAL],
        "cooperatives": [o for o in build.organisations if o.kind == Organization.Kind.COOPERATIVE],
        "types": list(
            CollaborationType.objects.prefetch_related("step_templates__references").order_by(
                "position", "pk"
            )
        ),
        "sdgs": list(SDG.objects.order_by("number")),
    }


def _groups(build: Build, plans: list[CohortPlan], count: int) -> tuple[list, list, set]:
    rng, groups, members, grouped = build.rng, [], [], set()
    # At most 60 % of a cohort join groups: the others may have plans of their own.
    free = {id(plan): rng.sample(plan.confirmed, k=len(plan.confirmed) * 3 // 5) for plan in plans}
    numbers: dict[int, int] = {}
    for plan in rng.choices(plans, weights=[len(p.confirmed) for p in plans], k=count):
        people = free[id(plan)]
        if len(people) < 2:
            continue
        theme = rng.choice(list(GROUP_LABELS))
        numbers[id(plan)] = numbers.get(id(plan), 0) + 1
        group = WorkGroup(
            cohort=plan.cohort,
            name=f"{GROUP_LABELS[theme]} grubu {numbers[id(plan)]}",
            theme=theme,
            facilitator=rng.choice(plan.facilitators),
            created_at=build.at(plan.cohort.ends_on, 15),
        )
        group.scale_plan = plan
        groups.append(group)
        for _ in range(min(len(people), rng.randint(5, 9))):
            registration = people.pop(rng.randrange(len(people)))
            grouped.add(registration.pk)
            members.append((group, registration))
    return groups, members, grouped


def load_plans(build: Build) -> int:
    """Work groups with members, one plan per group and plans of single participants (about
    two thirds group plans), each with 4–14 steps from its collaboration type's templates."""
    rng = build.rng
    context = _plan_context(build)
    plans = [p for p in build.cohorts if p.phase in ("finished", "running") and p.confirmed]
    group_count = round(build.size.plans * 2 / 3)
    groups, members, grouped = _groups(build, plans, group_count)
    bulk(WorkGroup, groups)
    bulk(
        WorkGroupMember,
        [
            WorkGroupMember(group=group, registration=registration, added_at=group.created_at)
            for group, registration in members
        ],
    )
    action_plans = [
        _action_plan(build, group.scale_plan, context, work_group=group) for group in groups
    ]
    singles = [(plan, r) for plan in plans for r in plan.confirmed if r.pk not in grouped]
    for plan, registration in rng.sample(
        singles, min(len(singles), build.size.plans - len(groups))
    ):
        action_plans.append(_action_plan(build, plan, context, registration=registration))
    bulk(ActionPlan, action_plans)
    steps, step_references, cooperatives, sdgs = [], [], [], []
    for plan in action_plans:
        templates = list(plan.collaboration_type.step_templates.all())
        plan_steps, references = _steps(build, plan, templates)
        steps += plan_steps
        step_references += references
        chosen = rng.sample(context["cooperatives"], k=min(2, len(context["cooperatives"])))
        cooperatives += [
            ActionPlan.cooperatives.through(actionplan=plan, organization=cooperative)
            for cooperative in chosen[: rng.randint(1, 2)]
        ]
        sdgs += [
            ActionPlan.sdgs.through(actionplan=plan, sdg=sdg)
            for sdg in rng.sample(context["sdgs"], k=rng.randint(1, 3))
        ]
    bulk(ActionStep, steps)
    bulk(
        ActionStep.references.through,
        [
            ActionStep.references.through(actionstep=step, legalreference=reference)
            for step, reference in step_references
        ],
    )
    bulk(ActionPlan.cooperatives.through, cooperatives)
    bulk(ActionPlan.sdgs.through, sdgs)
    return len(action_plans)
