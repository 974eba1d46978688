import pytest
from django.utils import translation

from core.models import Province
from participants.imports.checking import problem_messages, rows_check
from participants.imports.reading import read_upload
from tests.factories import (
    CohortFactory,
    OrganizationFactory,
    RegistrationFactory,
    UserFactory,
)
from tests.participants.imports.spreadsheets import csv_bytes, upload

pytestmark = pytest.mark.django_db

GOOD = ["Ayşe Yılmaz", "ayse@example.org", "", "", "", "", "", ""]


def _check(rows, cohort=None, **kwargs):
    table = read_upload(upload(csv_bytes(rows, **kwargs)))
    return rows_check(table=table, cohort=cohort or CohortFactory())


def _row(**cells):
    order = ["name", "email", "organization", "kind", "province", "district", "title", "phone"]
    row = list(GOOD)
    for key, value in cells.items():
        row[order.index(key)] = value
    return row


BAD_ROWS = [
    (_row(email=""), ["missing_email"]),
    (_row(email="ayse@"), ["bad_email"]),
    (_row(name=""), ["missing_name"]),
    (_row(name="A" * 151, email="uzun@example.org"), ["name_too_long"]),
    (_row(email="il@example.org", province="Atlantis"), ["unknown_province"]),
    (_row(email="plaka@example.org", province="82"), ["bad_plate"]),
    (
        _row(email="yeni@example.org", organization="Yepyeni Kooperatifi"),
        ["organization_needs_province"],
    ),
    (_row(email="k@example.org", organization="K" * 201, province="06"), ["organization_too_long"]),
    (_row(email="tur@example.org", kind="Uzay ajansı"), ["unknown_organization_kind"]),
    (_row(email="tel@example.org", phone="12"), ["bad_phone"]),
    (_row(email="unvan@example.org", title="U" * 201), ["text_too_long"]),
]


@pytest.mark.parametrize(("row", "problems"), BAD_ROWS)
def test_each_problem_of_a_row(row, problems):
    [checked] = _check([row])
    assert checked["problems"] == problems


@pytest.mark.parametrize(
    ("language", "messages"),
    [
        ("tr", [["Ad 150 karakterden uzun."], ["Kurumun adı 200 karakterden uzun."]]),
        (
            "en",
            [
                ["The name is longer than 150 characters."],
                ["The organisation's name is longer than 200 characters."],
            ],
        ),
    ],
)
def test_a_text_too_long_is_told_the_length_of_its_column(language, messages):
    rows = _check(
        [
            _row(name="A" * 151, email="uzun@example.org"),
            _row(email="k@example.org", organization="K" * 201, province="06"),
        ]
    )
    with translation.override(language):
        assert [problem_messages(row) for row in rows] == messages


def test_good_row_has_no_problem_and_a_new_account():
    [checked] = _check([GOOD])
    assert checked["problems"] == []
    assert checked["account"] == "new"
    assert checked["email"] == "ayse@example.org"


def test_duplicate_email_in_the_file_names_the_first_row():
    rows = _check([GOOD, ["Ayşe Y.", "AYSE@example.org"]])
    assert rows[0]["problems"] == []
    assert rows[1]["problems"] == ["duplicate_email"]
    assert problem_messages(rows[1]) == ["Bu e-posta adresi dosyanın 2. satırında da var."]


@pytest.mark.parametrize(
    "typed", ["istanbul", "İSTANBUL", "Istanbul", "ISTANBUL", "34", " İstanbul "]
)
def test_province_by_name_or_plate_turkish_aware(typed):
    [checked] = _check([_row(province=typed)])
    assert checked["problems"] == []
    assert checked["province_id"] == Province.objects.get(name="İstanbul").pk


@pytest.mark.parametrize(
    ("typed", "name"), [("06", "Ankara"), ("6", "Ankara"), ("1", "Adana"), ("81", "Düzce")]
)
def test_province_by_plate_number(typed, name):
    [checked] = _check([_row(province=typed)])
    assert checked["province"] == name


@pytest.mark.parametrize("typed", ["0", "82", "00"])
def test_plate_out_of_range(typed):
    [checked] = _check([_row(province=typed)])
    assert checked["problems"] == ["bad_plate"]


def test_organisation_matched_turkish_aware_or_marked_new():
    izmir = Province.objects.get(name="İzmir")
    organization = OrganizationFactory(name="İzmir Kadın Kooperatifi", province=izmir)
    rows = _check(
        [
            _row(email="a@example.org", organization="IZMIR KADIN  kooperatifi"),
            _row(email="b@example.org", organization="izmir kadin kooperatifi", province="35"),
            _row(email="c@example.org", organization="Ege Kooperatifi", province="35"),
        ]
    )
    assert [row["organization_id"] for row in rows] == [organization.pk, organization.pk, None]
    assert rows[0]["organization_match"] == "İzmir Kadın Kooperatifi"
    assert [row["problems"] for row in rows] == [[], [], []]


def test_same_named_organisations_prefer_the_rows_province():
    OrganizationFactory(name="Merkez Belediyesi", province=Province.objects.get(name="Ankara"))
    in_izmir = OrganizationFactory(
        name="Merkez Belediyesi", province=Province.objects.get(name="İzmir")
    )
    [checked] = _check([_row(organization="Merkez Belediyesi", province="İzmir")])
    assert checked["organization_id"] == in_izmir.pk


def test_existing_account_found_whatever_the_case_and_registration_reported():
    cohort = CohortFactory()
    user = UserFactory(email="ayse@example.org")
    RegistrationFactory(cohort=cohort, participant=user, status="waitlisted")
    closed = UserFactory(email="kapali@example.org", is_active=False)
    rows = _check(
        [_row(email="AYSE@Example.org"), _row(email=closed.email), _row(email="yeni@example.org")],
        cohort=cohort,
    )
    assert [row["account"] for row in rows] == ["existing", "existing", "new"]
    assert [row["problems"] for row in rows] == [["already_registered"], ["account_closed"], []]
    assert problem_messages(rows[0]) == ["Bu döneme zaten kayıtlı. (bekleme listesinde)"]


def test_kind_of_organisation_from_turkish_words():
    rows = _check(
        [
            _row(email=f"k{n}@example.org", organization=f"Kurum {n}", province="06", kind=kind)
            for n, kind in enumerate(
                ["Büyükşehir belediyesi", "KADIN KOOPERATİFİ", "STK", "Kamu kurumu", ""]
            )
        ]
    )
    assert [(row["organization_kind"], row["cooperative_kind"]) for row in rows] == [
        ("metropolitan", ""),
        ("cooperative", "women"),
        ("ngo", ""),
        ("public_body", ""),
        ("other", ""),
    ]


def test_phone_is_normalised():
    [checked] = _check([_row(phone="0532 123 45 67")])
    assert checked["phone"] == "+905321234567"


def test_first_and_last_name_columns_make_the_name():
    header = ["Ad", "Soyad", "E-posta"]
    [checked] = _check([["İnci", "Çelik", "inci@example.org"]], header=header)
    assert checked["full_name"] == "İnci Çelik"


def test_checking_takes_four_queries_for_any_number_of_rows(django_assert_num_queries):
    cohort = CohortFactory()
    OrganizationFactory(name="Çankaya Belediyesi")
    UserFactory(email="p0@example.org")
    for count in (1, 3, 50):
        table = read_upload(
            upload(
                csv_bytes(
                    [
                        _row(email=f"p{n}@example.org", organization="Çankaya Belediyesi")
                        for n in range(count)
                    ]
                )
            )
        )
        with django_assert_num_queries(4):
            rows_check(table=table, cohort=cohort)
