import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from certificates.services import certificates_issue
from core.models import Province
from participants.models import Organization, SurveyResponse
from participants.selectors.reports import program_overview
from participants.services.attendance import attendance_mark
from participants.services.organizations import organizations_merge
from participants.services.registrations import registrations_cancel_for_cohort
from participants.views.reports import OVERVIEW_BODY, overview_context
from programs.services import sessions_bulk_create
from tests.factories import (
    AttendanceFactory,
    CertificateFactory,
    CohortFactory,
    OrganizationFactory,
    ParticipantProfileFactory,
    ProgramFactory,
    RegistrationFactory,
    SessionFactory,
)


def _session(cohort, day: int, hours: int):
    start = timezone.make_aware(dt.datetime(2026, 9, day, 10, 0))
    return SessionFactory(cohort=cohort, starts_at=start, ends_at=start + dt.timedelta(hours=hours))


@pytest.fixture
def program(db):
    program = ProgramFactory()
    cohort = CohortFactory(
        program=program,
        starts_on=dt.date(2026, 9, 1),
        ends_on=dt.date(2026, 9, 2),
        capacity=10,
        registration_opens_at=timezone.make_aware(dt.datetime(2026, 8, 1)),
        registration_closes_at=timezone.make_aware(dt.datetime(2026, 8, 30)),
    )
    long_session, short_session = _session(cohort, 1, 3), _session(cohort, 2, 1)
    izmir = OrganizationFactory(
        province=Province.objects.get(name="İzmir"), kind="cooperative", cooperative_kind="social"
    )
    van = OrganizationFactory(province=Province.objects.get(name="Van"), kind="ngo")
    first = RegistrationFactory(cohort=cohort)
    second = RegistrationFactory(cohort=cohort)
    ParticipantProfileFactory(user=first.participant, organization=izmir)
    ParticipantProfileFactory(user=second.participant, organization=van)
    RegistrationFactory(cohort=cohort, status="waitlisted")
    # first: both sessions (4 h of 4 h); second: only the short one, late (1 h of 4 h).
    AttendanceFactory(session=long_session, registration=first, status="present")
    AttendanceFactory(session=short_session, registration=first, status="present")
    AttendanceFactory(session=long_session, registration=second, status="absent")
    AttendanceFactory(session=short_session, registration=second, status="late")
    return program


def test_overview_arithmetic_matches_a_hand_computed_example(program):
    overview = program_overview(program=program)
    assert overview.participants == 2
    assert overview.status_counts == {"confirmed": 2, "waitlisted": 1}
    # (4 h + 1 h) attended of 2 people × 4 h = 62.5 %
    assert overview.attendance_rate == Decimal("62.5")
    assert overview.cohorts[0].attendance_rate == Decimal("62.5")
    assert overview.by_province == [(35, "İzmir", 1), (65, "Van", 1)]
    assert [(kind, count) for kind, _label, count in overview.by_kind] == [
        ("cooperative", 1),
        ("ngo", 1),
    ]


def test_overview_page_shows_the_map_and_the_tables(client, coordinator, program):
    client.force_login(coordinator)
    html = client.get(
        reverse("participants:program_overview", kwargs={"pk": program.pk})
    ).content.decode()
    assert 'class="chart map"' in html
    assert "%62,5" in html
    assert "<title>İzmir: 1</title>" in html


def test_province_table_export(client, coordinator, program):
    client.force_login(coordinator)
    response = client.get(
        reverse(
            "participants:program_overview_export",
            kwargs={"pk": program.pk, "table": "iller", "fmt": "csv"},
        )
    )
    rows = list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))
    assert rows == [["Plaka kodu", "İl", "Katılımcılar"], ["35", "İzmir", "1"], ["65", "Van", "1"]]


def test_cohort_table_export_writes_the_rate_with_a_comma_in_csv_and_as_a_number_in_xlsx(
    client, coordinator, program
):
    client.force_login(coordinator)

    def export(fmt):
        url = reverse(
            "participants:program_overview_export",
            kwargs={"pk": program.pk, "table": "donemler", "fmt": fmt},
        )
        return client.get(url).getvalue()

    rows = list(csv.reader(io.StringIO(export("csv").decode("utf-8-sig")), delimiter=";"))
    assert rows[0][6] == "Katılım oranı (%)"
    assert rows[1][6] == "62,5"
    sheet = load_workbook(io.BytesIO(export("xlsx"))).active
    assert (sheet["G2"].value, sheet["G2"].number_format) == (62.5, "0.0")


def test_overview_rates_follow_the_percentage_rule(db):
    """Two of three hours: 66.67 % by usual rounding, shown as %66,6 everywhere (rounded down,
    as a person's attendance rate is)."""
    program = ProgramFactory()
    cohort = CohortFactory(program=program)
    registration = RegistrationFactory(cohort=cohort)
    for day, status in ((1, "present"), (2, "present"), (3, "absent")):
        AttendanceFactory(
            session=_session(cohort, day, 1), registration=registration, status=status
        )
    assert program_overview(program=program).attendance_rate == Decimal("66.6")


