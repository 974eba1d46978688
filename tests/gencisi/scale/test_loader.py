import contextlib
import hashlib

import pytest
from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone

from accounts.models import User
from accounts.services import user_create
from action_plans.models import ActionPlan
from certificates.models import Certificate
from certificates.selectors import certificate_eligibility
from gencisi.scale.loader import ScaleRefusedError, check_database, load_scale
from gencisi.scale.names import SCALE_EMAIL_DOMAIN
from gencisi.scale.sizes import ScaleSize
from participants.models import (
    Attendance,
    Organization,
    Registration,
    SurveyAnswer,
    SurveyResponse,
    SurveySubmission,
)
from programs.models import Cohort

TINY = 0.01
DEMO_COHORTS = ("İzmir dönemi", "Ankara dönemi")


def quiet(_text: str) -> None:
    """The loader's progress lines, not printed in tests."""


def fingerprint() -> str:
    """Every generated row by its natural keys (no primary keys: sequences move on); the
    demo's own cohorts left out (their times are the moment of loading)."""
    scale = ~Q(title__in=DEMO_COHORTS)
    parts = [
        User.objects.filter(email__endswith=SCALE_EMAIL_DOMAIN)
        .order_by("email")
        .values_list("email", "full_name", "language", "date_joined"),
        Organization.objects.order_by("name").values_list("name", "kind", "province__plate"),
        Registration.objects.filter(cohort__in=Cohort.objects.filter(scale))
        .order_by("cohort__title", "participant__email")
        .values_list(
            "cohort__title", "participant__email", "status", "waitlist_order", "created_at"
        ),
        Attendance.objects.filter(session__cohort__in=Cohort.objects.filter(scale))
        .order_by(
            "session__cohort__title", "session__starts_at", "registration__participant__email"
        )
        .values_list("session__cohort__title", "registration__participant__email", "status"),
        SurveyAnswer.objects.filter(response__cohort__in=Cohort.objects.filter(scale))
        .order_by("response__cohort__title", "response__id", "question__position")
        .values_list("response__cohort__title", "question__position", "scale", "text"),
        ActionPlan.objects.filter(cohort__in=Cohort.objects.filter(scale))
        .order_by("cohort__title", "title", "created_at", "status")
        .values_list("cohort__title", "title", "status", "created_at"),
        Certificate.objects.order_by("code").values_list(
            "code", "participant_name", "status", "version"
        ),
    ]
    return hashlib.sha256(repr([list(part) for part in parts]).encode()).hexdigest()


class DiscardError(Exception):
    """Rolls a load back so the next one starts from the same database."""


def fingerprint_of_load(seed: int) -> str:
    result = []
    with contextlib.suppress(DiscardError), transaction.atomic():
        load_scale(factor=TINY, seed=seed, log=quiet)
        result.append(fingerprint())
        raise DiscardError
    return result[0]


def test_same_seed_gives_the_same_rows_and_another_seed_other_rows(db):
    first = fingerprint_of_load(7)
    assert fingerprint_of_load(7) == first
    assert fingerprint_of_load(8) != first


def test_no_cohort_is_overbooked_and_waiting_lists_stand_only_behind_full_cohorts(db):
    load_scale(factor=0.05, seed=2026, log=quiet)
    cohorts = Cohort.objects.annotate(
        held=Count("registrations", filter=Q(registrations__status__in=Registration.SEAT_HOLDING)),
        waiting=Count("registrations", filter=Q(registrations__status="waitlisted")),
    )
    assert all(cohort.held <= cohort.capacity for cohort in cohorts)
    assert all(cohort.held == cohort.capacity for cohort in cohorts if cohort.waiting)
    for cohort in cohorts.filter(waiting__gt=0):
        orders = cohort.registrations.filter(status="waitlisted").order_by("created_at", "pk")
        assert list(orders.values_list("waitlist_order", flat=True)) == list(
            range(1, cohort.waiting + 1)
        )
    assert not Registration.objects.filter(
        status="pending", cohort__requires_approval=False
    ).exists()
    assert set(Registration.objects.values_list("status", flat=True)) == set(
        Registration.Status.values
    )


def test_the_rows_hang_together_as_the_services_would_have_left_them(db):
    load_scale(factor=0.05, seed=2026, log=quiet)
    today = timezone.localdate()
    assert Attendance.objects.exists()
    assert not Attendance.objects.exclude(registration__status="confirmed").exists()
    assert not Attendance.objects.filter(session__starts_at__date__gte=today).exists()
    assert SurveySubmission.objects.exists()
    assert not SurveySubmission.objects.exclude(registration__status="confirmed").exists()
    assert not SurveySubmission.objects.filter(registration__cohort__ends_on__gte=today).exists()
    assert not SurveyResponse.objects.filter(
        cohort__survey_anonymous=True, registration__isnull=False
    ).exists()
    valid = Certificate.objects.filter(status="valid").select_related("document", "registration")
    assert valid.exists()
    for cohort in Cohort.objects.filter(registrations__certificates__isnull=False).distinct():
        eligible = {
            row.registration.pk for row in certificate_eligibility(cohort=cohort) if row.eligible
        }
        issued = valid.filter(registration__cohort=cohort)
        assert {c.registration_id for c in issued} <= eligible
        assert all(c.document.is_ready for c in issued)
    assert ActionPlan.objects.filter(work_group__isnull=False).exists()
    assert ActionPlan.objects.filter(registration__isnull=False).exists()
    names = "".join(
        User.objects.filter(email__endswith=SCALE_EMAIL_DOMAIN).values_list("full_name", flat=True)
    )
    assert set("İıŞşğÜüÖöÇç") <= set(names)


def test_the_national_size_is_the_one_of_issue_15():
    size = ScaleSize.of(1)
    assert sum(size.organisations.values()) == 3100
    assert (size.participants, size.cohorts, size.big_cohort) == (20_000, 200, 600)
    assert (size.registrations, size.survey_submissions) == (40_000, 10_000)
    assert (size.plans, size.certificates) == (1_200, 2_270)


def test_a_database_with_real_people_is_refused(db):
    user_create(email="ayse@belediye.gov.tr", full_name="Ayşe Yılmaz", password=None)
    with pytest.raises(ScaleRefusedError, match="1 user"):
        load_scale(factor=TINY, log=quiet)
    assert not Cohort.objects.exists()


def test_force_loads_beside_real_people_only_in_a_database_named_as_a_throwaway(db, monkeypatch):
    user_create(email="ayse@belediye.gov.tr", full_name="Ayşe Yılmaz", password=None)
    monkeypatch.setitem(connection.settings_dict, "NAME", "gencisi")
    with pytest.raises(ScaleRefusedError, match="contains 'scale' or 'bench'"):
        check_database(force=True)
    monkeypatch.setitem(connection.settings_dict, "NAME", "gencisi_bench_web")
    check_database(force=True)


def test_a_second_load_is_refused(db):
    load_scale(factor=TINY, log=quiet)
    with pytest.raises(ScaleRefusedError, match="already holds scale data"):
        load_scale(factor=TINY, log=quiet)
