"""Ranking a bounded set of hits (core.search.RankedSearch), on SQLite and on PostgreSQL alike."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from pioneers.core import search
from pioneers.publications.models import PracticePage
from pioneers.publications.selectors import practice_browse

from .test_practices import INDEX, _practice

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
    results = PracticePage.objects.live().public().search(WORD)
    assert results.count() == 3 and results.more_hits
    assert {p.pk for p in results} == {p.pk for p in solar[1:]}
    html = client.get(INDEX, {"q": WORD}).content.decode()
    assert "Meer dan 3 praktijken gevonden voor “zonnepanelen”" in html
    assert "Oudste proef" not in html and "Nieuwste proef" in html
    html = client.get("/nl/zoeken/", {"q": WORD}).content.decode()
    assert "Praktijken (meer dan 3)" in html and "Meer dan 3 resultaten" in html


def test_a_facet_narrows_before_the_hits_are_bounded(client, solar, monkeypatch):
    monkeypatch.setattr(search, "MAX_HITS", 3)
    html = client.get(INDEX, {"q": WORD, "status": "idea"}).content.decode()
    assert "Oudste proef" in html and "1 praktijk gevonden" in html


def test_facets_count_the_ranked_hits(solar, monkeypatch):
    monkeypatch.setattr(search, "MAX_HITS", 3)
    form = practice_browse(QueryDict(f"q={WORD}"))["form"]
    statuses = dict(form.fields["status"].choices)
    assert statuses["pilot"].endswith("(3)")  # the three newest are pilots
    assert "idea" not in statuses  # the oldest, an idea, is not among the hits


def test_one_full_text_statement_answers_count_page_and_facets(solar):
    marker = "@@" if connection.vendor == "postgresql" else " MATCH "
    with CaptureQueriesContext(connection) as captured:
        found = practice_browse(QueryDict(f"q={WORD}"))
    assert found["total"] == 4 and not found["more"]
    assert sum(marker in q["sql"] for q in captured.captured_queries) == 1


def test_searches_ranked_by_wagtail_still_work(solar):
    """Scores asked for, or another order than relevance: Wagtail's backend answers those."""
    live = PracticePage.objects.live().public()
    scored = list(live.search(WORD).annotate_score("score"))
    assert len(scored) == 4 and all(hasattr(p, "score") for p in scored)
    by_title = live.order_by("title").search(WORD, order_by_relevance=False)
    assert [p.title for p in by_title] == sorted(p.title for p in solar)
    assert live.search("kernenergie").count() == 0
