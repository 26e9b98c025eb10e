"""Coordinators' pages: others logged in get a 403 page that says why, never a login loop."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from pioneers.core.models import User

pytestmark = pytest.mark.django_db

ARGUMENTS = {"pk": 1, "slug": "x"}


def _coordinator_urls(patterns=None, prefix=""):
    """Every URL of a view marked by coordinator_required, with made-up arguments."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
            yield from _coordinator_urls(pattern.url_patterns, namespace)
        elif isinstance(pattern, URLPattern) and getattr(pattern.callback, "coordinators_only", 0):
            kwargs = {name: ARGUMENTS[name] for name in pattern.pattern.converters}
            yield reverse(f"{prefix}{pattern.name}", kwargs=kwargs)


def test_every_coordinators_page_is_found():
    with translation.override("nl"):
        urls = list(_coordinator_urls())
    assert "/nl/aanvragen/" in urls and len(urls) >= 7


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Deze pagina is voor coördinatoren van het netwerk"),
        ("en", "This page is for the network"),
    ],
)
def test_member_on_a_coordinators_page_gets_403_saying_why(client, demo, language, text):
    client.force_login(User.objects.get(email="member@example.org"))
    with translation.override(language):
        urls = [reverse("network:join_requests"), *_coordinator_urls()]
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 403, url
        assert response.redirect_chain == [], url
        assert text in response.content.decode(), url


@pytest.mark.parametrize("language", ["nl", "en"])
def test_member_in_the_admin_gets_403_not_a_login_loop(client, demo, language):
    client.force_login(User.objects.get(email="member@example.org"))
    client.cookies["django_language"] = language
    for url in ("/admin/", "/admin/pages/", "/admin/snippets/network/organisation/"):
        response = client.get(url, follow=True)
        assert response.status_code == 403, url
        assert len(response.redirect_chain) <= 1, response.redirect_chain
        html = response.content.decode()
        assert f'lang="{language}"' in html
        assert "coördinatoren" in html if language == "nl" else "coordinators" in html


def test_visitor_goes_to_the_login_page_once(client, demo):
    for url in ("/nl/aanvragen/", "/admin/"):
        response = client.get(url, follow=True)
        assert response.status_code == 200
        assert len(response.redirect_chain) == 1
        assert response.redirect_chain[0][0].startswith("/nl/accounts/login/?next=")


def test_coordinator_still_opens_coordinators_pages(client, demo):
    client.force_login(User.objects.get(email="coordinator@example.org"))
    assert client.get("/nl/aanvragen/").status_code == 200
    assert client.get("/admin/").status_code == 200
