"""Caches invalidated by what changed, and the live places-left figures on cached pages."""

import json
import re

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.test import Client
from django.utils import timezone, translation

from pioneers.core import live
from pioneers.core.cache import cached, tags_changed, version_key
from pioneers.meetings import services
from pioneers.meetings.models import AgendaItem, Meeting
from pioneers.network.models import Membership, Organisation
from pioneers.publications.models import ContentPage, HomePage


@pytest.fixture
def reader():
    """An anonymous visitor: no cookies, so every page may come from the page cache."""
    return Client()


@pytest.fixture
def meetings(demo):
    """The next two published meetings, open to everyone; the first has three places."""
    upcoming = Meeting.objects.filter(live=True, date__gte=timezone.localdate())
    first, second = upcoming.order_by("date", "start_time")[:2]
    first.audience = Meeting.Audience.PUBLIC
    first.capacity = 3
    first.save()
    return first, second


def _url(meeting) -> str:
    return f"/nl/bijeenkomsten/{meeting.slug}/"


def _warm(reader, *urls):
    for url in urls:
        reader.get(url)
        assert reader.get(url)["X-Cache"] == "hit", url


def _register(meeting, email, capture):
    with capture(execute=True):
        outcome = services.registration_create(meeting=meeting, name="Rita", email=email)
        services.registration_confirm(registration=outcome.registration)
    return outcome.registration


def _json_ld(html: str) -> dict:
    return json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.DOTALL).group(1))


def test_a_registration_keeps_pages_cached_and_their_places_left_current(
    reader, meetings, django_capture_on_commit_callbacks
):
    meeting, other = meetings
    urls = [_url(meeting), _url(other), "/nl/over/", "/nl/bijeenkomsten/", "/nl/"]
    _warm(reader, *urls)
    assert "3 van 3 vrij" in reader.get(_url(meeting)).content.decode()

    _register(meeting, "rita@example.org", django_capture_on_commit_callbacks)

    for url in urls:
        assert reader.get(url)["X-Cache"] == "hit", url
    page = reader.get(_url(meeting)).content.decode()
    assert "2 van 3 vrij" in page
    assert _json_ld(page)["remainingAttendeeCapacity"] == 2
    assert "<!--live:" not in page
    listing = reader.get("/nl/bijeenkomsten/").content.decode()
    assert "nog 2 plekken vrij" in listing and "<!--live:" not in listing


def test_publishing_and_unpublishing_a_meeting_empty_the_pages_that_show_it(
    reader, meetings, django_capture_on_commit_callbacks
):
    meeting, _other = meetings
    urls = [_url(meeting), "/nl/bijeenkomsten/", "/nl/"]
    _warm(reader, *urls)
    draft = Meeting.objects.get(pk=meeting.pk)
    draft.title = "Een nieuwe titel"
    with django_capture_on_commit_callbacks(execute=True):
        revision = draft.save_revision()
    for url in urls:  # a draft changes no page
        assert "Een nieuwe titel" not in reader.get(url).content.decode(), url
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
    for url in urls:
        assert "Een nieuwe titel" in reader.get(url).content.decode(), url
    with django_capture_on_commit_callbacks(execute=True):
        Meeting.objects.get(pk=meeting.pk).unpublish()
    assert reader.get(_url(meeting)).status_code == 404
    assert "Een nieuwe titel" not in reader.get("/nl/bijeenkomsten/").content.decode()


def test_a_full_meeting_says_so_on_its_cached_page(
    reader, meetings, django_capture_on_commit_callbacks
):
    meeting, _other = meetings
    _warm(reader, _url(meeting))
    assert "De bijeenkomst is vol" not in reader.get(_url(meeting)).content.decode()
    for n in range(3):
        _register(meeting, f"guest{n}@example.org", django_capture_on_commit_callbacks)
    response = reader.get(_url(meeting))
    assert response["X-Cache"] == "hit"
    html = response.content.decode()
    assert "0 van 3 vrij" in html and "De bijeenkomst is vol" in html
    assert _json_ld(html)["remainingAttendeeCapacity"] == 0
    assert "nog 0 plekken vrij" in reader.get("/nl/bijeenkomsten/").content.decode()


