"""The preview of every kind of e-mail: it iterates the registry, so a kind registered later
shows up by itself, with its subject, HTML and text in Turkish and English; the HTML is served
to a sandboxed frame, the only place where an e-mail's inline styles may apply."""

import html as html_lib

import pytest
from django.urls import reverse

from notifications import registry
from notifications.previews import email_preview


def test_the_preview_page_shows_every_kind_in_both_languages(client, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("site:email_previews"))
    assert response.status_code == 200
    page = html_lib.unescape(response.content.decode())
    assert page.count("data-email-kind=") == len(registry.kinds())
    for kind in registry.kinds():
        assert f'data-email-kind="{kind.name}"' in page
        for language in ("tr", "en"):
            email = email_preview(kind=kind, language=language)
            assert f"<span data-email-subject>{email.subject}</span>" in page
            assert email.text.strip() in page
            frame = reverse(
                "site:email_preview_html", kwargs={"kind": kind.name, "language": language}
            )
            assert f'src="{frame}"' in page
    assert "Bu tür için önizleme tanımlanmamış." not in page


def test_a_kind_registered_later_appears_and_one_without_preview_says_so(
    client, coordinator, monkeypatch
):
    monkeypatch.setitem(
        registry._kinds,
        "test_no_preview",
        registry.NotificationKind(
            name="test_no_preview", label="önizlemesiz tür", template="participants/email/confirmed"
        ),
    )
    client.force_login(coordinator)
    page = client.get(reverse("site:email_previews")).content.decode()
    assert 'data-email-kind="test_no_preview"' in page
    assert "Bu tür için önizleme tanımlanmamış." in page


def test_the_frame_serves_the_emails_html_under_its_own_policy(client, coordinator):
    client.force_login(coordinator)
    url = reverse("site:email_preview_html", kwargs={"kind": "confirmed", "language": "tr"})
    response = client.get(url)
    assert response.status_code == 200
    expected = email_preview(kind=registry.get("confirmed"), language="tr").html
    assert response.content.decode() == expected
    assert response.headers["Content-Security-Policy"] == (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        "frame-ancestors 'self'; sandbox"
    )
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "Kaydınız onaylandı." in response.content.decode()


@pytest.mark.parametrize(("kind", "language"), [("yok", "tr"), ("confirmed", "de")])
def test_an_unknown_kind_or_language_is_404(client, coordinator, kind, language):
    client.force_login(coordinator)
    url = reverse("site:email_preview_html", kwargs={"kind": kind, "language": language})
    assert client.get(url).status_code == 404
