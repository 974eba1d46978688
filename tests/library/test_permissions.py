import pytest
from django.contrib.auth.models import AnonymousUser

from library.permissions import can_curate_library

pytestmark = pytest.mark.django_db


def test_only_coordinators_curate_the_library(participant, facilitator, coordinator):
    assert can_curate_library(coordinator)
    assert not can_curate_library(facilitator)
    assert not can_curate_library(participant)
    assert not can_curate_library(AnonymousUser())


def test_deactivated_coordinator_cannot_curate(coordinator):
    coordinator.is_active = False

    assert not can_curate_library(coordinator)
