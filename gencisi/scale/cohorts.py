"""Programmes, cohorts across the provinces, their sessions and registrations in every state.

The registrations follow the services' rules: one per person and cohort; confirmed and pending
hold a seat and never exceed the capacity; a waiting list exists only behind a full cohort and
is numbered 1…n in the order people registered; pending only where the cohort needs approval.
"""

import datetime as dt

from gencisi.scale.build import Build, CohortPlan, bulk
from gencisi.scale.people import province_weight
from participants import privacy
from participants.models import Registration, SurveyQuestion
from participants.services.evaluations import survey_questions_ensure
from programs.demo import SCHEDULE
from programs.models import Cohort, Module, Objective, Program, Session

Status = Registration.Status
SCALE_PROGRAMMES = (
    (
        "Kadın Kooperatifleri ve Yerel Yönetimler Eğitimi",
        "kadin-kooperatifleri-ve-yerel-yonetimler",
    ),
    ("Kooperatif Yönetimi İleri Düzey Eğitimi", "kooperatif-yonetimi-ileri-duzey"),
)
PROGRAMME_SHARE = (0.61, 0.25, 0.14)  # of the cohorts: the seed programme, then the two above


def _clone_programme(seed: Program, title: str, slug: str, created_at) -> Program:
    programme = Program.objects.create(
        title=title,
        slug=slug,
        summary=seed.summary,
        description=seed.description,
        audience=seed.audience,
        organizer_description=seed.organizer_description,
        status=Program.Status.PUBLISHED,
        created_at=created_at,
        updated_at=created_at,
    )
    objectives = bulk(
        Objective,
        [
            Objective(program=programme, number=o.number, text=o.text, text_en=o.text_en)
            for o in seed.objectives.order_by("number")
        ],
    )
    by_number = {objective.number: objective for objective in objectives}
    for module in seed.modules.order_by("position").prefetch_related("objectives"):
        copy = Module.objects.create(
            program=programme,
            position=module.position,
            title=module.title,
            title_en=module.title_en,
            description=module.description,
            duration_minutes=module.duration_minutes,
            method=module.method,
        )
        copy.objectives.set([by_number[o.number] for o in module.objectives.all()])
    return programme


def _programmes(build: Build, seed: Program) -> list[Program]:
    created_at = build.at(build.today - dt.timedelta(days=800))
    programmes = [seed]
    programmes += [
        _clone_programme(seed, title, slug, created_at) for title, slug in SCALE_PROGRAMMES
    ]
    for programme in programmes:
        survey_questions_ensure(program=programme)
        build.questions[programme.pk] = list(
            SurveyQuestion.objects.filter(program=programme).order_by("position", "pk")
        )
    return programmes


def _phases(build: Build) -> list[str]:
    """The phase of each cohort; the first is the large one (finished)."""
    n = build.size.cohorts
    upcoming = max(1, round(n * 0.21))
    special = ["running"] + (["cancelled", "draft"] if n >= 10 else [])
    finished = n - 1 - upcoming - len(special)
    phases = ["finished"] * finished + ["upcoming"] * upcoming + special
    build.rng.shuffle(phases)
    return ["finished", *phases]


def _provinces(build: Build) -> list:
    """One province per cohort: at national size every province has one, the rest go to the
    big cities; the first (the large cohort) is İstanbul."""
    provinces = sorted(build.provinces.values(), key=lambda p: p.plate)
    n = build.size.cohorts
    weights = [province_weight(p, power=1.0) for p in provinces]
    chosen = list(provinces) if n > 2 * len(provinces) else []
    chosen += build.rng.choices(provinces, weights=weights, k=n - 1 - len(chosen))
    build.rng.shuffle(chosen)
    return [build.provinces[34], *chosen]


