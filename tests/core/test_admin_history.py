import pytest
from django.contrib.contenttypes.models import ContentType

from core.admin_history import admin_history_erase
from participants.models import Registration
from tests.factories import CohortFactory, RegistrationFactory, UserFactory, admin_log_entry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [1, 3])
def test_the_rows_texts_are_read_in_one_query_whatever_the_number_of_entries(
    count, django_assert_num_queries
):
    admin = UserFactory(full_name="Yönetici", is_staff=True)
    person = UserFactory(full_name="İnci Çelik")
    registrations = [
        RegistrationFactory(cohort=CohortFactory(title=f"Dönem {n}"), participant=person)
        for n in range(count)
    ]
    entries = [
        admin_log_entry(admin, registration, text=f"İnci Çelik — {registration.cohort}", message=[])
        for registration in registrations
    ]
    person.full_name = "Silinmiş katılımcı"
    person.save()
    ContentType.objects.get_for_model(Registration)  # cached, as in a running process
    rows = Registration.objects.filter(participant=person).select_related(
        "participant", "cohort__program"
    )
    # the entries, the rows' texts, the update
    with django_assert_num_queries(3):
        changed = admin_history_erase(
            named={Registration: rows}, texts=["İnci Çelik"], replacement="Silinmiş katılımcı"
        )
    assert changed == count
    for entry, registration in zip(entries, registrations, strict=True):
        entry.refresh_from_db()
        assert entry.object_repr == f"Silinmiş katılımcı — {registration.cohort}"
