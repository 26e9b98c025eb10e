"""The knowledge base in a real browser: a Dutch search finds stemmed matches from the header of
any page, facets narrow the list, and a pioneer sharing a practice sees similar ones appear."""

import pytest
from playwright.sync_api import expect

from pioneers.demo.loader import DEMO_PASSWORD, MEMBER_EMAIL
from tests.e2e.test_join import log_in

pytestmark = pytest.mark.e2e


def test_dutch_search_finds_stemmed_matches(site, page, audit):
    problems = []
    page.goto(f"{site}/nl/bijeenkomsten/")
    search = page.get_by_role("search", name="Zoeken op de site")
    search.get_by_label("Zoekwoorden").fill("gemeenten inwoners")
    search.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zoeken")
    expect(page.get_by_role("heading", name="Praktijken", exact=False)).to_be_visible()
    # "gemeenten" finds and marks "gemeente", and the other way round.
    marks = page.locator("main mark").all_inner_texts()
    assert {"gemeente", "gemeenten"} <= {mark.lower() for mark in marks}, marks
    problems += audit("nl")

    page.goto(f"{site}/nl/kennisbank/")
    problems += audit("nl")
    form = page.get_by_role("search", name="Zoeken in de kennisbank")
    form.get_by_label("Zoekwoorden").fill("burgerberaden")
    form.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("status").first).to_contain_text("1 praktijk gevonden")
    expect(page.locator("main mark").first).to_have_text("burgerberaad", ignore_case=True)
    problems += audit("nl")

    # Facets narrow the list and say how many each choice leaves.
    page.goto(f"{site}/nl/kennisbank/")
    form = page.get_by_role("search", name="Zoeken in de kennisbank")
    option = form.get_by_label("Onderwerp").locator("option", has_text="Algoritmes")
    label = option.inner_text()
    count = int(label.rsplit("(", 1)[1].rstrip(")"))
    form.get_by_label("Onderwerp").select_option(label=label)
    form.get_by_role("button", name="Zoeken").click()
    expect(page.locator("main .pioneers-meeting-card")).to_have_count(min(count, 20))
    page.locator("main .pioneers-meeting-card a").first.click()
    expect(page.get_by_role("heading", name="Het probleem")).to_be_visible()
    expect(page.get_by_role("heading", name="Wij willen dit ook proberen")).to_be_visible()
    problems += audit("nl")
    assert not problems, "\n".join(problems)


def test_sharing_a_practice_shows_similar_ones_while_typing(site, page, audit):
    problems = []
    log_in(page, site, MEMBER_EMAIL, DEMO_PASSWORD)
    page.goto(f"{site}/nl/kennisbank/")
    page.get_by_role("link", name="Deel een praktijk van je gemeente").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Een praktijk delen")
    problems += audit("nl")
    page.get_by_label("Naam van de praktijk").fill("Ons eigen algoritmeregister")
    similar = page.locator("#similar-practices")
    expect(similar).to_contain_text("lijken op de jouwe")
    assert similar.locator(".pioneers-meeting-card").count() >= 3
    problems += audit("nl")
    page.get_by_label("Samenvatting").fill("We publiceren welke algoritmes we gebruiken.")
    page.get_by_label("Probleem").fill("Inwoners weten niet welke algoritmes over hen beslissen.")
    page.get_by_label("Wat je gemeente deed").fill("Een register op de website.")
    page.get_by_label("Status").select_option("pilot")
    page.get_by_role("button", name="Ter beoordeling versturen").click()
    expect(page.get_by_role("status").first).to_contain_text(
        "De coördinatoren bekijken je praktijk"
    )
    problems += audit("nl")
    assert not problems, "\n".join(problems)
