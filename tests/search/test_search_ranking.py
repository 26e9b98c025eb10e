"""Ranking a bounded set of hits (core.search.RankedSearch), on SQLite and on PostgreSQL alike."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from pioneers.core import search
from pioneers.core.models import User
from pioneers.core.search import bounded
from pioneers.meetings.models import Meeting
from pioneers.practices.models import PracticePage
from pioneers.practices.selectors import practice_browse, similar_practices
from tests.practices.test_practices import INDEX, _practice

WORD = "zonnepanelen"  # in no demo practice


@pytest.fixture
def solar(demo):
    """Four practices with the word, oldest first; the oldest is only an idea."""
    return [
        _practice("Oudste proef", summary=f"Over {WORD}.", status=PracticePage.Status.IDEA),
        _practice("Tweede proef", summary=f"Over {WORD}."),
        _practice("Derde proef", summary=f"Over {WORD}."),
        _practice("Nieuwste proef", summary=f"Over {WORD}."),
    ]


def test_a_word_in_the_title_ranks_above_the_same_word_in_the_text(demo):
    in_title = _practice(f"{WORD.capitalize()} op het stadhuis", summary="Een dak vol.")
    in_text = _practice("Een dak vol", summary=f"{WORD} en nog eens {WORD} op het dak.")
    hits = list(PracticePage.objects.live().public().search(WORD))
    assert hits == [in_title, in_text]  # the older one first: its rank decides, not its age


def test_more_hits_than_are_ranked_shows_the_newest_and_says_so(client, solar, monkeypatch):
    monkeypatch.setattr(search, "MAX_HITS", 3)
    results = bounded(PracticePage.objects.live().public().search(WORD))
    assert results.count() == 3 and results.more_hits
    assert {p.pk for p in results} == {p.pk for p in solar[1:]}
    assert list(results[:2]) + list(results[2:]) == list(results)  # pages keep the order
    html = client.get(INDEX, {"q": WORD}).content.decode()
    assert "Meer dan 3 praktijken gevonden voor “zonnepanelen”" in html
    assert "Oudste proef" not in html and "Nieuwste proef" in html
    html = client.get("/nl/zoeken/", {"q": WORD}).content.decode()
    assert "Praktijken (meer dan 3)" in html and "Meer dan 3 resultaten" in html


def test_as_many_hits_as_are_ranked_is_not_more(solar, monkeypatch):
    monkeypatch.setattr(search, "MAX_HITS", 4)
    results = bounded(PracticePage.objects.live().public().search(WORD))
    assert results.count() == 4 and not results.more_hits


def test_an_old_practice_named_after_the_words_is_ranked_too(solar, monkeypatch):
    monkeypatch.setattr(search, "MAX_HITS", 3)
    named = solar[0]
    named.title = f"{WORD.capitalize()} op het stadhuis"
    named.save_revision().publish()
    results = bounded(PracticePage.objects.live().public().search(WORD))
    assert results.more_hits and results.count() == 4
    assert results[0] == named  # the title counts most, however old the practice


def test_unbounded_searches_rank_every_hit(solar, monkeypatch):
    """Similar practices exist to find older ones: they search without a bound."""
    monkeypatch.setattr(search, "MAX_HITS", 3)
    results = PracticePage.objects.live().public().search(WORD)
    assert results.count() == 4 and not results.more_hits
    assert solar[0].pk in [p.pk for p in similar_practices(f"{WORD} oudste proef", limit=10)]


def test_a_facet_narrows_before_the_hits_are_bounded(client, solar, monkeypatch):
    monkeypatch.setattr(search, "MAX_HITS", 3)
    html = client.get(INDEX, {"q": WORD, "status": "idea"}).content.decode()
    assert "Oudste proef" in html and "1 praktijk gevonden" in html


def test_when_more_match_every_facet_option_stays_without_counts(solar, monkeypatch):
    """Counts over the newest hits would hide options that only older hits have."""
    monkeypatch.setattr(search, "MAX_HITS", 3)
    found = practice_browse(QueryDict(f"q={WORD}"))
    statuses = dict(found["form"].fields["status"].choices)
    assert found["more"] and "idea" in statuses and "(" not in statuses["idea"]
    monkeypatch.setattr(search, "MAX_HITS", 4)
    statuses = dict(practice_browse(QueryDict(f"q={WORD}"))["form"].fields["status"].choices)
    assert statuses["idea"].endswith("(1)") and statuses["pilot"].endswith("(3)")


def test_the_hits_are_found_once_for_count_page_and_facets(solar):
    marker = "@@" if connection.vendor == "postgresql" else " MATCH "

    def full_text_statements(call) -> int:
        with CaptureQueriesContext(connection) as captured:
            call()
        return sum(marker in q["sql"] for q in captured.captured_queries)

    live = PracticePage.objects.live().public()
    alone = full_text_statements(lambda: list(bounded(live.search(WORD))[:1]))
    assert 1 <= alone <= 2  # the newest hits, and on PostgreSQL those by title
    browse = full_text_statements(lambda: practice_browse(QueryDict(f"q={WORD}")))
    assert browse == alone  # the count, the page and the facets ask no more


def test_searches_ranked_by_wagtail_still_work(solar):
    """Scores asked for, another order than relevance, values: Wagtail's backend answers."""
    live = PracticePage.objects.live().public()
    scored = list(live.search(WORD).annotate_score("score"))
    assert len(scored) == 4 and all(hasattr(p, "score") for p in scored)
    by_title = live.order_by("title").search(WORD, order_by_relevance=False)
    assert [p.title for p in by_title] == sorted(p.title for p in solar)
    assert sorted(live.values_list("pk", flat=True).search(WORD)) == sorted(p.pk for p in solar)
    assert live.search("kernenergie").count() == 0
    assert list(get_search_backend().search("algoritmes", Meeting))  # a model, not a page


@pytest.mark.parametrize(
    "url",
    ["/admin/pages/search/?q=gemeente", "/admin/images/?q=gemeente", "/admin/documents/?q=x"],
)
def test_the_admin_searches(client, demo, url):
    """The admin's searches autocomplete, which Wagtail's code answers."""
    client.force_login(User.objects.get(email="coordinator@example.org"))
    assert client.get(url).status_code == 200
    index = PracticePage.objects.first().get_parent()
    response = client.get(f"/admin/pages/{index.pk}/", {"q": "gemeente"})
    assert response.status_code == 200 and "gemeente" in response.content.decode().lower()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's way to the newest")
def test_the_newest_hits_are_the_same_inside_and_beyond_the_window(solar, monkeypatch):
    from pioneers.core import search_postgres

    monkeypatch.setattr(search, "MAX_HITS", 3)

    def newest_hits() -> list:
        return bounded(PracticePage.objects.live().public().search(WORD)).ranked_pks()

    everything = newest_hits()  # the window holds every entry of the test database
    monkeypatch.setattr(search_postgres, "WINDOW", 0)  # only the newest entry: the rest beyond
    assert newest_hits() == everything and len(everything) == 3
