"""The coordinators' admin: reachable, in Dutch, and network settings are editable there."""

import pytest

from pioneers.core.models import NetworkSettings, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client, demo):
    client.force_login(User.objects.get(email="coordinator@example.org"))
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/pages/",
        "/admin/settings/core/networksettings/",
        "/admin/snippets/network/organisation/",
        "/admin/snippets/network/membership/",
        "/admin/users/",
    ],
)
def test_coordinator_opens_admin_pages(coordinator_client, url):
    response = coordinator_client.get(url, follow=True)
    assert response.status_code == 200
    assert 'lang="nl"' in response.content.decode()


def test_member_has_no_admin(client, demo):
    client.force_login(User.objects.get(email="member@example.org"))
    response = client.get("/admin/")
    assert response.status_code == 403  # not a redirect to the login page, which sends back


def _settings_form(**overrides):
    network = NetworkSettings.load()
    data = {
        "name_nl": network.name_nl,
        "name_en": network.name_en,
        "description_nl": network.description_nl,
        "description_en": network.description_en,
        "logo": "",
        "primary_colour": network.primary_colour,
        "header_colour": network.header_colour,
        "contact_email": network.contact_email,
        "topic_votes": network.topic_votes,
        "text_licence": network.text_licence,
    }
    data.update(overrides)
    return data


def test_coordinator_renames_the_network(coordinator_client, django_capture_on_commit_callbacks):
    url = f"/admin/settings/core/networksettings/{NetworkSettings.load().pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(url, _settings_form(name_nl="Pioniers Zeeland"))
    assert response.status_code == 302
    assert NetworkSettings.load().name_nl == "Pioniers Zeeland"
    assert "Pioniers Zeeland" in coordinator_client.get("/nl/").content.decode()


def test_unreadable_colour_is_refused_and_nothing_changes(coordinator_client):
    url = f"/admin/settings/core/networksettings/{NetworkSettings.load().pk}/"
    response = coordinator_client.post(
        url, _settings_form(name_nl="Iets anders", primary_colour="#ffee00")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "minstens 4,5:1" in html
    assert 'value="Iets anders"' in html
    assert NetworkSettings.load().name_nl == "Pioniersnetwerk Open Overheid"
