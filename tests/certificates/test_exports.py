"""The attendance-and-eligibility export and the certificate list, through their views."""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from certificates.models import Certificate
from tests.factories import (
    AttendanceFactory,
    CertificateFactory,
    CohortFactory,
    ParticipantProfileFactory,
    RegistrationFactory,
    SessionFactory,
)


@pytest.fixture
def cohort(db):
    """Three sessions of 120, 100 and 100 minutes; Ece attended all, Deniz the first two
    (220 of 320 minutes: 68.75 %, below the 80 % threshold), Can is on the waiting list."""
    cohort = CohortFactory(
        title="Ankara dönemi",
        attendance_threshold=80,
        certificate_requires_evaluation=False,
        certificate_requires_plan=False,
    )
    day = timezone.make_aware(dt.datetime(2026, 12, 14, 9, 0))
    sessions = [
        SessionFactory(
            cohort=cohort, title="Açılış", starts_at=day, ends_at=day + dt.timedelta(minutes=120)
        ),
        SessionFactory(
            cohort=cohort,
            title="Yasal dayanaklar",
            starts_at=day + dt.timedelta(hours=3),
            ends_at=day + dt.timedelta(hours=3, minutes=100),
        ),
        SessionFactory(
            cohort=cohort,
            title="Eylem planı",
            starts_at=day + dt.timedelta(days=1),
            ends_at=day + dt.timedelta(days=1, minutes=100),
        ),
    ]
    ece = RegistrationFactory(
        cohort=cohort,
        participant=ParticipantProfileFactory(
            user__full_name="Ece Tan", organization__name="Çankaya Belediyesi"
        ).user,
    )
    deniz = RegistrationFactory(
        cohort=cohort,
        participant=ParticipantProfileFactory(
            user__full_name="Deniz Işık", organization__name="Ege Kooperatifi"
        ).user,
    )
    RegistrationFactory(cohort=cohort, participant__full_name="Can Bekler", status="waitlisted")
    for session in sessions:
        AttendanceFactory(session=session, registration=ece)
    AttendanceFactory(session=sessions[0], registration=deniz, status="present")
    AttendanceFactory(session=sessions[1], registration=deniz, status="late")
    AttendanceFactory(session=sessions[2], registration=deniz, status="absent")
    cohort.ece, cohort.deniz = ece, deniz
    return cohort


def _csv(response) -> list[list[str]]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def _get(client, user, name, cohort, fmt):
    client.force_login(user)
    return client.get(reverse(f"certificates:{name}", kwargs={"cohort_pk": cohort.pk, "fmt": fmt}))


ATTENDANCE_HEADER = [
    "Sıra",
    "Ad soyad",
    "Kurum",
    "Açılış (14.12.2026 09:00), dakika",
    "Yasal dayanaklar (14.12.2026 12:00), dakika",
    "Eylem planı (15.12.2026 09:00), dakika",
    "Katıldığı dakika",
    "Tüm oturumların dakikası",
    "Katılım oranı (%)",
    "Katılım eşiğini karşılıyor",
    "Sertifikaya hak kazanıyor",
    "Neden değil",
]


def test_attendance_csv_has_minutes_per_session_rate_with_comma_and_eligibility(
    client, coordinator, cohort
):
    response = _get(client, coordinator, "attendance_export", cohort, "csv")
    rows = _csv(response)
    assert rows == [
        ATTENDANCE_HEADER,
        [
            "1",
            "Deniz Işık",
            "Ege Kooperatifi",
            "120",
            "100",
            "0",
            "220",
            "320",
            "68,7",
            "Hayır",
            "Hayır",
            "Devam oranı %80 eşiğinin altında.",
        ],
        ["2", "Ece Tan", "Çankaya Belediyesi", "120", "100", "100", "320", "320", "100",
         "Evet", "Evet", ""],
    ]  # fmt: skip
    assert "katilim-ankara-donemi-" in response["Content-Disposition"]


