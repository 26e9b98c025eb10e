"""The magazine in a real browser: a member submits an article, a coordinator approves it in
Wagtail's workflow and publishes the edition, its PDF is built, and readers find both."""

import pytest
from playwright.sync_api import expect

from pioneers.demo.loader import COORDINATOR_EMAIL, DEMO_PASSWORD, MEMBER_EMAIL
from tests.e2e.test_join import log_in, log_out

pytestmark = pytest.mark.e2e

APPROVE = 'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'


def test_member_submits_editor_approves_and_publishes_the_edition_with_its_pdf(
    site, page, audit, console, django_code
):
    with django_code():
        from tests.factories import edition_create

        edition = edition_create(number=3, live=False, accepts_submissions=True)
    problems = []

    # A member submits an article from the magazine's page.
    log_in(page, site, MEMBER_EMAIL, DEMO_PASSWORD)
    page.goto(f"{site}/nl/magazine/")
    problems += audit("nl")
    page.get_by_role("link", name="Een artikel insturen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Een artikel insturen")
    problems += audit("nl")
    page.get_by_label("Titel").fill("Raadsvragen als open data")
    page.get_by_label("Inleiding").fill("Schiedam zet alle raadsvragen met antwoord online.")
    page.get_by_label("Tekst", exact=True).fill("Eerste alinea.\n\nTweede alinea.")
    page.get_by_label("Geleerde lessen").fill("Begin bij de griffie.")
    page.get_by_label("Open data", exact=True).check()
    page.get_by_role("button", name="Insturen naar de redactie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn ingestuurde artikelen")
    expect(page.locator("main table")).to_contain_text("Ingestuurd")
    problems += audit("nl")
    log_out(page)
    with django_code():
        from pioneers.magazine.models import ArticlePage

        article = ArticlePage.objects.get(title="Raadsvragen als open data")
        assert not article.live

    # A coordinator approves it in Wagtail's workflow (intake, then review) ...
    log_in(page, site, COORDINATOR_EMAIL, DEMO_PASSWORD)
    for _step in range(2):
        page.goto(f"{site}/admin/pages/{article.pk}/edit/")
        with page.expect_navigation():
            page.locator(APPROVE).first.dispatch_event("click")
    with django_code():
        article.refresh_from_db()
        assert article.live
    assert page.request.get(f"{site}/nl/magazine/nr-3/raadsvragen-als-open-data/").status == 404

    # ... and publishes the edition, which builds its PDF.
    page.goto(f"{site}/admin/pages/{edition.pk}/edit/")
    with page.expect_navigation():
        page.locator('button[name="action-publish"]').first.dispatch_event("click")
    # Wagtail's admin is outside our checks (it loads avatars from Gravatar, which the
    # Content-Security-Policy blocks): its console errors are dropped here.
    console.take()
    page.goto(f"{site}/nl/magazine/editie-pdf/{edition.pk}/")
    expect(page.locator("#pdf-status")).to_contain_text("Klaar")
    problems += audit("nl")
    log_out(page)

    # Readers see the edition, the article and the PDF.
    page.goto(f"{site}/nl/magazine/")
    page.get_by_role("link", name=edition.title).click()
    problems += audit("nl")
    download = page.get_by_role("link", name="Download deze editie als pdf")
    pdf = page.request.get(site + download.get_attribute("href"))
    assert pdf.status == 200 and pdf.body().startswith(b"%PDF")
    page.locator("main nav").get_by_role("link", name="Raadsvragen als open data").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Raadsvragen als open data")
    expect(page.locator("main")).to_contain_text("Begin bij de griffie.")
    problems += audit("nl")
    page.goto(f"{site}/en/magazine/")
    problems += audit("en")
    assert not problems, "\n".join(problems)
