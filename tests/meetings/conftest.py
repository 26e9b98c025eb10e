import pytest

from pioneers.core.models import User


@pytest.fixture
def coordinator(client, demo):
    """The demo's coordinator, logged in."""
    client.force_login(User.objects.get(email="coordinator@example.org"))
    return client