def test_live_figures_are_in_the_language_of_the_cached_page(
    reader, meetings, django_capture_on_commit_callbacks
):
    meeting, _other = meetings
    english = f"/en/meetings/{meeting.slug}/"
    _warm(reader, english, _url(meeting))
    _register(meeting, "rita@example.org", django_capture_on_commit_callbacks)
    response = reader.get(english)
    assert response["X-Cache"] == "hit"
    assert "2 of 3 left" in response.content.decode()
    assert int(response["Content-Length"]) == len(response.content)


def test_a_head_request_from_the_cache_has_the_length_of_the_page(reader, meetings):
    meeting, _other = meetings
    _warm(reader, _url(meeting))
    page = reader.get(_url(meeting))
    head = reader.head(_url(meeting))
    assert head["X-Cache"] == "hit" and head.content == b""
    assert head["Content-Length"] == page["Content-Length"] == str(len(page.content))


def test_live_figures_read_as_the_templates_wrote_them(meetings):
    """Markup and text of the figures are those the templates rendered before they were live."""
    meeting, _other = meetings
    meeting.capacity = 1
    meeting.save()
    before = Template(
        "{% load i18n %}"
        "{% blocktranslate count counter=left %}{{ counter }} place left{% plural %}"
        "{{ counter }} places left{% endblocktranslate %}|"
        "{% blocktranslate with capacity=capacity left=left %}{{ left }} of {{ capacity }} left"
        "{% endblocktranslate %}|"
        '{% if left == 0 %}<p class="utrecht-paragraph">{% translate "The meeting is full. '
        "Register to join the waiting list; when a place comes free, the first on the list "
        'gets it and an email." %}</p>{% endif %}'
    )
    forms = ("count", "of", "full")
    markers = "|".join(live.marker("places_left", f"{meeting.pk}.{form}") for form in forms)
    for left in (1, 0):
        if left == 0:
            services.registration_confirm(
                registration=services.registration_create(
                    meeting=meeting, name="Rita", email="rita@example.org"
                ).registration
            )
        for language in ("nl", "en"):
            with translation.override(language):
                expected = before.render(Context({"left": left, "capacity": 1}))
            assert live.fill(markers.encode(), language).decode() == expected


def test_live_fragments_cost_one_query_however_many_meetings(
    reader, demo, django_assert_num_queries
):
    pks = Meeting.objects.values_list("pk", flat=True)[:5]
    content = "".join(f"{live.marker('places_left', f'{pk}.count')}" for pk in pks).encode()
    with django_assert_num_queries(1):
        filled = live.fill(content, "nl")
    assert b"<!--" not in filled and b"vrij" in filled


def test_an_unknown_marker_leaves_nothing_behind(demo):
    content = (
        b"a<!--live:places_left:999999.of-->b<!--live:nothing:1-->c<!--live:places_left:x.y-->"
    )
    assert live.fill(content, "nl") == b"abc"


def test_text_that_looks_like_a_marker_is_escaped_and_stays_text(reader, meetings):
    meeting, _other = meetings
    meeting.description = f"<!--live:places_left:{meeting.pk}.of-->"
    meeting.save()
    html = reader.get(_url(meeting)).content.decode()
    assert f"&lt;!--live:places_left:{meeting.pk}.of--&gt;" in html
    assert _json_ld(html)["description"] == meeting.description


def test_publishing_a_page_empties_the_pages_that_show_the_menu(
    reader, demo, django_capture_on_commit_callbacks
):
    urls = ["/nl/over/", "/nl/", "/nl/bijeenkomsten/", "/nl/leden/"]
    _warm(reader, *urls)
    home = HomePage.objects.get(locale__language_code="nl")
    page = ContentPage(title="Nieuw in het menu", slug="nieuw", body="<p>Nieuw.</p>")
    page.show_in_menus = True
    with django_capture_on_commit_callbacks(execute=True):
        home.add_child(instance=page)
        page.save_revision().publish()
    for url in urls:
        response = reader.get(url)
        assert response["X-Cache"] == "miss", url
        assert "Nieuw in het menu" in response.content.decode(), url


