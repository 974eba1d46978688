import pytest
from django.utils import translation

from core.i18n import choice_label
from participants.models import Organization, Registration


def test_choice_label_is_the_label_in_the_active_language():
    with translation.override("tr"):
        assert choice_label(Registration.Status, "cancelled") == "İptal edildi"
    with translation.override("en"):
        assert choice_label(Registration.Status, "cancelled") == "cancelled"


def test_choice_label_of_an_unknown_value_is_the_value():
    assert choice_label(Registration.Status, "gone") == "gone"


@pytest.mark.parametrize("language", ["tr", "en"])
def test_the_models_labels_are_those_of_djangos_get_display(language):
    status = Registration._meta.get_field("status")
    kind = Organization._meta.get_field("kind")
    cooperative_kind = Organization._meta.get_field("cooperative_kind")
    with translation.override(language):
        for value in [*Registration.Status.values, "gone"]:
            registration = Registration(status=value)
            assert registration.get_status_display() == registration._get_FIELD_display(status)
        for value in Organization.Kind.values:
            organization = Organization(kind=value)
            assert organization.kind_label == organization._get_FIELD_display(kind)
        for value in Organization.CooperativeKind.values:
            organization = Organization(kind="cooperative", cooperative_kind=value)
            assert organization.kind_label == organization._get_FIELD_display(cooperative_kind)