def _registration_counts(build: Build) -> list[int]:
    """Registrations per cohort: the large one, then cohort_min…cohort_max adding up exactly to
    the target; draft cohorts have none."""
    size, rng = build.size, build.rng
    others = [plan for plan in build.cohorts[1:] if plan.phase != "draft"]
    counts = {id(plan): rng.randint(size.cohort_min, size.cohort_max) for plan in others}
    target = min(size.registrations - size.big_cohort, len(others) * size.cohort_max)
    while sum(counts.values()) != target:
        key = id(others[rng.randrange(len(others))])
        step = 1 if sum(counts.values()) < target else -1
        if size.cohort_min <= counts[key] + step <= size.cohort_max:
            counts[key] += step
    return [size.big_cohort, *(counts.get(id(plan), 0) for plan in build.cohorts[1:])]


def _dates(build: Build, phase: str) -> dt.date:
    rng, today = build.rng, build.today
    if phase == "finished":
        return today - dt.timedelta(days=rng.randint(10, 720))
    if phase == "running":
        return today - dt.timedelta(days=1)
    return today + dt.timedelta(days=rng.randint(10, 40))  # registration is open


def _cohort(build: Build, *, programme, phase, province) -> Cohort:
    rng = build.rng
    starts_on = _dates(build, phase)
    opens = build.at(starts_on - dt.timedelta(days=45))
    return Cohort(
        program=programme,
        starts_on=starts_on,
        ends_on=starts_on + dt.timedelta(days=1),
        province=province,
        district="Merkez",
        venue=f"{province.name} Kültür Merkezi",
        address=f"Cumhuriyet Mahallesi, Atatürk Caddesi No: {rng.randint(1, 200)}",
        capacity=1,  # set once the registrations are known
        registration_opens_at=opens,
        registration_closes_at=build.at(starts_on - dt.timedelta(days=3), 23, 59),
        requires_approval=rng.random() < 0.6,
        attendance_threshold=rng.choice((80, 80, 80, 75, 70)),
        status={"draft": "draft", "cancelled": "cancelled"}.get(phase, "published"),
        certificate_requires_evaluation=rng.random() < 0.3,
        certificate_requires_plan=rng.random() < 0.1,
        survey_anonymous=rng.random() < 0.15,
        created_at=opens - dt.timedelta(days=10),
        updated_at=opens - dt.timedelta(days=10),
    )


def _sessions(build: Build, plan: CohortPlan) -> list[Session]:
    return [
        Session(
            cohort=plan.cohort,
            title=title,
            starts_at=build.at(plan.cohort.starts_on + dt.timedelta(days=offset), *start),
            ends_at=build.at(plan.cohort.starts_on + dt.timedelta(days=offset), *end),
            room="Salon A",
        )
        for offset, start, end, _positions, title in SCHEDULE
    ]


def load_cohorts(build: Build, seed: Program) -> int:
    """Two more programmes beside the seed's, the cohorts, sessions, facilitators and the
    registrations; returns the number of registrations."""
    rng, size = build.rng, build.size
    programmes = _programmes(build, seed)
    phases, provinces = _phases(build), _provinces(build)
    numbers: dict[tuple, int] = {}
    plans = []
    for index, (phase, province) in enumerate(zip(phases, provinces, strict=True)):
        programme = programmes[0] if index == 0 else rng.choices(programmes, PROGRAMME_SHARE)[0]
        cohort = _cohort(build, programme=programme, phase=phase, province=province)
        key = (province.pk, cohort.starts_on.year)
        numbers[key] = numbers.get(key, 0) + 1
        cohort.title = f"{province.name} dönemi {cohort.starts_on.year}/{numbers[key]}"
        plans.append(CohortPlan(cohort=cohort, phase=phase, programme=programme))
    bulk(Cohort, [plan.cohort for plan in plans])

    modules = {
        programme.pk: {m.position: m for m in programme.modules.all()} for programme in programmes
    }
    sessions = []
    for plan in plans:
        plan.sessions = _sessions(build, plan)
        sessions += plan.sessions
    bulk(Session, sessions)
    links = []
    for plan in plans:
        for session, (*_, positions, _title) in zip(plan.sessions, SCHEDULE, strict=True):
            for position in positions:
                module = modules[plan.programme.pk][position]
                links.append(Session.modules.through(session=session, module=module))
    bulk(Session.modules.through, links)

    facilitator_links = []
    demo_runs = {0, *rng.sample(range(1, len(plans)), size.demo_facilitator_cohorts - 1)}
    for index, plan in enumerate(plans):
        plan.facilitators = rng.sample(build.facilitators, k=min(2, len(build.facilitators)))
        if index in demo_runs:
            plan.facilitators = [build.demo_facilitator, *plan.facilitators[:1]]
        facilitator_links += [
            Cohort.facilitators.through(cohort=plan.cohort, user=person)
            for person in plan.facilitators
        ]
    bulk(Cohort.facilitators.through, facilitator_links)
    build.cohorts = plans
    return _load_registrations(build)


