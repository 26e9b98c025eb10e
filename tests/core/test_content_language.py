"""Content shown in another language than the page's says which (WCAG 3.1.2, language of parts):
meetings are written in Dutch, so on /en/ pages their titles and agendas carry lang="nl"."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

pytestmark = pytest.mark.django_db

MEETING = "2027-1-woo-verzoeken"


def main_of(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser").find("main")


def test_dutch_meeting_on_an_english_page_is_marked_dutch(client, demo):
    from pioneers.meetings.models import Meeting

    meeting = Meeting.objects.get(slug=MEETING)
    main = main_of(client, f"/en/meetings/{MEETING}/")
    title = main.find("h1").find("span", lang="nl")
    assert title is not None and title.get_text() == meeting.title
    agenda = [cell.find("span", lang="nl") for cell in main.select("tbody th")]
    assert agenda and all(agenda)
    assert agenda[0].get_text() == meeting.agenda_items.first().title


def test_meeting_list_and_home_page_mark_dutch_titles_on_english_pages(client, demo):
    titles = main_of(client, "/en/meetings/").select("h2 a span[lang=nl]")
    assert titles
    assert main_of(client, "/en/").select(f'a[href$="/{MEETING}/"] span[lang=nl]')


def test_dutch_pages_do_not_mark_dutch_content(client, demo):
    assert not main_of(client, f"/nl/bijeenkomsten/{MEETING}/").select("span[lang]")
    assert not main_of(client, "/nl/bijeenkomsten/").select("span[lang]")


def test_search_results_carry_the_language_of_what_was_found(client, demo):
    main = main_of(client, "/en/search/?q=woo")
    results = main.select(".pioneers-meeting-card h3 a")
    assert results
    assert all(a.find("span", lang=True) for a in results if "/knowledge-base/" in a["href"])
    assert any(a.find("span", lang="nl") for a in results)


def test_in_language_escapes_and_only_marks_another_language():
    from pioneers.core.templatetags.pioneers import in_language

    with translation.override("en"):
        assert in_language("<b>Raad</b>") == '<span lang="nl">&lt;b&gt;Raad&lt;/b&gt;</span>'
        assert in_language("Council", "en") == "Council"
        assert in_language("") == ""
    with translation.override("nl"):
        assert in_language("Raad") == "Raad"
        assert in_language("Council", "en") == '<span lang="en">Council</span>'
