from core import release as release_module


def test_a_named_release_is_used_as_it_is(monkeypatch):
    release_module.release.cache_clear()
    monkeypatch.setenv("GENCISI_RELEASE", "2026.12.03-abc123")
    try:
        assert release_module.release() == "2026.12.03-abc123"
    finally:
        release_module.release.cache_clear()


def test_otherwise_the_release_changes_with_a_template_and_not_with_a_test(
    monkeypatch, settings, tmp_path
):
    monkeypatch.delenv("GENCISI_RELEASE", raising=False)
    settings.BASE_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    (tmp_path / "templates").mkdir()
    (tmp_path / "tests").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<h1>Kayıtlarım</h1>", encoding="utf-8")

    def fresh() -> str:
        release_module.release.cache_clear()
        return release_module.release()

    try:
        first = fresh()
        assert len(first) == 16
        (tmp_path / "tests" / "test_page.py").write_text("assert True\\n")
        (tmp_path / "notes.md").write_text("not rendered")
        assert fresh() == first
        page.write_text("<h1>Kayıtlarım</h1><p>yeni</p>", encoding="utf-8")
        second = fresh()
        assert second != first
        settings.STATIC_ROOT.mkdir()
        (settings.STATIC_ROOT / "staticfiles.json").write_text('{"paths": {}}')
        assert fresh() not in {first, second}
    finally:
        release_module.release.cache_clear()
