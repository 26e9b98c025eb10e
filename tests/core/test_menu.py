"""The layout's menus come from what the apps register, in their order, for whom they are."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from pioneers.core import menu
from pioneers.core.models import User
from pioneers.demo.loader import COORDINATOR_EMAIL, MEMBER_EMAIL


def _account_menu(html: str) -> list[tuple[str, str]]:
    nav = re.search(r'<nav class="pioneers-account".*?</nav>', html, re.S).group(0)
    return re.findall(
        r'<a class="utrecht-link pioneers-header__link" href="([^"]+)">([^<]+)</a>', nav
    )


def test_a_member_sees_the_apps_entries_in_order_without_the_coordinators(client, demo):
    client.force_login(User.objects.get(email=MEMBER_EMAIL))
    html = client.get("/en/").content.decode()
    assert _account_menu(html) == [
        (reverse("network:people"), "Pioneers"),
        (reverse("publications:mine"), "My overview"),
        (reverse("cfp:proposals"), "My proposals"),
        (reverse("topics:map"), "Topic map"),
        (reverse("network:profile"), "Profile"),
        (reverse("account_email"), "My account"),
    ]


def test_a_coordinator_also_sees_manage_and_join_requests_first(client, demo):
    client.force_login(User.objects.get(email=COORDINATOR_EMAIL))
    html = client.get("/en/").content.decode()
    assert [label for _url, label in _account_menu(html)] == [
        "Manage",
        "Join requests",
        "Pioneers",
        "My overview",
        "My proposals",
        "Topic map",
        "Profile",
        "My account",
    ]


def test_the_search_form_and_feed_link_are_the_registered_ones(client, demo):
    html = client.get("/en/").content.decode()
    assert f'action="{reverse("search:search")}"' in html
    assert f'href="{reverse("magazine:magazine_feed")}"' in html


def test_account_settings_link_to_your_data_and_deleting_the_account(client, demo):
    client.force_login(User.objects.get(email=MEMBER_EMAIL))
    html = client.get(reverse("account_email")).content.decode()
    assert f'href="{reverse("publications:mine")}#your-data">' in html
    assert f'href="{reverse("network:account_delete")}">' in html


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(menu, "_entries", list(menu._entries))


def test_an_entry_shows_by_its_order_to_whom_its_predicate_admits(registry, demo):
    menu.register("account", "First", "network:people", order=1)
    menu.register(
        "account", "Coordinators", "network:people", order=15, visible=lambda user: user.is_staff
    )
    member = User.objects.get(email=MEMBER_EMAIL)
    coordinator = User.objects.get(email=COORDINATOR_EMAIL)
    with translation.override("en"):
        assert [link.label for link in menu.links("account", member)][:2] == ["First", "Pioneers"]
        labels = [link.label for link in menu.links("account", coordinator)]
    assert labels.index("Join requests") < labels.index("Coordinators") < labels.index("Pioneers")


def test_a_reviewer_also_sees_reviews_after_my_proposals(client, demo):
    from pioneers.cfp.models import Call, Reviewer

    member = User.objects.get(email=MEMBER_EMAIL)
    Reviewer.objects.create(call=Call.objects.order_by("pk").first(), user=member)
    client.force_login(member)
    labels = [label for _url, label in _account_menu(client.get("/en/").content.decode())]
    assert labels[labels.index("My proposals") + 1] == "Reviews"
