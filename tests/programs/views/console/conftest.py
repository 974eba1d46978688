import pytest


@pytest.fixture
def console(client, coordinator):
    client.force_login(coordinator)
    return client