def _participants_of(build: Build, province, count: int, by_province: dict) -> list:
    """`count` different people, about 60 % from the cohort's own province."""
    rng = build.rng
    local = by_province.get(province.pk, [])
    chosen = rng.sample(local, k=min(len(local), round(count * 0.6)))
    taken = {person.pk for person in chosen}
    while len(chosen) < count:
        person = build.people[rng.randrange(len(build.people))]
        if person.pk not in taken:
            taken.add(person.pk)
            chosen.append(person)
    rng.shuffle(chosen)
    return chosen


def _load_registrations(build: Build) -> int:
    rng = build.rng
    by_province: dict[int, list] = {}
    for person in build.people:
        by_province.setdefault(person.scale_organisation.province_id, []).append(person)
    counts = _registration_counts(build)
    demo_in = set(rng.sample(range(1, len(build.cohorts)), build.size.demo_participant_cohorts))
    registrations = []
    for index, (plan, count) in enumerate(zip(build.cohorts, counts, strict=True)):
        if plan.phase == "draft":
            continue
        people = _participants_of(build, plan.cohort.province, count, by_province)
        if index in demo_in:
            people[rng.randrange(len(people))] = build.demo_participant
        plan.registrations = _registrations_of(build, plan, people)
        registrations += plan.registrations
    bulk(Registration, registrations)
    Cohort.objects.bulk_update([plan.cohort for plan in build.cohorts], ["capacity"])
    return len(registrations)


def _registrations_of(build: Build, plan: CohortPlan, people: list) -> list[Registration]:
    """The rows of one cohort, in the order people registered, states decided as the services
    would have: exits first, then seats up to the capacity, then the waiting list."""
    rng, cohort = build.rng, plan.cohort
    window_end = min(cohort.registration_closes_at, build.at(build.today, 8))
    times = sorted(
        build.some_time(cohort.registration_opens_at, window_end) for _ in range(len(people))
    )
    exits = []
    for _ in people:
        roll = rng.random()
        if plan.phase == "cancelled" or roll < 0.07:
            exits.append(Status.CANCELLED)
        elif cohort.requires_approval and roll < 0.11:
            exits.append(Status.REJECTED)
        else:
            exits.append(None)
    active = sum(1 for state in exits if state is None)
    cohort.capacity = max(1, round(active * rng.uniform(0.85, 1.05)))
    if plan.phase == "cancelled":
        cohort.capacity = max(1, len(people))
    pending_share = 0.35 if cohort.requires_approval and plan.phase == "upcoming" else 0.0
    rows, seats, waiting = [], 0, 0
    for person, created_at, exit_state in zip(people, times, exits, strict=True):
        changed_at = created_at + dt.timedelta(hours=rng.randint(1, 72))
        row = Registration(
            cohort=cohort,
            participant=person,
            privacy_notice_version=privacy.VERSION,
            privacy_acknowledged_at=created_at,
            created_at=created_at,
            updated_at=changed_at,
            status_changed_at=changed_at,
        )
        if exit_state is not None:
            row.status = exit_state
            if exit_state == Status.CANCELLED:
                row.cancelled_at, row.cancelled_by = changed_at, person
        elif seats < cohort.capacity:
            seats += 1
            pending = rng.random() < pending_share
            row.status = Status.PENDING if pending else Status.CONFIRMED
        else:
            waiting += 1
            row.status, row.waitlist_order = Status.WAITLISTED, waiting
        rows.append(row)
    return rows
