"""Meetings in a real browser: a coordinator plans a programme and publishes a meeting, a
resident registers without an account and confirms by email, and the host checks them in."""

import re
from datetime import date

import pytest
from django.core import mail
from playwright.sync_api import expect

from pioneers.demo.loader import COORDINATOR_EMAIL, DEMO_PASSWORD
from tests.e2e.test_join import log_in, log_out

pytestmark = pytest.mark.e2e


def test_plan_publish_register_and_check_in(site, page, audit, console, django_code):
    with django_code():
        from pioneers.meetings.models import Programme, ProgrammeTopic
        from pioneers.topics.services import topic_get_or_create

        programme = Programme.objects.create(
            name="2031–2032",
            slug="2031-2032",
            start_date=date(2031, 1, 1),
            end_date=date(2032, 12, 31),
            planned_meetings=8,
        )
        for order, name in enumerate(["Open data", "Participatie", "Woo-verzoeken", "Algoritmes"]):
            ProgrammeTopic.objects.create(
                programme=programme, topic=topic_get_or_create(name=name), sort_order=order
            )
    problems = []

    # The coordinator plans: makes meeting 1 a residents' meeting, re-plans, creates drafts.
    log_in(page, site, COORDINATOR_EMAIL, DEMO_PASSWORD)
    page.locator("header").get_by_role("link", name="Bijeenkomsten").click()
    page.get_by_role("link", name="Programma 2031–2032 plannen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Planner: 2031–2032")
    problems += audit("nl")
    page.get_by_label("Vorm 1", exact=True).select_option("residents")
    page.get_by_role("button", name="De rest opnieuw plannen").click()
    expect(page.get_by_role("status").first).to_contain_text("Opnieuw gepland")
    expect(page.get_by_label("Vorm 1", exact=True)).to_have_value("residents")
    expect(page.get_by_label("vast (Vorm 1)")).to_be_checked()
    page.get_by_role("button", name="Conceptbijeenkomsten maken van dit plan").click()
    expect(page.get_by_role("status").first).to_contain_text("8 conceptbijeenkomsten gemaakt")

    # ... and publishes the first one in the admin, from the link on its page.
    page.get_by_role("row").nth(1).get_by_role("link", name="bijeenkomst").click()
    expect(page.locator("main")).to_contain_text("niet gepubliceerd")
    problems += audit("nl")
    meeting_url = page.url
    page.get_by_role("link", name="Publiceren in het beheer").click()
    # Wagtail's admin opens its editing session with a request of its own; the live server
    # shares one SQLite connection between its threads, so a form sent meanwhile could break
    # that request's savepoint. Wait until the page is quiet before each sending.
    page.wait_for_load_state("networkidle")
    # A draft from the plan has no street address yet: publishing says so.
    with page.expect_navigation():
        page.locator('button[name="action-publish"]').first.dispatch_event("click")
    expect(page.locator("main")).to_contain_text(
        "Vul dit in voordat de bijeenkomst wordt gepubliceerd."
    )
    page.get_by_label("Straat en huisnummer").fill("Stadserf 1")
    page.wait_for_load_state("networkidle")
    with page.expect_navigation():
        page.locator('button[name="action-publish"]').first.dispatch_event("click")
    expect(page.locator(".messages")).to_contain_text("gewijzigd en gepubliceerd")
    # Wagtail's admin is outside our checks (it loads avatars from Gravatar, which the
    # Content-Security-Policy blocks): its console errors are dropped here.
    console.take()
    page.goto(meeting_url)
    title = page.get_by_role("heading", level=1).inner_text()
    with django_code():
        from pioneers.meetings.models import Meeting

        assert Meeting.objects.get(slug=meeting_url.rstrip("/").rsplit("/", 1)[1]).live
    log_out(page)

    # A resident registers without an account.
    page.goto(meeting_url)
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    problems += audit("nl")
    page.get_by_role("link", name="Aanmelden").click()
    problems += audit("nl")
    page.get_by_label("Naam", exact=True).fill("Rita Bewoner")
    page.get_by_label("E-mailadres").fill("rita.bewoner@example.org")
    page.get_by_label("Gemeente waar je woont").fill("Schiedam")
    page.get_by_label("Wensen voor toegankelijkheid").fill("Ringleiding")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kijk in je e-mail")
    problems += audit("nl")

    [message] = [m for m in mail.outbox if m.to == ["rita.bewoner@example.org"]]
    link = re.search(r"http://\S+/bevestigen/", message.body).group(0)
    page.goto(site + link.split("8000", 1)[1])
    problems += audit("nl")
    page.get_by_role("button", name="Mijn aanmelding bevestigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je aanmelding")
    expect(page.locator("main")).to_contain_text("Aangemeld")
    problems += audit("nl")
    confirmations = [m for m in mail.outbox if m.subject.startswith("Je bent aangemeld")]
    assert [m.to for m in confirmations] == [["rita.bewoner@example.org"]]

    # The coordinator checks her in by name on the guest list.
    log_in(page, site, COORDINATOR_EMAIL, DEMO_PASSWORD)
    page.goto(meeting_url)
    page.get_by_role("link", name="Gastenlijst en inchecken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gastenlijst")
    expect(page.locator("main")).to_contain_text("Ringleiding")
    expect(page.locator("main")).to_contain_text("Inchecken kan vanaf")
    problems += audit("nl")

    # On the meeting day check-in opens.
    with django_code():
        from django.utils import timezone

        from pioneers.meetings.models import Registration

        registration = Registration.objects.get(email="rita.bewoner@example.org")
        registration.meeting.date = timezone.localdate()
        registration.meeting.save()
    page.reload()
    page.get_by_role("button", name="Rita Bewoner inchecken").click()
    expect(page.get_by_role("status").first).to_contain_text("Rita Bewoner is ingecheckt")
    expect(page.locator("main")).to_contain_text("Ingecheckt om")
    problems += audit("nl")

    with django_code():
        from pioneers.meetings.models import Registration

        registration = Registration.objects.get(email="rita.bewoner@example.org")
        assert registration.status == "confirmed" and registration.checked_in_at is not None
    assert not problems, "\n".join(problems)
