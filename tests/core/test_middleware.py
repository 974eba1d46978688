from django.urls import reverse


def test_pages_carry_a_strict_content_security_policy(client, db):
    response = client.get(reverse("site:home"))
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "'unsafe-inline'" not in policy


def test_turkish_is_shown_even_when_the_browser_asks_for_english(client, db):
    response = client.get(reverse("site:home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "tr"
    assert '<html lang="tr">' in response.content.decode()


def test_language_switcher_choice_shows_english(client, db):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    response = client.get(reverse("site:home"))
    assert response.headers["Content-Language"] == "en"
    assert '<html lang="en">' in response.content.decode()
