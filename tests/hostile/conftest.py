"""Hostile input over every form and filter of the site, as the least privileged role the access
matrix lets through (tests/hostile/): it spans every app, so it has a folder of its own."""

import pytest
from django.conf import settings
from django.utils import translation

# The access matrix's users and objects: the hostile-input tests reach every URL as it does.
from tests.test_access_matrix import db_objects, role_users  # noqa: F401


@pytest.fixture(autouse=True)
def _language_restored():
    """Requests activate their language in this thread (one posted to set_language chooses
    English): the tests after these find Turkish active, as they would otherwise."""
    with translation.override(settings.LANGUAGE_CODE):
        yield
