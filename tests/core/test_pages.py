"""The public pages: languages, layout, security headers, error pages."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_root_redirects_to_a_language(client, demo):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr").headers["Location"] == "/nl/"


@pytest.mark.parametrize(
    ("url", "lang", "heading", "switch_to"),
    [
        ("/nl/", "nl", "Pioniersnetwerk Open Overheid", "/en/"),
        ("/en/", "en", "Open Government Pioneer Network", "/nl/"),
        ("/nl/over/", "nl", "Over het netwerk", "/en/about/"),
        ("/en/accessibility/", "en", "Accessibility statement", "/nl/toegankelijkheid/"),
    ],
)
def test_page_links_to_its_translation(client, demo, url, lang, heading, switch_to):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in html
    assert heading in html
    assert f'href="{switch_to}" hreflang=' in html
    assert 'href="#main"' in html


def test_home_page_counts_member_municipalities(client, demo, django_capture_on_commit_callbacks):
    html = client.get("/nl/").content.decode()
    assert re.search(r'pioneers-figure__number">22<', html)
    assert "gemeenten doen mee aan het netwerk" in html
    with django_capture_on_commit_callbacks(execute=True):
        MembershipFactory()
    assert 'pioneers-figure__number">23<' in client.get("/nl/").content.decode()


def test_menu_and_footer_come_from_the_page_tree(client, demo):
    html = client.get("/nl/").content.decode()
    assert 'href="/nl/over/"' in html
    for slug in ("privacy", "toegankelijkheid", "open-data", "contact"):
        assert f'href="/nl/{slug}/"' in html
    html_en = client.get("/en/").content.decode()
    assert 'href="/en/about/"' in html_en and 'href="/en/privacy/"' in html_en


def test_unpublishing_a_page_removes_it_from_the_menu(
    client, demo, django_capture_on_commit_callbacks
):
    from pioneers.publications.models import ContentPage

    assert 'href="/nl/over/"' in client.get("/nl/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        ContentPage.objects.get(slug="over").unpublish()
    assert 'href="/nl/over/"' not in client.get("/nl/").content.decode()


def test_home_page_query_count_does_not_grow_with_members(client, demo, no_page_cache):
    def count():
        client.get("/nl/")  # warm the navigation cache, which any data change expires
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/nl/").status_code == 200
        return len(queries)

    small = count()
    MembershipFactory.create_batch(30)
    assert count() == small


def test_content_security_policy_forbids_inline_code(client, demo):
    response = client.get("/nl/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    html = response.content.decode()
    assert "<script>" not in html and " style=" not in html
    assert "<style" not in html


@pytest.mark.parametrize(
    ("url", "lang", "text"),
    [
        ("/nl/bestaat-niet/", "nl", "Pagina niet gevonden"),
        ("/en/does-not-exist/", "en", "Page not found"),
    ],
)
def test_not_found_page_in_both_languages(client, demo, url, lang, text):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html and text in html


def test_server_error_page_is_styled_and_translated(demo, settings):
    from django.conf.urls.i18n import i18n_patterns
    from django.urls import path

    def broken(request):
        raise RuntimeError("boom")

    from pioneers import urls as project_urls

    class urlconf:
        urlpatterns = i18n_patterns(path("kapot/", broken), path("broken/", broken))
        handler500 = project_urls.handler500

    settings.ROOT_URLCONF = urlconf
    client = Client(raise_request_exception=False)
    cases = (
        ("/nl/kapot/", "nl", "Er ging iets mis"),
        ("/en/broken/", "en", "Something went wrong"),
    )
    for url, lang, text in cases:
        response = client.get(url)
        assert response.status_code == 500
        html = response.content.decode()
        assert f'<html lang="{lang}"' in html and text in html


def test_theme_css_carries_the_network_colours(client, demo, django_capture_on_commit_callbacks):
    from pioneers.core.models import NetworkSettings

    network = NetworkSettings.load()
    network.primary_colour = "#00665c"
    with django_capture_on_commit_callbacks(execute=True):
        network.save()
    css = client.get("/theme.css").content.decode()
    assert "--pioneers-primary: #00665c;" in css


def test_network_name_is_a_setting_not_code(client, demo, django_capture_on_commit_callbacks):
    from pioneers.core.models import NetworkSettings

    network = NetworkSettings.load()
    network.name_nl = "Provinciaal netwerk"
    network.name_en = "Provincial network"
    with django_capture_on_commit_callbacks(execute=True):
        network.save()
    assert "Provinciaal netwerk</title>" in client.get("/nl/over/").content.decode()
    assert "Provincial network</title>" in client.get("/en/about/").content.decode()


def test_anonymous_pages_come_from_the_cache_until_data_changes(
    client, demo, django_capture_on_commit_callbacks
):
    from pioneers.core.models import NetworkSettings

    assert client.get("/nl/over/")["X-Cache"] == "miss"
    cached = client.get("/nl/over/")
    assert cached["X-Cache"] == "hit"
    assert "unsafe-inline" not in cached["Content-Security-Policy"]
    network = NetworkSettings.load()
    network.name_nl = "Nieuwe naam"
    with django_capture_on_commit_callbacks(execute=True):
        network.save()
    fresh = client.get("/nl/over/")
    assert fresh["X-Cache"] == "miss"
    assert "Nieuwe naam" in fresh.content.decode()


def test_logged_in_visitors_never_get_a_cached_page(client, demo):
    from pioneers.core.models import User

    client.get("/nl/")
    client.force_login(User.objects.get(email="member@example.org"))
    response = client.get("/nl/")
    assert "X-Cache" not in response
    assert "Uitloggen" in response.content.decode()


def test_responses_that_set_a_cookie_are_never_cached(rf, settings):
    """A page with a form sets the CSRF cookie; its HTML must not reach another visitor."""
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from pioneers.core.middleware import AnonymousPageCacheMiddleware

    def page_with_form(request):
        response = HttpResponse(f"<form>{get_token(request)}</form>")
        response.set_cookie("csrftoken", "secret")
        return response

    middleware = AnonymousPageCacheMiddleware(page_with_form)
    first = middleware(rf.get("/nl/formulier/"))
    second = middleware(rf.get("/nl/formulier/"))
    assert first["X-Cache"] == second["X-Cache"] == "miss"
    assert first.content != second.content


def test_htmx_requests_and_query_strings_bypass_the_page_cache(client, demo):
    client.get("/nl/over/")
    assert "X-Cache" not in client.get("/nl/over/", headers={"HX-Request": "true"})
    assert "X-Cache" not in client.get("/nl/over/?pagina=2")
    assert client.get("/nl/over/")["X-Cache"] == "hit"


def test_language_switch_on_a_strange_path_stays_on_this_site(client, demo):
    html = client.get("//evil.example/").content.decode()
    assert "evil.example" not in html.split("<main", 1)[0]


def test_theme_link_changes_with_the_colours(client, demo, django_capture_on_commit_callbacks):
    from pioneers.core.models import NetworkSettings

    assert "theme.css?v=154273154273" in client.get("/nl/").content.decode()
    network = NetworkSettings.load()
    network.primary_colour = "#00665c"
    with django_capture_on_commit_callbacks(execute=True):
        network.save()
    assert "theme.css?v=00665c154273" in client.get("/nl/").content.decode()