def test_attendance_xlsx_keeps_numbers_as_numbers(client, coordinator, cohort):
    response = _get(client, coordinator, "attendance_export", cohort, "xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ATTENDANCE_HEADER
    assert values[1][3:9] == [120, 100, 0, 220, 320, 68.7]
    assert sheet.cell(row=2, column=9).number_format == "0.0"
    assert values[1][9:11] == ["Hayır", "Hayır"]
    assert values[2][1] == "Ece Tan"


def test_certificate_list_has_every_version_with_its_code_and_state(client, coordinator, cohort):
    old = CertificateFactory(
        registration=cohort.ece,
        code="GI26-AAAA-BBBB-CCCC-DDDD",
        status=Certificate.Status.SUPERSEDED,
        attended_hours=5,
        issued_at=timezone.make_aware(dt.datetime(2026, 12, 16, 10, 0)),
    )
    CertificateFactory(
        registration=cohort.ece,
        code="GI26-EEEE-FFFF-GGGG-HHHH",
        version=2,
        organisation="Çankaya Belediyesi",
        total_hours="5.3",
        attended_hours="5.3",
        issued_at=timezone.make_aware(dt.datetime(2026, 12, 17, 10, 0)),
    )
    assert old.version == 1
    rows = _csv(_get(client, coordinator, "list_export", cohort, "csv"))
    assert rows == [
        ["Sıra", "Ad soyad", "Kurum", "Kod", "Sürüm", "Durum", "Düzenlenme tarihi",
         "Katıldığı saat", "Program süresi (saat)", "Doğrulama adresi"],
        ["1", "Ece Tan", "", "GI26-AAAA-BBBB-CCCC-DDDD", "1", "Yenisiyle değiştirildi",
         "16.12.2026", "5", "6", "http://127.0.0.1:8000/sertifika/dogrula/GI26-AAAA-BBBB-CCCC-DDDD/"],
        ["2", "Ece Tan", "Çankaya Belediyesi", "GI26-EEEE-FFFF-GGGG-HHHH", "2", "Geçerli",
         "17.12.2026", "5,3", "5,3",
         "http://127.0.0.1:8000/sertifika/dogrula/GI26-EEEE-FFFF-GGGG-HHHH/"],
    ]  # fmt: skip
    sheet = load_workbook(
        io.BytesIO(_get(client, coordinator, "list_export", cohort, "xlsx").content)
    )
    issued = [row[6] for row in sheet.active.iter_rows(min_row=2)]
    assert [(cell.value, cell.number_format) for cell in issued] == [
        (dt.datetime(2026, 12, 16), "dd.mm.yyyy"),  # a date that sorts as one
        (dt.datetime(2026, 12, 17), "dd.mm.yyyy"),
    ]


def test_the_cohorts_facilitator_may_download_others_get_404(client, facilitator, cohort):
    assert _get(client, facilitator, "list_export", cohort, "xlsx").status_code == 404
    assert _get(client, facilitator, "attendance_export", cohort, "csv").status_code == 404
    cohort.facilitators.add(facilitator)
    assert _get(client, facilitator, "attendance_export", cohort, "csv").status_code == 200


@pytest.mark.parametrize("count", [1, 3])
def test_attendance_export_queries_do_not_grow_with_people(
    client, coordinator, count, django_assert_num_queries
):
    cohort = CohortFactory()
    session = SessionFactory(cohort=cohort)
    for _ in range(count):
        AttendanceFactory(
            session=session,
            registration=RegistrationFactory(
                cohort=cohort, participant=ParticipantProfileFactory().user
            ),
        )
    client.force_login(coordinator)
    url = reverse("certificates:attendance_export", kwargs={"cohort_pk": cohort.pk, "fmt": "csv"})
    client.get(url)  # warm the session and the user
    with django_assert_num_queries(QUERIES):
        assert client.get(url).status_code == 200


QUERIES = 13
