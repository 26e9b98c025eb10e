"""Markup that validators and assistive technology read: tables, HTMX, dates, landmarks."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from pioneers.demo.loader import COORDINATOR_EMAIL

pytestmark = pytest.mark.django_db

KICK_OFF = "/nl/bijeenkomsten/2018-aftrap-wat-maakt-een-gemeente-open/"
NEXT_MEETING = "/nl/bijeenkomsten/2027-1-woo-verzoeken/"
# YYYY-MM-DD, optionally with a time to the minute or second and an offset: what <time> accepts.
MACHINE_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?")


def soup_of(client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def coordinator_client(client, demo):
    from pioneers.core.models import User

    client.force_login(User.objects.get(email=COORDINATOR_EMAIL))
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/nl/leden/",
        NEXT_MEETING,
        "/en/meetings/2027-1-woo-verzoeken/",
        KICK_OFF + "gasten/",
        "/nl/bijeenkomsten/aanwezigheid/",
        "/nl/pioniers/",
        "/nl/verslagen/2018-aftrap-wat-maakt-een-gemeente-open/",
    ],
)
def test_tables_scroll_in_a_named_region_the_keyboard_reaches(coordinator_client, url):
    """On a narrow screen a table scrolls sideways in its own region instead of breaking words."""
    soup = soup_of(coordinator_client, url)
    tables = soup.find_all("table")
    assert tables, f"{url} shows no table"
    for table in tables:
        region = table.parent
        assert "pioneers-table-scroll" in region.get("class", []), url
        assert region.get("tabindex") == "0" and region.get("role") == "region"
        label = region.get("aria-label") or soup.find(id=region.get("aria-labelledby"))
        assert label, f"{url}: a table's scrolling region has no name"


def test_tables_keep_their_words_whole_in_the_stylesheet():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("core/pioneers.css")).read_text()
    rule = "".join(re.findall(r"\.pioneers-table \{([^}]*)\}", css))
    assert "word-break: normal" in rule and "overflow-wrap: normal" in rule
    assert "break-all" not in css
    scroll = re.search(r"\.pioneers-table-scroll \{([^}]*)\}", css).group(1)
    assert "overflow-x: auto" in scroll


@pytest.mark.parametrize("url", ["/nl/leden/", "/nl/bijeenkomsten/", "/nl/zoeken/?q=woo"])
def test_htmx_attributes_carry_the_data_prefix(coordinator_client, url):
    html = coordinator_client.get(url).content.decode()
    assert "data-hx-" in html or url.startswith("/nl/zoeken/")
    assert not re.search(r"\shx-[a-z-]+=", html), "hx-* is not valid HTML; use data-hx-*"


@pytest.mark.parametrize("url", ["/nl/over/", NEXT_MEETING, "/nl/leden/", "/nl/verslagen/"])
def test_time_elements_have_valid_datetimes_without_microseconds(client, demo, url):
    times = soup_of(client, url).find_all("time", datetime=True)
    assert times, f"{url} shows no date"
    for time in times:
        assert MACHINE_DATE.fullmatch(time["datetime"]), time["datetime"]


def test_machine_datetime_drops_microseconds_and_keeps_the_offset(settings):
    from datetime import UTC, date, datetime

    from pioneers.core.templatetags.pioneers import machine_datetime

    settings.TIME_ZONE = "Europe/Amsterdam"
    moment = datetime(2027, 2, 16, 12, 30, 5, 123456, tzinfo=UTC)
    assert machine_datetime(moment) == "2027-02-16T13:30:05+01:00"
    assert machine_datetime(date(2027, 2, 16)) == "2027-02-16"
    assert machine_datetime(None) == ""


@pytest.mark.parametrize("url", ["/nl/zoeken/?q=woo", "/en/search/?q=woo", "/nl/kennisbank/"])
def test_search_landmarks_have_distinct_names(client, demo, url):
    forms = soup_of(client, url).find_all(attrs={"role": "search"})
    names = [form.get("aria-label") for form in forms]
    assert len(names) >= 2 and all(names)
    assert len(set(names)) == len(names), names


def test_footer_links_are_at_least_24_pixels_tall_in_the_stylesheet():
    from django.contrib.staticfiles import finders

    css = Path(finders.find("core/pioneers.css")).read_text()
    rule = re.search(r"\.pioneers-footer \.pioneers-footer__link \{([^}]*)\}", css).group(1)
    assert "min-block-size: 24px" in rule and "inline-flex" in rule
