import logging

from documents import apps


def test_startup_check_warns_when_harfbuzz_subset_is_missing(monkeypatch, caplog):
    monkeypatch.setattr(apps.ctypes.util, "find_library", lambda _name: None)
    with caplog.at_level(logging.WARNING, logger="documents.apps"):
        assert apps.warn_if_harfbuzz_subset_missing() is False
    assert "libharfbuzz-subset0 is not installed" in caplog.text


def test_startup_check_is_quiet_when_harfbuzz_subset_is_installed(caplog):
    with caplog.at_level(logging.WARNING, logger="documents.apps"):
        assert apps.warn_if_harfbuzz_subset_missing() is True
    assert caplog.text == ""
