import gc
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import get_template

from gencisi import startup

ROOT = Path(__file__).resolve().parents[2]


def test_template_names_are_the_projects_own_templates():
    names = startup.template_names()
    assert "base.html" in names
    assert "participants/forms/checkbox_field.html" in names  # an app's own folder
    assert "certificates/email/certificate_ready.txt" in names
    assert "account/login.html" in names  # the project's version of an allauth page
    assert "admin/base.html" not in names  # Django's own, not loaded
    for name in names:
        origin = Path(get_template(name).origin.name)
        assert origin.is_relative_to(settings.BASE_DIR), name
        assert not origin.is_relative_to(sys.prefix), name


def test_every_project_template_compiles():
    """What the warm-up loads: a template that does not compile would only be logged there."""
    for name in startup.template_names():
        get_template(name)


@pytest.fixture
def unfrozen():
    yield
    gc.unfreeze()


def test_process_warm_freezes_what_is_alive_so_a_full_collection_skips_it(unfrozen):
    tracked_before = len(gc.get_objects())
    frozen = startup.process_warm()
    assert 0 < gc.get_freeze_count() <= frozen  # a frozen object may be freed since
    assert frozen >= tracked_before // 2
    assert len(gc.get_objects()) < tracked_before // 10


def test_process_warm_logs_a_template_that_does_not_load_and_goes_on(unfrozen, monkeypatch, caplog):
    monkeypatch.setattr(startup, "template_names", lambda: ["no/such/template.html", "base.html"])
    with caplog.at_level(logging.ERROR, logger="gencisi.startup"):
        assert startup.process_warm() > 0
    assert [record.getMessage() for record in caplog.records] == [
        "Template no/such/template.html could not be loaded while warming up"
    ]


def test_the_wsgi_module_warms_and_freezes_the_process():
    environment = {key: value for key, value in os.environ.items() if key != "CI"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import gc, gencisi.wsgi; print(gc.get_freeze_count(), len(gc.get_objects()))",
        ],
        cwd=ROOT,
        env={**environment, "DJANGO_SETTINGS_MODULE": "gencisi.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    frozen, tracked = map(int, result.stdout.split())
    assert frozen > 50_000
    assert tracked < frozen // 10
