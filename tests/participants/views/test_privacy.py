import json

import pytest
from django.urls import reverse

from participants.models import ConsentRecord
from tests.factories import ParticipantProfileFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(client):
    profile = ParticipantProfileFactory()
    client.force_login(profile.user)
    return profile.user


def test_privacy_notice_is_public_in_turkish_and_english(client):
    url = reverse("participants:privacy_notice")
    html = client.get(url).content.decode()
    assert "Veri sorumlusu" in html
    assert "Genç İşi Kooperatif" in html
    assert "KVKK m.11 kapsamındaki haklarınız" in html
    assert "2026-11-demo-1" in html
    client.cookies["django_language"] = "en"
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Your rights under KVKK article 11" in html


def test_optional_consents_can_be_given_and_withdrawn(client, member):
    url = reverse("participants:my_data")
    client.post(url, {"share_contact": "on", "photos": "on"})
    response = client.post(url, {"photos": "on"}, follow=True)
    assert "Tercihleriniz kaydedildi." in response.content.decode()
    assert list(
        ConsentRecord.objects.filter(user=member).order_by("pk").values_list("kind", "granted")
    ) == [("share_contact", True), ("photos", True), ("share_contact", False)]


def test_download_gives_my_data_as_json(client, member):
    RegistrationFactory(participant=member)
    response = client.get(reverse("participants:my_data_export"))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="kisisel-verilerim-')
    data = json.loads(response.content)
    assert data["account"]["email"] == member.email
    assert len(data["registrations"]) == 1


def test_erasure_needs_the_phrase_then_anonymises_and_logs_out(client, member):
    url = reverse("participants:my_data_erase")
    response = client.post(url, {"phrase": "evet"})
    assert response.status_code == 200
    assert "Silmeyi onaylamak için tam olarak SİL yazın." in response.content.decode()
    member.refresh_from_db()
    assert member.is_active
    response = client.post(url, {"phrase": "sil"}, follow=True)
    assert "Kişisel verileriniz silindi ve hesabınız kapatıldı." in response.content.decode()
    member.refresh_from_db()
    assert not member.is_active
    assert "_auth_user_id" not in client.session
