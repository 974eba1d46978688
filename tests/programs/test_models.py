import datetime as dt

from django.utils import timezone

from core.numbers import format_percent
from programs.models import Cohort, Program
from programs.selectors import with_seat_counts
from tests.factories import CohortFactory, ProgramFactory, RegistrationFactory


def test_seats_left_counts_confirmed_and_pending_but_not_waitlisted(db):
    cohort = CohortFactory(capacity=3)
    RegistrationFactory(cohort=cohort, status="confirmed")
    RegistrationFactory(cohort=cohort, status="pending")
    RegistrationFactory(cohort=cohort, status="waitlisted")
    RegistrationFactory(cohort=cohort, status="cancelled")
    annotated = with_seat_counts(Cohort.objects.filter(pk=cohort.pk)).get()
    assert annotated.seats_taken == 2
    assert annotated.seats_left == 1
    assert annotated.pending_count == 1
    assert annotated.waitlisted_count == 1
    assert format_percent(annotated.fill_percent, language="tr") == "%66,6"


def test_registration_window(db):
    now = timezone.now()
    open_cohort = CohortFactory()
    later = CohortFactory(
        registration_opens_at=now + dt.timedelta(days=1),
        registration_closes_at=now + dt.timedelta(days=2),
    )
    draft = CohortFactory(status=Cohort.Status.DRAFT)
    assert open_cohort.registration_is_open
    assert not later.registration_is_open
    assert later.registration_not_yet_open
    assert not draft.registration_is_open


def test_a_cohort_is_public_only_when_it_and_its_programme_are_published(db):
    published = CohortFactory()
    in_draft_programme = CohortFactory(program=ProgramFactory(status=Program.Status.DRAFT))
    in_archived_programme = CohortFactory(program=ProgramFactory(status=Program.Status.ARCHIVED))
    draft = CohortFactory(
        program=ProgramFactory(status=Program.Status.DRAFT), status=Cohort.Status.DRAFT
    )
    assert (published.is_public, published.is_hidden_by_program) == (True, False)
    assert (in_draft_programme.is_public, in_draft_programme.is_hidden_by_program) == (False, True)
    assert (in_archived_programme.is_public, in_archived_programme.is_hidden_by_program) == (
        False,
        True,
    )
    assert (draft.is_public, draft.is_hidden_by_program) == (False, False)
    assert not in_draft_programme.registration_is_open
