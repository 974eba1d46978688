import datetime as dt

import pytest
from django.utils import timezone

from certificates.selectors import (
    IssueProgress,
    certificate_eligibility,
    eligibility_counts,
    eligibility_order,
    eligibility_registrations,
    eligibility_rows,
    eligible_condition,
    issue_progress,
    registrations_shown,
)
from certificates.services import certificates_issue
from core.numbers import format_percent
from documents.models import Document
from participants.models import Registration, SurveySubmission
from participants.selectors.attendance import cohort_attendance_overview
from tests.factories import (
    ActionPlanFactory,
    AttendanceFactory,
    CohortFactory,
    RegistrationFactory,
    SessionFactory,
    WorkGroupFactory,
    WorkGroupMemberFactory,
)


def test_issue_progress_counts_ready_failed_and_pending_in_one_query(
    certificate_cohort, enrol, coordinator, django_assert_num_queries
):
    for name in ("Ayşe Kaya", "Bora Demir", "Cem Şahin"):
        enrol(name)
    certificates_issue(cohort=certificate_cohort, issued_by=coordinator)
    documents = Document.objects.filter(kind="certificate").order_by("pk")
    Document.objects.filter(pk=documents[0].pk).update(
        status=Document.Status.READY, file="documents/certificate/1.pdf"
    )
    Document.objects.filter(pk=documents[1].pk).update(status=Document.Status.FAILED)
    with django_assert_num_queries(1):
        progress = issue_progress(cohort=certificate_cohort)
    assert progress == IssueProgress(total=3, ready=1, failed=1)
    assert (progress.pending, progress.finished) == (1, False)


@pytest.mark.parametrize(
    ("attended_minutes", "eligible", "shown"),
    [(400, True, "%80"), (399, False, "%79,8")],
)
def test_attendance_exactly_at_the_threshold_is_enough_and_a_minute_less_is_not(
    db, attended_minutes, eligible, shown
):
    """500 minutes in all and an 80 % threshold: 400 minutes attended is exactly 80.00 %."""
    cohort = CohortFactory(attendance_threshold=80)
    start = timezone.make_aware(dt.datetime.combine(cohort.starts_on, dt.time(8, 0)))
    attended = SessionFactory(
        cohort=cohort, starts_at=start, ends_at=start + dt.timedelta(minutes=attended_minutes)
    )
    SessionFactory(
        cohort=cohort,
        starts_at=attended.ends_at,
        ends_at=start + dt.timedelta(minutes=500),
    )
    registration = RegistrationFactory(cohort=cohort)
    AttendanceFactory(session=attended, registration=registration)
    [row] = certificate_eligibility(cohort=cohort)
    assert (row.attendance_ok, row.eligible) == (eligible, eligible)
    assert format_percent(row.rate) == shown
    [overview_row] = cohort_attendance_overview(cohort=cohort).rows
    assert overview_row.meets_threshold is eligible


PLAN_CASES = [
    "none",
    "own draft",
    "own submitted",
    "own approved",
    "group submitted",
    "group draft",
]


def _plan(registration, case: str) -> None:
    if case == "none":
        return
    whose, status = case.split()
    if whose == "own":
        ActionPlanFactory(registration=registration, work_group=None, status=status)
        return
    group = WorkGroupFactory(cohort=registration.cohort)
    WorkGroupMemberFactory(group=group, registration=registration)
    ActionPlanFactory(work_group=group, status=status)


@pytest.mark.parametrize("requires_plan", [False, True])
@pytest.mark.parametrize("requires_evaluation", [False, True])
def test_the_eligible_count_in_sql_agrees_with_the_rows_on_every_combination(
    certificate_cohort, enrol, requires_evaluation, requires_plan
):
    """`eligible_count` (eligible_condition, SQL) and `eligibility_rows` (Python) decide alike
    for every attendance (all, half, none), survey (done or not) and plan (none, own or the
    group's, done or a draft), with the cohort asking for the survey and the plan or not."""
    cohort = certificate_cohort
    cohort.certificate_requires_evaluation = requires_evaluation
    cohort.certificate_requires_plan = requires_plan
    cohort.save()
    for attended in (2, 1, 0):
        for evaluated in (True, False):
            for case in PLAN_CASES:
                registration = enrol(f"{attended} {evaluated} {case}", attended=attended)
                if evaluated:
                    SurveySubmission.objects.create(registration=registration)
                _plan(registration, case)
    RegistrationFactory(cohort=cohort, status="pending")
    rows = certificate_eligibility(cohort=cohort)
    in_python = {row.registration.pk for row in rows if row.eligible}
    in_sql = set(
        Registration.objects.filter(cohort=cohort)
        .filter(eligible_condition(cohort=cohort))
        .values_list("pk", flat=True)
    )
    assert len(rows) == 36
    assert in_sql == in_python
    assert eligibility_counts(cohort=cohort) == (36, len(in_python))
    # Full attendance: 12 people; half of them evaluated; half of the plan cases are done.
    assert len(in_python) == 12 // (2 if requires_evaluation else 1) // (2 if requires_plan else 1)


def test_the_rows_of_a_page_of_people_are_decided_as_for_everyone(
    certificate_cohort, enrol, django_assert_num_queries
):
    for name, attended in (("Ayşe", 2), ("Bora", 1), ("Cem", 2), ("Deniz", 0)):
        enrol(name, attended=attended)
    everyone = certificate_eligibility(cohort=certificate_cohort)
    some = list(eligibility_registrations(cohort=certificate_cohort)[1:3])
    with django_assert_num_queries(6):
        rows = eligibility_rows(cohort=certificate_cohort, registrations=some)
    assert [(row.registration.pk, row.rate, row.reasons) for row in rows] == [
        (row.registration.pk, row.rate, row.reasons) for row in everyone[1:3]
    ]


def test_a_page_is_cut_from_the_registrations_then_read_with_its_people(
    certificate_cohort, enrol, django_assert_num_queries
):
    for name in ("Zeynep", "Çağrı", "İlker", "Ayşe", "Ilgın"):
        enrol(name, attended=1)
    with django_assert_num_queries(1):
        page = registrations_shown(rows=eligibility_order(cohort=certificate_cohort)[1:4])
    with django_assert_num_queries(0):
        names = [registration.participant.full_name for registration in page]
        [registration.participant.participant_profile for registration in page]
    assert names == [
        registration.participant.full_name
        for registration in eligibility_registrations(cohort=certificate_cohort)[1:4]
    ]
    assert [name.split()[0] for name in names] == ["Çağrı", "Ilgın", "İlker"]