@pytest.mark.parametrize("count", [1, 3])
def test_overview_query_count_does_not_grow_with_cohorts(
    client, coordinator, db, count, django_assert_num_queries
):
    program = ProgramFactory()
    for _ in range(count):
        cohort = CohortFactory(program=program)
        registration = RegistrationFactory(cohort=cohort)
        ParticipantProfileFactory(user=registration.participant)
        AttendanceFactory(session=SessionFactory(cohort=cohort), registration=registration)
    client.force_login(coordinator)
    with django_assert_num_queries(13):
        client.get(reverse("participants:program_overview", kwargs={"pk": program.pk}))


def test_each_cohort_counts_each_relation_on_its_own(program):
    """Confirmed registrations, survey responses and valid certificates are counted apart
    (one subquery each): several rows of one relation do not multiply another's count."""
    cohort = program.cohorts.get()
    confirmed = list(cohort.registrations.filter(status="confirmed"))
    for registration in confirmed:
        SurveyResponse.objects.create(cohort=cohort, registration=registration)
    SurveyResponse.objects.create(cohort=cohort)  # anonymous
    CertificateFactory(registration=confirmed[0])
    CertificateFactory(registration=confirmed[1], status="revoked")
    other = CohortFactory(program=program, starts_on=dt.date(2026, 10, 1))
    row, empty = program_overview(program=program).cohorts
    assert (row.cohort.confirmed_count, row.cohort.response_count) == (2, 3)
    assert row.figures == [1]
    assert (empty.cohort.pk, empty.cohort.confirmed_count, empty.cohort.response_count) == (
        other.pk,
        0,
        0,
    )
    assert empty.figures == [0]


def overview_content(program) -> str:
    """The overview's content as the page puts it in, rendered afresh."""
    return render_to_string(OVERVIEW_BODY, overview_context(program))


def _overview(client, program) -> str:
    response = client.get(reverse("participants:program_overview", kwargs={"pk": program.pk}))
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_visit_reads_the_overview_from_the_cache(
    client, coordinator, program, django_assert_num_queries
):
    client.force_login(coordinator)
    first = _overview(client, program)
    with django_assert_num_queries(
        3
    ):  # the programme and the page around the content (session, user)
        second = _overview(client, program)
    content = overview_content(program)
    assert content in first
    assert content in second


def test_languages_of_the_overview_are_cached_apart(client, coordinator, program):
    client.force_login(coordinator)
    turkish = _overview(client, program)
    client.post(reverse("set_language"), {"language": "en"})
    english = _overview(client, program)
    assert "Katılım oranı" in turkish
    assert "Attendance rate" in english
    assert "Katılım oranı" not in english


def _cancel_the_cohort(program, coordinator):
    registrations_cancel_for_cohort(cohort=program.cohorts.get(), by=coordinator)


def _issue_certificates(program, coordinator):
    assert certificates_issue(cohort=program.cohorts.get(), issued_by=coordinator).issued == 1


def _merge_organisations(program, coordinator):
    van = Organization.objects.get(province__name="Van")
    izmir = Organization.objects.get(province__name="İzmir")
    assert organizations_merge(duplicate=van, keep=izmir, by=coordinator) == 1


def _add_sessions(program, coordinator):
    sessions_bulk_create(
        cohort=program.cohorts.get(),
        title="Ek oturum",
        first_day=dt.date(2026, 9, 3),
        days=1,
        blocks=[(dt.time(10), dt.time(14))],
    )


def _mark_attendance(program, coordinator):
    cohort = program.cohorts.get()
    registration = cohort.registrations.filter(status="confirmed").order_by("pk").last()
    attendance_mark(
        session=cohort.sessions.order_by("starts_at").first(),
        registration=registration,
        status="present",
        marked_by=coordinator,
        method="grid",
    )


def _register(program, coordinator):
    RegistrationFactory(cohort=program.cohorts.get())


@pytest.mark.parametrize(
    "change",
    [
        _register,
        _mark_attendance,
        _cancel_the_cohort,
        _issue_certificates,
        _merge_organisations,
        _add_sessions,
    ],
)
def test_a_change_of_what_the_overview_counts_shows_on_the_next_visit(
    client, coordinator, program, change
):
    """Saves, and the services that write in bulk (no signal), replace the cached content."""
    client.force_login(coordinator)
    before = _overview(client, program)
    assert overview_content(program) in before
    change(program, coordinator)
    after = _overview(client, program)
    fresh = overview_content(program)
    assert fresh in after
    assert fresh not in before
