import re

import pytest
from django.core import mail
from django.urls import reverse

from core.models import Province
from participants.models import ConsentRecord, Organization, ParticipantProfile
from tests.factories import (
    CohortFactory,
    OrganizationFactory,
    ParticipantProfileFactory,
    UserFactory,
)
from tests.participants.conftest import IZMIR_BY_NAME, IZMIR_BY_PLACE

pytestmark = pytest.mark.django_db
URL = reverse("participants:profile")


def _data(**overrides):
    return {
        "full_name": "Ayşe Yılmaz",
        "language": "tr",
        "title": "Sosyal Hizmetler",
        "phone": "0532 123 45 67",
        "privacy_acknowledged": "on",
        **overrides,
    }


def test_verification_link_sends_a_new_participant_to_the_profile_form(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("account_signup"),
            {
                "full_name": "Ayşe Yılmaz",
                "email": "ayse@example.org",
                "password1": "uzun-ve-guclu-parola-42",
                "password2": "uzun-ve-guclu-parola-42",
                "privacy_acknowledged": "on",
            },
        )
    link = re.search(r"https?://[^\s]+/hesap/confirm-email/[^\s]+/", mail.outbox[0].body).group(0)
    response = client.post(link, follow=True)
    assert response.redirect_chain == [
        (reverse("participants:my_registrations"), 302),
        (URL, 302),
    ]
    assert "Lütfen önce katılımcı profilinizi tamamlayın." in response.content.decode()


def _login(client, user):
    return client.post(
        reverse("account_login"),
        {"login": user.email, "password": "correct-horse-battery"},
        follow=True,
    )


def test_profile_is_asked_first_only_of_participants_without_one(client, coordinator, participant):
    assert _login(client, participant).redirect_chain[-1] == (URL, 302)
    client.logout()
    ParticipantProfileFactory(user=participant)
    assert _login(client, participant).redirect_chain[-1] == (
        reverse("participants:my_registrations"),
        302,
    )
    client.logout()
    assert _login(client, coordinator).redirect_chain[-1] == (
        reverse("programs:console_dashboard"),
        302,
    )


def test_profile_with_existing_organisation_is_saved_with_e164_phone(client, participant):
    organization = OrganizationFactory(name="Konak Belediyesi")
    client.force_login(participant)
    response = client.post(URL, _data(organization=organization.pk, language="en"))
    assert response.status_code == 302
    assert response.url == reverse("participants:my_registrations")
    profile = ParticipantProfile.objects.get(user=participant)
    assert (profile.organization, profile.phone) == (organization, "+905321234567")
    participant.refresh_from_db()
    assert (participant.full_name, participant.language) == ("Ayşe Yılmaz", "en")
    assert ConsentRecord.objects.filter(user=participant, kind="privacy_notice").count() == 1


def test_profile_can_add_a_new_cooperative(client, participant):
    client.force_login(participant)
    izmir = Province.objects.get(name="İzmir")
    response = client.post(
        URL,
        _data(
            new_organization_name="Bayındır Kadın Kooperatifi",
            new_organization_kind="cooperative",
            new_organization_cooperative_kind="women",
            new_organization_province=izmir.pk,
            new_organization_district="Bayındır",
        ),
    )
    assert response.status_code == 302
    organization = Organization.objects.get()
    assert (organization.name, organization.search_name, organization.cooperative_kind) == (
        "Bayındır Kadın Kooperatifi",
        "bayindir kadin kooperatifi",
        "women",
    )


