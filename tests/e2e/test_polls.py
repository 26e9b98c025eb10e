"""A live poll in a real browser: the coordinator makes and opens a poll and shows it on the
projector; an attendee on a phone (390 px wide) follows the short link and answers; the
projector's results follow within seconds; axe finds nothing on either page."""

import re

import pytest
from playwright.sync_api import expect

from pioneers.demo.loader import COORDINATOR_EMAIL, DEMO_PASSWORD
from tests.e2e.conftest import describe_violations
from tests.e2e.test_join import log_in

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}


def test_attendee_answers_a_live_poll_on_a_phone(
    site, page, audit, axe, context, _chromium, django_code
):
    with django_code():
        from django.utils import timezone

        from pioneers.meetings.models import Meeting

        meeting = Meeting.objects.filter(date__gte=timezone.localdate()).order_by("date").first()
        meeting_path = meeting.get_absolute_url()
    problems = []

    # The coordinator, on the laptop that drives the projector.
    laptop = _chromium.browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    laptop.set_default_timeout(10_000)
    screen = laptop.new_page()
    log_in(screen, site, COORDINATOR_EMAIL, DEMO_PASSWORD)
    screen.goto(site + meeting_path)
    screen.get_by_role("link", name="Live peilingen").click()
    expect(screen.get_by_role("heading", level=1)).to_have_text("Live peilingen")
    problems += describe_violations(screen.url, axe(screen))
    screen.locator("input[name=kind][value=single]").check()
    screen.locator("#id_text").fill("Publiceert je gemeente Woo-verzoeken actief?")
    screen.locator("#id_text_en").fill("Does your municipality publish Woo requests actively?")
    screen.locator("#id_choices").fill("Ja | Yes\nNee | No\nDeels | Partly")
    screen.get_by_role("button", name="Peiling toevoegen").click()
    expect(screen.get_by_role("status").first).to_contain_text("De peiling staat klaar")
    screen.get_by_role("button", name=re.compile("^De peiling openen")).click()
    expect(screen.get_by_role("status").first).to_contain_text("De peiling is open")
    screen.get_by_role("link", name="Publiceert je gemeente Woo-verzoeken actief?").click()
    expect(screen.locator(".pioneers-poll-qr")).to_be_visible()
    expect(screen.locator("#poll-results-live")).to_contain_text("0 antwoorden")
    problems += describe_violations(screen.url, axe(screen))
    code = screen.locator(".pioneers-poll-code").inner_text()
    short_link = screen.locator(".pioneers-poll-link a").inner_text()
    assert short_link == f"{site}/p/{code}/"

    # The attendee, on a phone without an account or cookie, types the short link.
    page.set_viewport_size(PHONE)
    page.goto(short_link)
    expect(page).to_have_url(f"{site}/nl/peiling/{code}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Publiceert je gemeente Woo-verzoeken actief?"
    )
    problems += audit("nl")
    page.get_by_role("button", name="Mijn antwoord versturen").click()
    expect(page.locator(".pioneers-error-summary")).to_contain_text("Kies een antwoord.")
    problems += audit("nl")
    page.get_by_label("Deels").check()
    page.get_by_role("button", name="Mijn antwoord versturen").click()
    expect(page.get_by_role("status")).to_contain_text("Bedankt, je antwoord is opgeslagen.")
    expect(page.get_by_label("Deels")).to_be_checked()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    problems += audit("nl")

    # The projector follows without a reload.
    expect(screen.locator("#poll-results-live")).to_contain_text("1 antwoord", timeout=8_000)
    expect(screen.locator("#poll-results-live table")).to_contain_text("100%")

    # The attendee changes their mind: still one answer.
    page.get_by_label("Nee").check()
    page.get_by_role("button", name="Mijn antwoord wijzigen").click()
    expect(page.get_by_role("status")).to_contain_text("Bedankt")
    expect(screen.locator("#poll-results-live")).to_contain_text("1 antwoord", timeout=8_000)

    # Closed: the phone shows the results.
    screen.get_by_role("button", name="De peiling sluiten").click()
    expect(screen.get_by_role("heading", name="Resultaten (definitief)")).to_be_visible()
    problems += describe_violations(screen.url, axe(screen))
    page.reload()
    expect(page.locator("main")).to_contain_text("Deze peiling is gesloten.")
    expect(page.locator("main table")).to_contain_text("Nee")
    problems += audit("nl")
    laptop.close()
    assert problems == [], "\n".join(problems)
