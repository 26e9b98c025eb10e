"""The unsubscribed addresses in Wagtail's admin: coordinators search them and remove one
(a re-subscription on request); nobody adds or edits one there."""

import pytest

from pioneers.core.models import User
from pioneers.demo.loader import COORDINATOR_EMAIL, MEMBER_EMAIL
from pioneers.outreach.models import Unsubscribe

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/outreach/unsubscribe/"


@pytest.fixture
def addresses(demo):
    return [
        Unsubscribe.objects.create(email="alpha@example.org"),
        Unsubscribe.objects.create(email="beta@example.org"),
    ]


def test_coordinators_search_the_unsubscribed_addresses(client, addresses):
    client.force_login(User.objects.get(email=COORDINATOR_EMAIL))
    page = client.get(LIST).content.decode()
    assert "alpha@example.org" in page and "beta@example.org" in page
    found = client.get(LIST, {"q": "alpha"}).content.decode()
    assert "alpha@example.org" in found and "beta@example.org" not in found


def test_a_coordinator_removes_an_address_and_cannot_add_or_edit(client, addresses):
    client.force_login(User.objects.get(email=COORDINATOR_EMAIL))
    alpha = addresses[0]
    assert client.get(f"{LIST}add/").status_code in (302, 403)
    assert client.get(f"{LIST}edit/{alpha.pk}/").status_code in (302, 403)
    response = client.post(f"{LIST}delete/{alpha.pk}/")
    assert response.status_code == 302
    assert not Unsubscribe.objects.filter(email="alpha@example.org").exists()
    assert Unsubscribe.objects.filter(email="beta@example.org").exists()


def test_members_do_not_see_the_addresses(client, addresses):
    client.force_login(User.objects.get(email=MEMBER_EMAIL))
    response = client.get(LIST)
    assert "alpha@example.org" not in response.content.decode()
    client.post(f"{LIST}delete/{addresses[0].pk}/")
    assert Unsubscribe.objects.filter(email="alpha@example.org").exists()


def test_a_coordinator_of_the_group_sees_them_too(client, addresses):
    from django.contrib.auth.models import Group

    from tests.factories import UserFactory

    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Coordinators"))
    client.force_login(user)
    assert "alpha@example.org" in client.get(LIST).content.decode()