def test_malformed_phone_and_missing_organisation_explain_in_turkish_and_keep_input(
    client, participant
):
    client.force_login(participant)
    response = client.post(URL, _data(phone="12 34", title="Strateji Daire Başkanlığı"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Telefon numarasını 0532 123 45 67 ya da +90 532 123 45 67 biçiminde yazın" in html
    assert "Kurumunuzu listeden seçin ya da aşağıdan yeni kurum ekleyin." in html
    assert 'value="12 34"' in html
    assert 'value="Strateji Daire Başkanlığı"' in html
    assert not ParticipantProfile.objects.exists()


def test_cooperative_sub_kind_is_required_for_cooperatives_only(client, participant):
    client.force_login(participant)
    izmir = Province.objects.get(name="İzmir")
    response = client.post(
        URL,
        _data(
            new_organization_name="Konak Belediyesi",
            new_organization_kind="district",
            new_organization_cooperative_kind="social",
            new_organization_province=izmir.pk,
        ),
    )
    assert "Kooperatif türü yalnızca kooperatifler için seçilebilir." in response.content.decode()
    response = client.post(
        URL,
        _data(
            new_organization_name="Ege Kooperatifi",
            new_organization_kind="cooperative",
            new_organization_province=izmir.pk,
        ),
    )
    assert "Kooperatif türünü seçin." in response.content.decode()
    assert not Organization.objects.exists()


def test_privacy_acknowledgement_is_required_the_first_time(client, participant):
    organization = OrganizationFactory()
    client.force_login(participant)
    data = _data(organization=organization.pk)
    del data["privacy_acknowledged"]
    response = client.post(URL, data)
    assert "Lütfen aydınlatma metnini okuduğunuzu onaylayın." in response.content.decode()


def test_profile_returns_to_the_registration_it_was_asked_for(client, participant):
    cohort = CohortFactory()
    organization = OrganizationFactory()
    register_url = reverse("participants:register", kwargs={"cohort_pk": cohort.pk})
    client.force_login(participant)
    response = client.post(URL, _data(organization=organization.pk, next=register_url))
    assert response.url == register_url
    response = client.post(URL, _data(organization=organization.pk, next="https://evil.example/"))
    assert response.url == reverse("participants:my_registrations")


def test_organisation_search_is_turkish_aware(client, participant, izmir_organisations):
    client.force_login(participant)
    url = reverse("participants:organization_search")
    response = client.get(url, {"organization_query": "izmir"})
    assert [o.name for o in response.context["organizations"]] == IZMIR_BY_NAME + IZMIR_BY_PLACE
    html = response.content.decode()
    assert "Karşıyaka Belediyesi</strong>" in html
    assert "İzmir / Karşıyaka" in html
    assert "Çankaya" not in html
    html = client.get(url, {"organization_query": "CANKAYA"}).content.decode()
    assert "Çankaya Belediyesi" in html
    html = client.get(URL).content.decode()
    assert "Kurumun adından, ilinden ya da ilçesinden en az iki harf yazın" in html
    html = client.get(url, {"organization_query": "yok böyle"}).content.decode()
    assert "“yok böyle” ile eşleşen kurum yok." in html


def test_unverified_user_cannot_fill_a_profile(client):
    client.force_login(UserFactory(verified=False))
    assert client.get(URL).status_code == 403


def test_a_tampered_organisation_value_is_refused_with_a_message_not_an_error(client, participant):
    client.force_login(participant)
    response = client.post(URL, _data(organization="abc"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Geçerli bir seçenek seçin." in html
    assert not ParticipantProfile.objects.exists()


@pytest.mark.parametrize("query", ["izmir\x00", "ş" * 30_000])
def test_organisation_search_survives_nul_and_endless_text(client, participant, query):
    OrganizationFactory(name="İzmir Büyükşehir Belediyesi")
    client.force_login(participant)
    url = reverse("participants:organization_search")
    response = client.get(url, {"organization_query": query})
    assert response.status_code == 200
    assert ("İzmir Büyükşehir Belediyesi" in response.content.decode()) is (len(query) < 100)


@pytest.mark.parametrize("value", ["²", "1\x00"])
def test_an_organisation_value_no_number_can_be_is_refused_beside_the_search(
    client, participant, value
):
    client.force_login(participant)
    response = client.post(URL, _data(organization=value))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-describedby="id_organization_query_helptext id_organization_error"' in html
    assert '<ul class="errorlist" id="id_organization_error">' in html
