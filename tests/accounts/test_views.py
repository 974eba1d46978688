from django.urls import reverse

from accounts.models import User


def test_profile_shows_roles_and_saves_name_and_language(client, coordinator):
    client.force_login(coordinator)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert "Koordinatör" in html
    response = client.post(
        reverse("accounts:profile"), {"full_name": "Zeynep  Aydın Kaya", "language": "en"}
    )
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.full_name == "Zeynep Aydın Kaya"
    assert coordinator.language == "en"
    assert response.cookies["django_language"].value == "en"


def test_profile_rejects_a_blank_name_and_keeps_the_choice(client, participant):
    client.force_login(participant)
    response = client.post(reverse("accounts:profile"), {"full_name": " ", "language": "en"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bu alan zorunludur." in html
    assert User.objects.get(pk=participant.pk).full_name == "Ali Veli Katılımcı"
