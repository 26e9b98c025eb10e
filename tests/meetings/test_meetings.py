"""Meeting pages: lists with filters, one meeting, calendars, JSON-LD, the home page."""

import json
import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from pioneers.core.translations import translation_save
from pioneers.demo.meetings import quarter_after
from pioneers.meetings.models import Meeting, Programme
from pioneers.topics.models import Topic
from tests.factories import meeting_create


def _upcoming() -> Meeting:
    return Meeting.objects.filter(date__gte=timezone.localdate()).order_by("date").first()


def test_demo_has_the_seed_programme_and_an_upcoming_one(demo):
    seed = Programme.objects.get(slug="2018-2020")
    meetings = list(seed.meetings.order_by("number"))
    assert len(meetings) == 8
    assert meetings[0].date == date(2018, 10, 11) and meetings[-1].date == date(2020, 6, 18)
    assert len({m.host_id for m in meetings}) == 8
    assert len({m.guest_chair_id for m in meetings}) == 8
    residents_years = {m.date.year for m in meetings if m.format == "residents"}
    assert residents_years == {2019, 2020}
    assert all(m.registrations.filter(checked_in_at__isnull=False).exists() for m in meetings)
    upcoming = _upcoming()
    assert upcoming.date >= quarter_after(timezone.localdate())
    assert upcoming.registration_state() == "open"


def test_quarter_after():
    assert quarter_after(date(2026, 11, 27)) == date(2027, 1, 1)
    assert quarter_after(date(2026, 1, 1)) == date(2026, 4, 1)
    assert quarter_after(date(2026, 9, 30)) == date(2026, 10, 1)


def test_upcoming_and_past_lists(client, demo):
    upcoming = client.get("/nl/bijeenkomsten/").content.decode()
    assert _upcoming().title in upcoming
    assert "Pioniersconferentie 2019" not in upcoming
    past = client.get("/nl/bijeenkomsten/archief/").content.decode()
    assert "Pioniersconferentie 2019" in past
    assert past.index("Bewonersbijeenkomst: open en dichtbij") < past.index("Aftrap")


def test_lists_filter_by_topic_format_and_year(client, demo):
    html = client.get("/nl/bijeenkomsten/archief/", {"format": "lab"}).content.decode()
    assert "Lab: actief openbaar maken" in html and "Pioniersconferentie" not in html
    html = client.get("/nl/bijeenkomsten/archief/", {"year": "2020"}).content.decode()
    assert "Algoritmes en transparantie" in html and "Aftrap" not in html
    html = client.get("/nl/bijeenkomsten/archief/", {"topic": "participatie"}).content.decode()
    assert html.count("pioneers-meeting-card") == 2
    assert '<option value="participatie" selected>Participatie</option>' in html
    english = client.get("/en/meetings/past/", {"topic": "participatie"}).content.decode()
    assert english.count("pioneers-meeting-card") == 2
    assert '<option value="participatie" selected>Participation</option>' in english
    assert '<a class="utrecht-link" href="/en/topics/participatie/">Participation</a>' in english


def test_lists_answer_bad_filters_with_a_message(client, demo):
    response = client.get("/nl/bijeenkomsten/archief/", {"year": "abc", "format": "<x>"})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_list_answers_htmx_with_the_list_only(client, demo):
    response = client.get("/nl/bijeenkomsten/archief/?year=2019", headers={"HX-Request": "true"})
    assert "<html" not in response.content.decode()
    assert "Pioniersconferentie 2019" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    ["/nl/bijeenkomsten/", "/nl/bijeenkomsten/archief/", "/en/meetings/", "/en/meetings/past/"],
)
def test_lists_use_a_fixed_number_of_queries(demo, queries_of, url):
    before = queries_of(url)
    topics = list(Topic.objects.originals())
    for n in range(10):
        meeting = meeting_create(
            number=100 + n,
            title=f"Extra {n}",
            slug=f"extra-{n}",
            date=timezone.localdate() + timedelta(days=(n - 5) * 40),
            topic=topics[n % len(topics)],  # each shown by its name in the reader's language
        )
        if n % 2:  # English lists fetch the translations of all their meetings at once
            translation_save(meeting, language="en", title=f"Extra {n} in English")
    assert queries_of(url) == before


