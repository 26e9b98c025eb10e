"""The call for papers in a real browser: a visitor reads the open call of the demo conference,
fills in the form, logs in on the way without losing what they typed, sends the proposal and
finds it under "My proposals"; every page checked by axe, in Dutch and English."""

import pytest
from playwright.sync_api import expect

from pioneers.demo.loader import DEMO_PASSWORD, MEMBER_EMAIL

pytestmark = pytest.mark.e2e


def _meeting_slug(django_code):
    with django_code():
        from django.utils import timezone

        from pioneers.cfp.models import Call

        call = Call.objects.select_related("meeting").filter(closes_at__gt=timezone.now()).get()
        return call.meeting.slug


def test_visitor_submits_a_proposal_through_the_login(site, page, audit, django_code):
    slug = _meeting_slug(django_code)
    problems = []

    page.goto(f"{site}/en/meetings/{slug}/call/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Call for papers")
    problems += audit("en")

    page.goto(f"{site}/nl/bijeenkomsten/{slug}/")
    problems += audit("nl")
    page.get_by_role("link", name="Dien een voorstel in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dien een voorstel in")
    problems += audit("nl")
    page.get_by_label("Titel").fill("Open data <b>in</b> de wijk")
    page.get_by_label("Samenvatting").fill("Wat Schiedam leerde van open data per wijk.")
    page.get_by_label("Lezing (30 minuten)").check()
    page.get_by_label("Welke andere gemeente").fill("Vlaardingen, de buren.")
    page.get_by_role("button", name="Verstuur het voorstel").click()

    # Logging in on the way; the form comes back with what was typed.
    page.get_by_label("E-mail", exact=True).fill(MEMBER_EMAIL)
    page.get_by_label("Wachtwoord", exact=True).fill(DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dien een voorstel in")
    expect(page.get_by_label("Titel")).to_have_value("Open data <b>in</b> de wijk")
    page.get_by_role("button", name="Verstuur het voorstel").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Open data <b>in</b> de wijk")
    expect(page.get_by_role("status").first).to_contain_text("je voorstel is ingediend")
    problems += audit("nl")
    page.locator("header").get_by_role("link", name="Mijn voorstellen").click()
    expect(page.locator("main")).to_contain_text("Ingestuurd")
    problems += audit("nl")
    assert problems == []
