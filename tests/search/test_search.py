"""Site-wide search: one page over practices, reports, meetings, organisations and pages."""

import pytest

from pioneers.practices.models import PracticeIndexPage, PracticePage

SEARCH = "/nl/zoeken/"


@pytest.mark.parametrize("url", ["/nl/", "/en/", "/nl/bijeenkomsten/", "/nl/kennisbank/"])
def test_every_page_has_a_search_form(client, demo, url):
    html = client.get(url).content.decode()
    assert 'role="search"' in html and 'action="/' in html and 'name="q"' in html


def test_search_finds_every_kind(client, demo):
    html = client.get(SEARCH, {"q": "algoritmes"}).content.decode()
    for heading in ("Praktijken (", "Verslagen (", "Bijeenkomsten (", "Artikelen ("):
        assert heading in html
    assert "<mark>Algoritmes</mark> en transparantie" in html
    assert "/nl/bijeenkomsten/2020-algoritmes-en-transparantie/" in html  # the seed meeting
    assert "/nl/verslagen/2020-algoritmes-en-transparantie/" in html  # and its report
    html = client.get(SEARCH, {"q": "Schiedam"}).content.decode()
    assert "Organisaties (" in html and "/nl/organisaties/schiedam/" in html


def test_search_in_english_uses_the_same_index(client, demo):
    html = client.get("/en/search/", {"q": "gemeenten"}).content.decode()
    assert "Practices (" in html and "<mark>" in html


def test_one_kind_is_paged_through(client, demo):
    hits = PracticePage.objects.live().search("gemeente").count()
    assert hits > 20
    html = client.get(SEARCH, {"q": "gemeente", "kind": "practice"}).content.decode()
    assert html.count('class="pioneers-meeting-card"') == 20
    assert 'rel="next"' in html and "Verslagen (" not in html
    html = client.get(SEARCH, {"q": "gemeente", "kind": "practice", "page": 2}).content.decode()
    assert html.count('class="pioneers-meeting-card"') == min(hits - 20, 20)


@pytest.mark.parametrize("query", ["!!!", "<script>alert(1)</script>", "' OR 1=1 --", '"', "*"])
def test_odd_queries_never_fail(client, demo, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_unpublished_pages_are_not_found(client, demo):
    index = PracticeIndexPage.objects.get(locale__language_code="nl")
    draft = PracticePage(
        title="Geheim plan",
        summary="Nog niet klaar.",
        problem="<p>x</p>",
        approach="<p>x</p>",
        status="idea",
        municipality_id=PracticePage.objects.first().municipality_id,
        live=False,
    )
    index.add_child(instance=draft)
    draft.save_revision()
    assert "Geheim plan" not in client.get(SEARCH, {"q": "geheim"}).content.decode()


def test_search_queries_do_not_grow_with_hits(demo, queries_of):
    url = SEARCH + "?q=gemeente"
    before = queries_of(url)
    index = PracticeIndexPage.objects.get(locale__language_code="nl")
    municipality_id = PracticePage.objects.first().municipality_id
    for number in range(10):
        practice = PracticePage(
            title=f"Gemeente {number}",
            summary="Een gemeente.",
            problem="<p>x</p>",
            approach="<p>x</p>",
            status="idea",
            municipality_id=municipality_id,
        )
        index.add_child(instance=practice)
        practice.save_revision().publish()
    assert queries_of(url) == before


def test_articles_are_found_once_their_edition_is_published(client, demo):
    from pioneers.magazine.models import ArticlePage

    article = ArticlePage.objects.live().filter(locale__language_code="nl").first()
    query = article.title
    assert article.url in client.get(SEARCH, {"q": query}).content.decode()
    article.get_parent().specific.unpublish()
    html = client.get(SEARCH, {"q": query}).content.decode()
    assert article.url not in html