def test_meeting_page_shows_everything_a_visitor_needs(client, demo):
    meeting = Meeting.objects.get(slug="2019-lab-actief-openbaar-maken")
    html = client.get(meeting.get_absolute_url()).content.decode()
    for text in [
        "Lab: actief openbaar maken",
        "Bijeenkomst 2 van programma 2018–2020",
        "Utrecht",  # host
        "Groningen",  # guest chair
        "Open-overheidslab",
        "Plan je route",
        "Ontwerpsessie: het probleem verkennen",  # agenda
        "Inwoners vinden besluiten",  # the lab's case
        "Gehouden",
    ]:
        assert text.lower() in html.lower(), text
    assert 'type="text/calendar"' in html


def test_meeting_page_carries_schema_org_event(client, demo):
    meeting = _upcoming()
    html = client.get(meeting.get_absolute_url()).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "Event" and data["name"] == meeting.title
    assert data["startDate"].startswith(meeting.date.isoformat())
    assert data["location"]["address"]["addressLocality"] == meeting.city
    assert data["remainingAttendeeCapacity"] == meeting.capacity


def test_json_ld_cannot_close_its_script_element(client, demo):
    meeting = _upcoming()
    meeting.title = "</script><script>alert(1)</script>"
    meeting.save()
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html


def test_meeting_and_programme_calendars_parse(client, demo):
    meeting = _upcoming()
    response = client.get(f"/nl/bijeenkomsten/{meeting.slug}/agenda.ics")
    assert response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [meeting.title]
    assert events[0].decoded("dtstart") == meeting.starts_at
    feed = Calendar.from_ical(client.get("/nl/bijeenkomsten/agenda.ics").content)
    assert len(feed.walk("VEVENT")) == Meeting.objects.filter(live=True).count()
    seed = Calendar.from_ical(client.get("/nl/bijeenkomsten/programma/2018-2020.ics").content)
    assert len(seed.walk("VEVENT")) == 8


def test_unpublished_meeting_is_hidden_from_visitors_but_previewed_by_coordinators(
    client, demo, django_user_model
):
    meeting = _upcoming()
    meeting.live = False
    meeting.save()
    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert meeting.title not in client.get("/nl/bijeenkomsten/").content.decode()
    client.force_login(django_user_model.objects.get(email="coordinator@example.org"))
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "niet gepubliceerd" in html


def test_home_page_shows_the_next_meeting(client, demo):
    html = client.get("/nl/").content.decode()
    assert "Volgende bijeenkomst" in html and _upcoming().title in html


def test_meetings_menu_item_and_english_urls(client, demo):
    html = client.get("/en/meetings/past/").content.decode()
    assert 'href="/en/meetings/"' in html and "Past meetings" in html


def test_a_published_calendar_is_the_same_until_a_meeting_changes(client, demo, no_page_cache):
    url = "/nl/bijeenkomsten/agenda.ics"
    first = client.get(url).content
    calendar = Calendar.from_ical(first)
    assert calendar["refresh-interval"].to_ical() == b"PT12H"
    assert calendar.get("refresh-interval").params["VALUE"] == "DURATION"
    assert str(calendar["x-published-ttl"]) == "PT12H"
    meeting = _upcoming()
    event = next(
        e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith(f"meeting-{meeting.pk}@")
    )
    assert (
        event.decoded("dtstamp")
        == event.decoded("last-modified")
        == meeting.updated_at.replace(microsecond=0)
    )
    assert client.get(url).content == first
    meeting.title = "Een nieuwe titel"
    meeting.save()
    changed = Calendar.from_ical(client.get(url).content)
    renamed = next(e for e in changed.walk("VEVENT") if str(e["summary"]) == "Een nieuwe titel")
    assert renamed.decoded("last-modified") >= event.decoded("last-modified")
    assert renamed.decoded("dtstamp") == meeting.updated_at.replace(microsecond=0)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_meeting_list_offers_subscriptions_to_every_calendar(client, demo, language, settings):
    host = settings.BASE_URL.split("://")[1].rstrip("/")
    url = "/nl/bijeenkomsten/" if language == "nl" else "/en/meetings/"
    html = client.get(url).content.decode()
    calendar = "/nl/bijeenkomsten/agenda.ics" if language == "nl" else "/en/meetings/calendar.ics"
    assert f'href="webcal://{host}{calendar}"' in html
    assert f'href="{calendar}" type="text/calendar"' in html
    programme = "programma/2018-2020.ics" if language == "nl" else "programme/2018-2020.ics"
    assert f'href="webcal://{host}{url}{programme}"' in html
    assert client.get(f"{url}{programme}").status_code == 200
