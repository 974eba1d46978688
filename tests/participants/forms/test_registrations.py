from django.utils import translation

from participants.forms.registrations import RegistrationFilterForm


def _labels(field) -> list[str]:
    return [str(label) for _value, label in field.choices]


def test_the_status_filter_offers_every_status_with_a_capital_letter_in_turkish():
    with translation.override("tr"):
        form = RegistrationFilterForm()
        assert _labels(form.fields["status"]) == [
            "Tümü",
            "Onay bekliyor",
            "Onaylandı",
            "Bekleme listesinde",
            "İptal edildi",
            "Reddedildi",
        ]


def test_the_status_filter_in_english():
    with translation.override("en"):
        form = RegistrationFilterForm()
        assert _labels(form.fields["status"]) == [
            "All",
            "Pending approval",
            "Confirmed",
            "On the waiting list",
            "Cancelled",
            "Rejected",
        ]


def test_the_organisation_kind_filter_offers_every_kind():
    with translation.override("tr"):
        labels = _labels(RegistrationFilterForm().fields["organization_kind"])
    assert labels == [
        "Tümü",
        "Büyükşehir belediyesi",
        "İl belediyesi",
        "İlçe belediyesi",
        "Kooperatif",
        "STK",
        "Kamu kurumu",
        "Diğer",
    ]
