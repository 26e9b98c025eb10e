"""The Atom feeds of meetings, reports, the knowledge base and the magazine: read by a feed
reader's own parser, with whole texts, the licence, and a fixed number of queries."""

import feedparser
import pytest

from pioneers.core.models import NetworkSettings
from pioneers.core.translations import translation_save
from pioneers.meetings.models import Meeting
from pioneers.practices.models import PracticePage
from pioneers.reports.models import ReportPage
from tests.publications.test_home import _grow

FEEDS = {
    "meetings": ("/nl/bijeenkomsten/bijeenkomsten.atom", "/en/meetings/meetings.atom"),
    "reports": ("/nl/verslagen/verslagen.atom", "/en/reports/reports.atom"),
    "practices": ("/nl/kennisbank/praktijken.atom", "/en/knowledge-base/practices.atom"),
    "magazine": ("/nl/magazine/artikelen.atom", "/en/magazine/articles.atom"),
}
ALL = [url for pair in FEEDS.values() for url in pair]


def _parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


@pytest.mark.parametrize("url", ALL)
def test_every_feed_parses_with_whole_texts_and_the_licence(client, demo, url, settings):
    # Every address on the configured one, not on the host asked (nor the Wagtail site's).
    settings.BASE_URL = "https://pioneers.example.org"
    feed = _parse(client, url)
    assert feed.feed.link.startswith("https://pioneers.example.org/")
    selves = [link.href for link in feed.feed.links if link.rel == "self"]
    assert selves == [f"https://pioneers.example.org{url}"]
    assert feed.entries
    assert feed.feed.rights == "CC BY 4.0: https://creativecommons.org/licenses/by/4.0/"
    licence = [link for link in feed.feed.links if link.rel == "license"]
    assert [link.href for link in licence] == ["https://creativecommons.org/licenses/by/4.0/"]
    ids = [entry.id for entry in feed.entries]
    assert len(set(ids)) == len(ids)
    for entry in feed.entries:
        assert entry.title and entry.link.startswith("https://pioneers.example.org/")
        assert entry.updated_parsed
        # The whole text, not just the summary: longer than it and with the summary in it.
        content = entry.content[0].value
        assert len(content) > len(entry.get("summary", ""))


def test_the_licence_follows_the_network_settings(client, demo, django_capture_on_commit_callbacks):
    _parse(client, FEEDS["reports"][0])  # in the page cache now
    settings = NetworkSettings.load()
    settings.text_licence = "cc-by-sa-4.0"
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()
    feed = _parse(client, FEEDS["reports"][0])
    assert feed.feed.rights.startswith("CC BY-SA 4.0")


def test_a_report_entry_has_every_section(client, demo, settings):
    report = ReportPage.objects.live().exclude(insights="").exclude(lessons="").first()
    feed = _parse(client, FEEDS["reports"][1])
    entry = next(e for e in feed.entries if e.title == report.title)
    content = entry.content[0].value
    assert "<h2>Insights</h2>" in content and "<h2>Lessons</h2>" in content
    assert entry.link == f"{settings.BASE_URL.rstrip('/')}{report.url}"


def test_a_meeting_entry_is_in_the_readers_language_with_when_and_where(client, demo, settings):
    meeting = Meeting.objects.filter(live=True).order_by("-date").first()
    translation_save(meeting, language="en", title="A translated title")
    feed = _parse(client, FEEDS["meetings"][1])
    entry = next(e for e in feed.entries if e.title == "A translated title")
    content = entry.content[0].value
    assert "<dt>When</dt>" in content and meeting.city in content
    assert entry.link == f"{settings.BASE_URL.rstrip('/')}/en/meetings/{meeting.slug}/"
    dutch = _parse(client, FEEDS["meetings"][0])
    assert meeting.title in [e.title for e in dutch.entries]


def test_unpublished_items_stay_out_of_the_feeds(client, demo):
    meeting = Meeting.objects.filter(live=True).first()
    meeting.live = False
    meeting.save()
    practice = PracticePage.objects.live().filter(locale__language_code="nl").first()
    practice.unpublish()
    assert meeting.title not in [e.title for e in _parse(client, FEEDS["meetings"][0]).entries]
    assert practice.title not in [e.title for e in _parse(client, FEEDS["practices"][0]).entries]


def test_the_feeds_are_announced_where_they_belong(client, demo):
    pages = {
        "/nl/bijeenkomsten/": FEEDS["meetings"][0],
        "/en/reports/": FEEDS["reports"][1],
        "/nl/kennisbank/": FEEDS["practices"][0],
        ReportPage.objects.live().first().url: FEEDS["reports"][0],
    }
    for page, feed in pages.items():
        html = client.get(page).content.decode()
        assert '<link rel="alternate" type="application/atom+xml"' in html
        assert f'href="{feed}"' in html, page


@pytest.mark.parametrize(
    "url", [url for key in ("meetings", "reports", "practices") for url in FEEDS[key]]
)
def test_a_feed_makes_a_fixed_number_of_queries(demo, queries_of, url):
    base = queries_of(url)
    _grow(6)
    assert queries_of(url) == base
