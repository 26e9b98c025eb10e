"""A meeting report in a real browser: the coordinator drafts it in the admin, an attendee
comments on the draft through the emailed link, the coordinator answers and publishes it."""

import re
import uuid
from datetime import date

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from pioneers.demo.loader import COORDINATOR_EMAIL, DEMO_PASSWORD
from tests.e2e.test_join import log_in

pytestmark = pytest.mark.e2e


def _meeting_with_a_draft_report():
    """A held meeting with one checked-in attendee, and the first draft of its report."""
    from pioneers.meetings.models import Meeting, Registration
    from pioneers.reports.models import ReportIndexPage, ReportPage

    meeting = Meeting.objects.get(slug="2019-lab-actief-openbaar-maken")
    meeting.pk = meeting.id = None
    meeting.translation_key = uuid.uuid4()  # another meeting, not a translation of this one
    meeting.number, meeting.slug, meeting.title = 99, "2026-lab-open-vergaderen", "Open vergaderen"
    meeting.date = date(2026, 10, 1)
    meeting.save()
    Registration.objects.create(
        meeting=meeting,
        name="Anna Aanwezig",
        email="anna@example.org",
        status="confirmed",
        checked_in_at=timezone.now(),
    )
    index = ReportIndexPage.objects.get(locale__language_code="nl")
    report = ReportPage(
        title="Verslag: Open vergaderen",
        slug=meeting.slug,
        meeting=meeting,
        summary="Eerste opzet.",
        live=False,
    )
    index.add_child(instance=report)
    report.save_revision()
    return report.pk


def test_report_drafted_commented_on_and_published(site, page, context, audit, django_code):
    with django_code():
        pk = _meeting_with_a_draft_report()
    problems = []

    # The coordinator drafts the report in the admin.
    log_in(page, site, COORDINATOR_EMAIL, DEMO_PASSWORD)
    page.goto(f"{site}/admin/pages/{pk}/edit/")
    page.locator("#id_summary").fill("Wat we leerden over openbaar vergaderen met inwoners.")
    page.get_by_role("button", name="Bewaar concept").click()
    expect(page.locator(".messages")).to_be_visible()

    # She invites the attendees to comment.
    page.goto(f"{site}/nl/verslagcommentaar/beheer/{pk}/")
    problems += audit("nl")
    page.get_by_role("button", name="De deelnemers uitnodigen").click()
    expect(page.get_by_role("status").first).to_contain_text("1")
    with django_code():
        [invitation] = [m for m in mail.outbox if m.to == ["anna@example.org"]]
    link = re.search(r"https?://\S+/verslagcommentaar/\S+/", invitation.body).group(0)
    path = "/" + link.split("/", 3)[3]

    # The attendee reads the draft and comments, without an account.
    attendee = context.browser.new_context(locale="nl-NL").new_page()
    attendee.goto(f"{site}{path}")
    expect(attendee.locator("main")).to_contain_text("Wat we leerden over openbaar vergaderen")
    attendee.get_by_role("textbox", name="Je opmerking").fill(
        "De griffie deed ook mee, zet dat erbij."
    )
    attendee.get_by_role("button", name="Mijn opmerking versturen").click()
    expect(attendee.get_by_role("status").first).to_contain_text("Dank je")

    # The coordinator answers and resolves, then publishes the report.
    page.reload()
    expect(page.locator("main")).to_contain_text("De griffie deed ook mee")
    page.get_by_label("Antwoord aan Anna Aanwezig").fill("Toegevoegd, dank je.")
    page.get_by_label("Afgehandeld").check()
    page.get_by_role("button", name="Antwoord opslaan").click()
    expect(page.get_by_role("status").first).to_contain_text("opgeslagen")
    problems += audit("nl")
    page.goto(f"{site}/admin/pages/{pk}/edit/")
    page.locator(
        "footer .w-dropdown__toggle, footer [data-w-dropdown-target='toggle']"
    ).first.click()
    page.locator("button[name='action-publish']").click()
    expect(page.locator(".messages")).to_contain_text("Verslag: Open vergaderen")

    attendee.reload()
    expect(attendee.locator("main")).to_contain_text("Toegevoegd, dank je.")
    attendee.goto(f"{site}/nl/verslagen/2026-lab-open-vergaderen/")
    expect(attendee.get_by_role("heading", level=1)).to_have_text("Verslag: Open vergaderen")
    expect(attendee.locator("main")).to_contain_text("Wat we leerden over openbaar vergaderen")
    assert not problems, "\n".join(problems)
