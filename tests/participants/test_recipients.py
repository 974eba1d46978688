"""The recipient filters of messages to a cohort: each chooses exactly its people, together in
one query (participants' own, and those action_plans and certificates register)."""

import pytest

from participants import recipients
from participants.selectors.messages import message_recipients

pytestmark = pytest.mark.django_db
CONFIRMED_ACTIVE = ["Ayşe Kaya", "Burak Demir", "Cem Şahin", "Çiğdem Öz"]


def _names(message_cohort, values) -> list[str]:
    return [
        registration.participant.full_name
        for registration in message_recipients(cohort=message_cohort.cohort, values=values)
    ]


def test_the_apps_register_their_filters_in_order():
    assert [item.name for item in recipients.filters()] == [
        "status",
        "attended",
        "survey",
        "work_group",
        "certificate",
    ]


def test_no_filter_chooses_every_registration_of_an_open_account_sorted_by_name(message_cohort):
    assert _names(message_cohort, {}) == [
        "Ayşe Kaya",
        "Burak Demir",
        "Cem Şahin",
        "Çiğdem Öz",
        "Deniz Ak",
        "Ece Yurt",
        "Fatma Er",
    ]


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["confirmed"], CONFIRMED_ACTIVE),
        (["pending", "waitlisted"], ["Deniz Ak", "Ece Yurt"]),
        (["cancelled"], ["Fatma Er"]),
        (["rejected"], []),
    ],
)
def test_status_filter(message_cohort, statuses, expected):
    assert _names(message_cohort, {"status": statuses}) == expected


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("attended", "yes", ["Ayşe Kaya", "Burak Demir", "Çiğdem Öz"]),
        ("attended", "no", ["Cem Şahin"]),
        ("survey", "yes", ["Ayşe Kaya"]),
        ("survey", "no", ["Burak Demir", "Cem Şahin", "Çiğdem Öz"]),
        ("certificate", "yes", ["Ayşe Kaya", "Çiğdem Öz"]),
        ("certificate", "no", ["Burak Demir", "Cem Şahin"]),
        ("work_group", "none", ["Cem Şahin", "Çiğdem Öz"]),
    ],
)
def test_yes_no_filters_among_the_confirmed(message_cohort, name, value, expected):
    assert _names(message_cohort, {"status": ["confirmed"], name: value}) == expected


def test_work_group_filter_chooses_its_members(message_cohort):
    group = message_cohort.groups["Tarım grubu"]
    assert _names(message_cohort, {"work_group": str(group.pk)}) == ["Burak Demir"]


def test_a_work_group_of_another_cohort_chooses_nobody(message_cohort):
    from tests.factories import WorkGroupFactory

    other = WorkGroupFactory()
    assert _names(message_cohort, {"work_group": str(other.pk)}) == []


def test_filters_combine_in_one_query(message_cohort, django_assert_num_queries):
    values = {
        "status": ["confirmed"],
        "attended": "yes",
        "survey": "no",
        "certificate": "yes",
        "work_group": "none",
    }
    with django_assert_num_queries(1):
        assert _names(message_cohort, values) == ["Çiğdem Öz"]


def test_the_form_fields_come_from_the_filters(message_cohort):
    fields = {item.name: item.field(message_cohort.cohort) for item in recipients.filters()}
    assert [value for value, _label in fields["work_group"].choices] == [
        "",
        "none",
        str(message_cohort.groups["Bakım grubu"].pk),
        str(message_cohort.groups["Tarım grubu"].pk),
    ]
    assert [value for value, _label in fields["survey"].choices] == ["", "yes", "no"]
