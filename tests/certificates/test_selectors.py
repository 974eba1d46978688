import datetime as dt

import pytest
from django.utils import timezone

from certificates.selectors import IssueProgress, certificate_eligibility, issue_progress
from certificates.services import certificates_issue
from core.numbers import format_percent
from documents.models import Document
from participants.selectors.attendance import cohort_attendance_overview
from tests.factories import AttendanceFactory, CohortFactory, RegistrationFactory, SessionFactory


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
