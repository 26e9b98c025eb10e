"""Wagtail's page view with a cached root page and a cached "no view restriction" answer."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from pioneers.publications.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db


def test_a_view_restriction_added_later_is_enforced_at_once(
    client, demo, no_page_cache, django_capture_on_commit_callbacks
):
    page = ContentPage.objects.get(slug="over")
    url = page.url
    assert client.get(url).status_code == 200  # "no restriction anywhere" is now cached
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.get(name="Coordinators"))
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert client.get(url).status_code == 200


def test_the_home_page_shows_its_new_title_once_published(
    client, demo, no_page_cache, django_capture_on_commit_callbacks
):
    client.get("/nl/")  # the root page is now cached
    home = HomePage.objects.get(locale__language_code="nl")
    home.title = "Thuis van het netwerk"
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    assert "Thuis van het netwerk" in client.get("/nl/").content.decode()


@pytest.mark.parametrize("url", ["/nl/", "/en/"])
def test_the_home_page_asks_the_database_only_for_places_left(queries_of, demo, url):
    assert queries_of(url) == 1


def test_an_unknown_page_is_not_found(client, demo, no_page_cache):
    assert client.get("/nl/bestaat-niet/").status_code == 404
    assert client.get("/en/over/nope/").status_code == 404