def test_a_membership_change_updates_the_map_and_leaves_other_pages_cached(
    reader, demo, django_capture_on_commit_callbacks
):
    municipality = (
        Organisation.objects.filter(kind="municipality", is_approved=True)
        .exclude(cbs_code="")
        .exclude(memberships__status="member")
        .order_by("name")
        .first()
    )
    member_area = re.compile(
        rf'href="/nl/organisaties/{municipality.slug}/" tabindex="-1" '
        r'class="pioneers-map__area pioneers-map__area--member"'
    )
    _warm(reader, "/nl/leden/", "/nl/over/")
    assert not member_area.search(reader.get("/nl/leden/").content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        Membership.objects.create(
            organisation=municipality, status="member", member_since=timezone.localdate()
        )
    response = reader.get("/nl/leden/")
    assert response["X-Cache"] == "miss"
    assert member_area.search(response.content.decode())
    assert reader.get("/nl/over/")["X-Cache"] == "hit"


def test_a_meeting_edit_updates_its_page_and_the_list_not_other_meetings(
    reader, meetings, django_capture_on_commit_callbacks
):
    meeting, other = meetings
    _warm(reader, _url(meeting), _url(other), "/nl/bijeenkomsten/", "/nl/over/")
    meeting.title = "Een nieuwe titel"
    with django_capture_on_commit_callbacks(execute=True):
        meeting.save()
    for url in (_url(meeting), "/nl/bijeenkomsten/"):
        response = reader.get(url)
        assert response["X-Cache"] == "miss", url
        assert "Een nieuwe titel" in response.content.decode(), url
    assert reader.get(_url(other))["X-Cache"] == "hit"
    assert reader.get("/nl/over/")["X-Cache"] == "hit"


def test_an_agenda_item_updates_its_meeting_page(
    reader, meetings, django_capture_on_commit_callbacks
):
    meeting, _other = meetings
    _warm(reader, _url(meeting))
    with django_capture_on_commit_callbacks(execute=True):
        AgendaItem.objects.create(meeting=meeting, start_time="14:00", title="Een nieuw onderdeel")
    response = reader.get(_url(meeting))
    assert response["X-Cache"] == "miss"
    assert "Een nieuw onderdeel" in response.content.decode()


def test_changes_wait_for_the_commit(reader, meetings, django_capture_on_commit_callbacks):
    meeting, _other = meetings
    _warm(reader, _url(meeting))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        meeting.title = "Nog niet vastgelegd"
        meeting.save()
        assert reader.get(_url(meeting))["X-Cache"] == "hit"
    assert callbacks


def test_a_lost_version_never_brings_back_old_entries(demo):
    values = iter(["first", "second", "third"])
    assert cached("test:fragment", lambda: next(values), tags=["meetings"]) == "first"
    tags_changed("meetings")
    assert cached("test:fragment", lambda: next(values), tags=["meetings"]) == "second"
    cache.delete(version_key("meetings"))  # evicted: a new version is seeded from the clock
    assert cached("test:fragment", lambda: next(values), tags=["meetings"]) == "third"


def test_fragments_keep_their_value_when_other_tags_change(demo):
    values = iter(["first", "second"])
    assert cached("test:fragment", lambda: next(values), tags=["network"]) == "first"
    tags_changed("meetings", "site", "meeting:1")
    assert cached("test:fragment", lambda: next(values), tags=["network"]) == "first"
    tags_changed("network")
    assert cached("test:fragment", lambda: next(values), tags=["network"]) == "second"


def test_unregistered_models_change_nothing(reader, demo, django_capture_on_commit_callbacks):
    from pioneers.network.models import ContactLog

    _warm(reader, "/nl/over/", "/nl/leden/")
    with django_capture_on_commit_callbacks(execute=True):
        ContactLog.objects.create(
            organisation=Organisation.objects.first(),
            date=timezone.localdate(),
            kind="call",
            summary="Gebeld.",
        )
    assert reader.get("/nl/over/")["X-Cache"] == "hit"
    assert reader.get("/nl/leden/")["X-Cache"] == "hit"


@pytest.mark.django_db
def test_any_address_a_visitor_types_makes_a_valid_cache_key(client, demo):
    # Warnings are errors here: a key longer than 250 characters, or with spaces, would warn.
    for path in ("/nl/onderwerpen/" + "a" * 2000 + "/", "/nl/onderwerpen/a%20b%C2%B2/"):
        assert client.get(path).status_code == 404
    page = client.get("/nl/bijeenkomsten/")
    assert page.status_code == 200 and client.get("/nl/bijeenkomsten/").status_code == 200
