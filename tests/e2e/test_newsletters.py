"""Newsletters and the topic questionnaire in a real browser, every page checked by axe: a
coordinator writes, counts, saves and sends a newsletter; a municipality ranks topics through
the reply link of the demo's 2018 letter, with the keyboard only, and the topic map counts it."""

import re

import pytest
from playwright.sync_api import expect

from pioneers.demo.loader import COORDINATOR_EMAIL, DEMO_PASSWORD
from tests.e2e.test_join import log_in

pytestmark = pytest.mark.e2e


def test_coordinator_writes_counts_and_sends_a_newsletter(site, page, audit):
    problems = []
    log_in(page, site, COORDINATOR_EMAIL, DEMO_PASSWORD)
    page.goto(f"{site}/en/outreach/campaigns/")
    page.get_by_role("link", name="New newsletter").click()
    problems += audit("en", "the new newsletter form")
    page.get_by_label("Title", exact=True).fill("News on open data")
    page.get_by_label("Subject (Dutch)").fill("Nieuws voor {name}")
    page.get_by_label(re.compile(r"^newsletter \(Dutch\)", re.I)).fill("Beste {name},\n\nNieuws.")
    page.get_by_label("Subject (English)").fill("News for {name}")
    page.get_by_label(re.compile(r"^newsletter \(English\)", re.I)).fill("Dear {name},\n\nNews.")
    page.get_by_role("button", name="Count the recipients").click()
    expect(page.locator("main")).to_contain_text("recipient")
    problems += audit("en", "the new newsletter form with its count")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("News on open data")
    problems += audit("en", "the draft newsletter")
    page.get_by_role("button", name="Send the newsletter").click()
    expect(page.get_by_role("status").first).to_contain_text("The newsletter goes to")
    expect(page.locator("#campaign-progress")).to_contain_text(re.compile(r"(\d+) of \1 sent"))
    problems += audit("en", "the sent newsletter")
    assert not problems, "\n".join(problems)


def test_a_municipality_ranks_topics_with_the_keyboard_and_the_map_counts_it(
    site, page, audit, django_code
):
    with django_code():
        from pioneers.outreach.models import Recipient
        from pioneers.outreach.services import reply_token

        recipient = (
            Recipient.objects.filter(
                campaign__topic_questionnaire=True,
                responded_at__isnull=True,
                organisation__isnull=False,
            )
            .select_related("organisation")
            .order_by("organisation__name")
            .first()
        )
        token, name = reply_token(recipient.nonce), recipient.organisation.name
    problems = []
    page.goto(f"{site}/en/topics/map/")
    before = int(re.search(r"(\d+) municipalit", page.locator("main").inner_text()).group(1))
    page.goto(f"{site}/en/reply/{token}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Reply from {name}")
    problems += audit("en", "the reply form with the topic questionnaire")
    page.get_by_label("We are interested").check()
    first = page.get_by_label("1st choice")
    first.focus()
    page.keyboard.press("ArrowDown")  # the first topic, chosen with the keyboard
    chosen = first.locator("option:checked").inner_text()
    page.get_by_label("2nd choice").select_option(label=chosen)  # the same topic twice
    page.get_by_label("Topics you would like to add").fill("Open raadsvergaderingen online")
    page.get_by_role("button", name="Send the reply").click()
    expect(page.locator("main")).to_contain_text("already as your 1st choice")
    expect(page.get_by_label("Topics you would like to add")).to_have_value(
        "Open raadsvergaderingen online"
    )
    problems += audit("en", "the reply form with a topic chosen twice")
    page.get_by_label("2nd choice").select_option(index=0)
    page.get_by_role("button", name="Send the reply").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Thank you"))
    page.goto(f"{site}/en/topics/map/")
    expect(page.locator("main")).to_contain_text(f"{before + 1} municipalities")
    assert not problems, "\n".join(problems)
