"""The root URLconf's error pages: the site's own, in Turkish."""


def test_a_missing_page_shows_the_sites_own_page_in_turkish(client, settings):
    settings.DEBUG = False
    response = client.get("/boyle-bir-sayfa-yok/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="tr">' in html
    assert "<h1>Sayfa bulunamadı</h1>" in html
    assert 'href="/"' in html
    assert "<style" not in html
