"""Reviewing in a real browser: a speaker submits to the demo's open call, a reviewer scores the
proposal, the coordinator accepts it, the speaker confirms, and the coordinator gives the talk a
slot that then shows on the meeting's page; every new page checked by axe, in Dutch and
English."""

import re

import pytest
from playwright.sync_api import expect

from pioneers.demo.loader import COORDINATOR_EMAIL, DEMO_PASSWORD, MEMBER_EMAIL
from tests.e2e.test_join import log_in, log_out

pytestmark = pytest.mark.e2e

REVIEWER_EMAIL = "rita.reviewer@example.org"
REVIEWER_PASSWORD = "a-long-test-password"


def _appoint_a_reviewer(django_code) -> str:
    with django_code():
        from django.utils import timezone

        from pioneers.cfp.models import Call, Reviewer, Room
        from pioneers.network.models import Person
        from tests.factories import OrganisationFactory, UserFactory

        # The demo's open call (its 2019 conference's call is closed).
        call = Call.objects.select_related("meeting").get(closes_at__gt=timezone.now())
        Room.objects.create(call=call, name_nl="Raadzaal", name_en="Council chamber")
        user = UserFactory(email=REVIEWER_EMAIL, first_name="Rita", last_name="Reviewer")
        Person.objects.create(
            user=user, name="Rita Reviewer", organisation=OrganisationFactory(), role="expert"
        )
        Reviewer.objects.create(call=call, user=user)
        return call.meeting.slug


def test_submit_review_accept_confirm_and_schedule(site, page, audit, django_code):
    slug = _appoint_a_reviewer(django_code)
    problems = []
    title = "Wijkbudgetten in de openbaarheid"

    # The speaker submits.
    log_in(page, site, MEMBER_EMAIL, DEMO_PASSWORD)
    page.goto(f"{site}/nl/bijeenkomsten/{slug}/oproep/indienen/")
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Samenvatting").fill("Hoe bewoners zien waar het wijkbudget heen gaat.")
    page.get_by_label("Lezing (30 minuten)").check()
    page.get_by_label("Welke andere gemeente").fill("Vlaardingen.")
    page.get_by_role("button", name="Verstuur het voorstel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    log_out(page)

    # The reviewer scores it.
    log_in(page, site, REVIEWER_EMAIL, REVIEWER_PASSWORD)
    page.locator("header").get_by_role("link", name="Beoordelingen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Beoordelingen")
    problems += audit("nl")
    page.get_by_role("link", name=title).click()
    problems += audit("nl")
    for group in page.locator("main form fieldset").all():
        group.get_by_label("4 – goed").check()
    page.get_by_label("Toelichting").fill("Overdraagbaar en concreet.")
    page.get_by_role("button", name="Sla de beoordeling op").click()
    expect(page.get_by_role("status").first).to_contain_text("Je beoordeling is opgeslagen")
    expect(page.get_by_label("Toelichting")).to_have_value("Overdraagbaar en concreet.")
    problems += audit("nl")
    page.goto(f"{site}/en/reviews/")
    expect(page.locator("main")).to_contain_text("reviewed")
    problems += audit("en")
    page.goto(f"{site}/nl/beoordelingen/")
    log_out(page)

    # The coordinator sorts the list and accepts.
    log_in(page, site, COORDINATOR_EMAIL, DEMO_PASSWORD)
    page.goto(f"{site}/nl/bijeenkomsten/{slug}/oproep/")
    page.get_by_role("link", name="Inzendingen, beoordelingen en besluiten").click()
    problems += audit("nl")
    page.get_by_label("Sorteer op").select_option("spread")
    page.get_by_role("button", name="Toon").click()
    expect(page).to_have_url(re.compile(r"sort=spread"))
    row = page.get_by_role("row").filter(has_text=title)
    expect(row).to_contain_text("4,00")
    row.get_by_role("button", name="Accepteren").click()
    expect(page.get_by_role("status").first).to_contain_text("aangenomen")
    expect(page).to_have_url(re.compile(r"sort=spread"))
    problems += audit("nl")
    page.goto(f"{site}/en/meetings/{slug}/call/submissions/")
    problems += audit("en")
    page.goto(f"{site}/nl/")
    log_out(page)

    # The speaker confirms.
    log_in(page, site, MEMBER_EMAIL, DEMO_PASSWORD)
    page.locator("header").get_by_role("link", name="Mijn voorstellen").click()
    page.get_by_role("link", name=title).click()
    problems += audit("nl")
    page.get_by_role("button", name="Bevestig mijn sessie").click()
    expect(page.get_by_role("status").first).to_contain_text("je hebt je sessie bevestigd")
    problems += audit("nl")
    with django_code():
        from pioneers.cfp.models import Submission

        assert Submission.objects.get(title=title).state == "confirmed"
    log_out(page)

    # The coordinator gives the talk a slot; it appears on the meeting's page.
    log_in(page, site, COORDINATOR_EMAIL, DEMO_PASSWORD)
    page.goto(f"{site}/nl/bijeenkomsten/{slug}/oproep/rooster/")
    page.get_by_label(f"Begin van “{title}”").fill("14:00")
    page.get_by_label(f"Zaal van “{title}”").select_option(label="Raadzaal")
    page.get_by_role("button", name="Programma opslaan").press("Enter")
    expect(page.get_by_role("status").first).to_contain_text("Het programma is opgeslagen")
    page.goto(f"{site}/nl/bijeenkomsten/{slug}/")
    programme = page.locator("section", has=page.locator("#programme-heading"))
    expect(programme).to_contain_text(title)
    expect(programme).to_contain_text("14:00")
    problems += audit("nl")
    assert problems == [], "\n".join(problems)
