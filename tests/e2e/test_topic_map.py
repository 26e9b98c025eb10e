"""Topic mapping in a real browser: the demo member votes on a topic with the + and − buttons
(HTMX), the topic map changes, and a proposal with a duplicate title is refused; axe finds
nothing in Dutch or English."""

import re

import pytest
from playwright.sync_api import expect

from pioneers.demo.loader import DEMO_PASSWORD, MEMBER_EMAIL
from tests.e2e.test_join import log_in

pytestmark = pytest.mark.e2e


def _votes_on_map(page, site, language, name) -> int:
    path = "/nl/onderwerpen/kaart/" if language == "nl" else "/en/topics/map/"
    page.goto(site + path)
    row = page.locator("#map-ranking ~ * table tr, section[aria-labelledby=map-ranking] tr").filter(
        has=page.get_by_role("link", name=name, exact=True)
    )
    return int(row.first.locator("td").nth(1).inner_text())


def test_a_member_votes_and_the_map_changes(site, page, audit):
    problems = []
    before = _votes_on_map(page, site, "nl", "Open raadsinformatie")
    problems += audit("nl")

    log_in(page, site, MEMBER_EMAIL, DEMO_PASSWORD)
    page.goto(f"{site}/nl/onderwerpen/open-raadsinformatie/")
    ballot = page.locator("#ballot")
    expect(ballot).to_contain_text("4 van 10 stemmen over")
    problems += audit("nl")
    more = ballot.get_by_role("button", name=re.compile("Eén stem meer"))
    more.click()
    expect(ballot).to_contain_text("3 van 10 stemmen over")
    ballot.get_by_role("button", name=re.compile("Eén stem meer")).click()
    expect(ballot).to_contain_text("2 van 10 stemmen over")
    expect(ballot.get_by_role("status")).to_contain_text("zijn opgeslagen")
    problems += audit("nl")
    ballot.get_by_role("button", name=re.compile("Eén stem minder")).click()
    expect(ballot).to_contain_text("3 van 10 stemmen over")

    assert _votes_on_map(page, site, "nl", "Open raadsinformatie") == before + 1
    problems += audit("nl")

    # The English map and page say the same.
    assert _votes_on_map(page, site, "en", "Open council information") == before + 1
    problems += audit("en")
    page.goto(f"{site}/en/topics/open-raadsinformatie/")
    expect(page.locator("#ballot")).to_contain_text("3 of 10 votes left")
    problems += audit("en")

    # A duplicate proposal is refused with a message; nothing typed is lost.
    page.goto(f"{site}/en/topics/propose/")
    page.get_by_label("Title of the topic").fill("open data")
    page.get_by_label("Description").fill("Our own text")
    page.get_by_role("button", name="Propose the topic").click()
    expect(page.locator("main")).to_contain_text("There is a topic “Open data” already")
    expect(page.get_by_label("Description")).to_have_value("Our own text")
    problems += audit("en")
    assert not problems, "\n".join(problems)
