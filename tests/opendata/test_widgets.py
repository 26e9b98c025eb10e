"""The partner widgets: frameable pages, fragments for the loader script, the overview page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pioneers.core.translations import translation_save
from pioneers.meetings.models import Meeting
from pioneers.reports.models import ReportPage
from pioneers.topics.models import Topic
from tests.factories import meeting_create

FRAMES = {
    "nl": ("/nl/widgets/bijeenkomsten/", "/nl/widgets/verslagen/"),
    "en": ("/en/widgets/meetings/", "/en/widgets/reports/"),
}
FRAGMENTS = ("/nl/widgets/bijeenkomsten.html", "/en/widgets/reports.html")


def _items(html: str) -> int:
    return html.count('class="pioneers-widget__item"')


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_widget_pages_may_be_framed_by_any_site_and_nothing_else(client, demo, language):
    for url in FRAMES[language]:
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Frame-Options" not in response
        assert "frame-ancestors *" in response["Content-Security-Policy"]
        html = response.content.decode()
        assert f'<html lang="{language}">' in html and html.count("<h1") == 1
        assert _items(html) == 3
    for url in (f"/{language}/", f"/{language}/widgets/", FRAGMENTS[0]):
        response = client.get(url)
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def test_a_fragment_is_html_without_a_page_for_any_origin(client, demo):
    response = client.get(FRAGMENTS[0], HTTP_ORIGIN="https://partner.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    html = response.content.decode()
    assert "<html" not in html and "<h2" in html and "<h1" not in html
    # Links leave the partner's site for ours: absolute, on the configured address.
    assert 'href="http://127.0.0.1:8000/nl/bijeenkomsten/' in html
    assert "target=" not in html


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("?n=1", 1),
        ("?n=5", 5),
        ("?n=0", 3),
        ("?n=abc", 3),
        ("?n=99999999999999999999", 3),
        ("?n=²", 3),
    ],
)
def test_the_number_of_items_is_chosen_within_limits(client, demo, query, count):
    response = client.get(f"/nl/widgets/verslagen/{query}")
    assert response.status_code == 200
    assert _items(response.content.decode()) == min(count, ReportPage.objects.live().count())


def test_untranslated_dutch_titles_are_marked_on_english_widgets(client, demo):
    meeting_create(number=398, title="Morgen", slug="morgen", date=timezone.localdate())
    html = client.get("/en/widgets/meetings/?n=1").content.decode()
    assert '<span lang="nl">Morgen</span>' in html


def test_unpublished_meetings_stay_out(client, demo, no_page_cache):
    first = Meeting.objects.filter(live=True, date__gte=timezone.localdate()).order_by("date")[0]
    assert first.title in client.get("/nl/widgets/bijeenkomsten/").content.decode()
    first.live = False
    first.save()
    assert first.title not in client.get("/nl/widgets/bijeenkomsten/").content.decode()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_overview_gives_a_line_to_copy_for_each_widget(client, demo, language):
    html = client.get(f"/{language}/widgets/").content.decode()
    for url in FRAMES[language]:
        assert f"&lt;iframe src=&quot;http://127.0.0.1:8000{url}&quot;" in html
        # The preview is on the address the reader came by (the CSP frames only 'self').
        assert f'<iframe class="pioneers-widget-preview" src="{url}"' in html
    assert "data-widget=&quot;http://127.0.0.1:8000/" in html
    assert "/static/opendata/widget.js" in html


@pytest.mark.parametrize("url", [FRAMES["nl"][0], FRAMES["en"][1], *FRAGMENTS])
def test_a_widget_makes_a_fixed_number_of_queries(demo, queries_of, url):
    base = queries_of(f"{url}?n=10")
    topic = Topic.objects.originals().first()  # as the demo's meetings have one
    for i in range(12):
        meeting = meeting_create(
            number=400 + i,
            title=f"Widget {i}",
            slug=f"widget-{i}",
            date=timezone.localdate() + timedelta(days=1 + i),
            topic=topic,
        )
        if i % 2:
            translation_save(meeting, language="en", title=f"Widget en {i}")
    assert queries_of(f"{url}?n=10") == base
