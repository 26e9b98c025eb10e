"""Accountability in a real browser: the demo's NL0037 with five milestones whose computed
progress matches the demo's data, its links to the plan's other commitments, and a progress
report a coordinator issues and anyone downloads. Every page is checked by axe."""

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from pioneers.demo.loader import COORDINATOR_EMAIL, DEMO_PASSWORD
from tests.e2e.test_join import log_in, log_out

pytestmark = pytest.mark.e2e


def test_commitment_milestones_synergy_and_progress_report(site, page, audit, console, django_code):
    problems = []
    with django_code():
        from pioneers.reports.models import ReportPage

        reported = (
            ReportPage.objects.live()
            .filter(locale__language_code="nl", meeting__status="held")
            .values("meeting")
            .distinct()
            .count()
        )

    # The list of action plans leads to the network's own commitment.
    page.goto(f"{site}/nl/")
    page.locator("header").get_by_role("link", name="Actiepunten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Actiepunten")
    problems += audit("nl")
    page.get_by_role("link", name=re.compile("NL0037")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("NL0037")
    problems += audit("nl")

    # Five milestones; the meetings' one is computed from the held meetings with a report.
    milestones = page.locator("section.pioneers-milestone")
    expect(milestones).to_have_count(5)
    meetings = milestones.filter(has=page.get_by_role("heading", name=re.compile(r"^3\.3 ")))
    expect(meetings).to_contain_text(f"voltooid: {reported} van 8")
    expect(meetings.locator("li a")).to_have_count(reported)
    magazine = milestones.filter(has=page.get_by_role("heading", name=re.compile(r"^3\.5 ")))
    expect(magazine).to_contain_text("voltooid: 2 van 2")
    # The timeline, drawn and as a table.
    expect(page.locator("svg[role=img]").first).to_be_visible()
    expect(
        page.get_by_role("table", name="Geplande en werkelijke datums van elke mijlpaal")
    ).to_be_visible()

    # Links to the plan's other commitments: the synergy table leads to one of them.
    synergy = page.get_by_role("table", name="Werk gekoppeld aan andere actiepunten, per soort")
    expect(synergy.get_by_role("link", name="NL0031")).to_be_visible()
    synergy.get_by_role("link", name="NL0031").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("NL0031")
    expect(page.locator("main")).to_contain_text("Algoritmes en transparantie")
    problems += audit("nl")

    # The English page says the same in English.
    page.goto(f"{site}/en/commitments/nl0037/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pioneer network")
    expect(page.locator("section.pioneers-milestone").nth(2)).to_contain_text(
        f"completed: {reported} of 8"
    )
    problems += audit("en")

    # A coordinator issues a new progress report from the admin ...
    log_in(page, site, COORDINATOR_EMAIL, DEMO_PASSWORD)
    page.goto(f"{site}/admin/commitments/progress-reports/")
    row = page.get_by_role("row", name=re.compile("NL0037"))
    issue = re.compile("Breng een voortgangsrapportage uit|Issue a progress report")
    with page.expect_navigation():
        row.get_by_role("button", name=issue).click()
    console.take()  # Wagtail's admin is outside our checks (Gravatar avatars, blocked by CSP)
    with django_code():
        from pioneers.commitments.models import ProgressReport

        number = ProgressReport.objects.filter(commitment__code="NL0037").latest("number").number
    assert number >= 2  # the demo issued the first one
    page.goto(f"{site}/nl/")
    log_out(page)

    # ... which anyone reads on the commitment's page and downloads.
    page.goto(f"{site}/nl/actiepunten/nl0037/")
    page.get_by_role("link", name=re.compile(f"Voortgangsrapportage {number}")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("NL0037")
    expect(page.locator("main")).to_contain_text("3.3")
    problems += audit("nl")

    def download(name):
        href = page.get_by_role("link", name=name).get_attribute("href")
        return page.request.get(urljoin(page.url, href))

    pdf = download("Downloaden als pdf")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF-")
    markdown = download("Downloaden als Markdown")
    assert markdown.ok and "## Mijlpalen" in markdown.text()
    assert f"{reported} van 8" in markdown.text()
    assert not problems, "\n".join(problems)
    assert not console.take()
