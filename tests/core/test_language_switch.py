"""The language switch keeps what the reader searched for, and says so when a page has no
translation instead of dropping the reader on the other language's home page."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

DUTCH_ONLY_REPORT = "/nl/verslagen/2018-aftrap-wat-maakt-een-gemeente-open/"


def switch_link(client, url: str, language: str, **headers) -> str:
    soup = BeautifulSoup(client.get(url, headers=headers).content.decode(), "html.parser")
    link = soup.select_one(f'#language-nav a[hreflang="{language}"]')
    assert link is not None and link.get("lang") == language
    return link["href"]


@pytest.mark.parametrize(
    ("url", "language", "expected"),
    [
        ("/nl/kennisbank/?q=woo", "en", "/en/knowledge-base/?q=woo"),  # a page of the tree
        ("/en/knowledge-base/?q=woo&page=2", "nl", "/nl/kennisbank/?q=woo&page=2"),
        ("/nl/zoeken/?q=agenda", "en", "/en/search/?q=agenda"),  # a Django view
        ("/nl/leden/?q=delft", "en", "/en/members/?q=delft"),
    ],
)
def test_switch_keeps_the_search_words_and_filters(client, demo, url, language, expected):
    assert switch_link(client, url, language) == expected


def test_list_filtered_through_htmx_updates_the_switch_with_its_filters(client, demo):
    html = client.get("/nl/leden/?q=delft", headers={"HX-Request": "true"}).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    nav = soup.select_one("#language-nav")
    assert nav is not None and nav.get("data-hx-swap-oob") == "true"
    assert nav.select_one('a[hreflang="en"]')["href"] == "/en/members/?q=delft"


def test_switch_from_a_page_without_translation_lands_on_the_listing_and_says_so(client, demo):
    href = switch_link(client, DUTCH_ONLY_REPORT, "en")
    response = client.get(href, follow=True)
    assert response.redirect_chain[-1][0] == "/en/reports/"
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "This page is not available in English; you are on the overview." in html


def test_message_is_in_the_language_the_reader_chose(client, demo):
    response = client.get("/language/nl/?next=/nl/verslagen/", follow=True)
    assert response.redirect_chain[-1][0] == "/nl/verslagen/"
    assert (
        "Deze pagina is niet in het Nederlands beschikbaar; je bent op de overzichtspagina."
        in response.content.decode()
    )


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/en/", "//evil.example/en/", "/nl/verslagen/", ""]
)
def test_switch_never_leaves_the_site_or_the_language(client, demo, next_url):
    response = client.get("/language/en/", {"next": next_url})
    assert response.status_code == 302 and response["Location"] == "/en/"


def test_unknown_path_in_the_page_tree_switches_to_the_home_page(client, demo):
    href = switch_link(client, "/nl/kennisbank/bestaat-niet/", "en")
    assert href.startswith("/language/en/?next=")
    response = client.get(href, follow=True)
    assert response.redirect_chain[-1][0] == "/en/"
    assert "This page is not available in English; you are on the home page." in (
        response.content.decode()
    )
