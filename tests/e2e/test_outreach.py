"""An outreach campaign in a real browser: a coordinator writes and sends a letter to the
municipalities of Zeeland, one answers through its reply link without an account, and the
campaign's funnel shows it; every page checked by axe."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from pioneers.demo.loader import COORDINATOR_EMAIL, DEMO_PASSWORD
from tests.e2e.test_join import log_in, log_out

pytestmark = pytest.mark.e2e

LETTER = (
    "Beste {contact_name},\n\nWil {municipality} meedoen met het netwerk?\n\n"
    "Laat het weten via {reply_link}"
)


def test_coordinator_sends_a_campaign_and_a_reply_shows_in_the_funnel(
    site, page, audit, django_code
):
    problems = []
    log_in(page, site, COORDINATOR_EMAIL, DEMO_PASSWORD)
    page.goto(f"{site}/nl/werving/campagnes/")  # from the admin's menu
    expect(page.get_by_role("heading", level=1)).to_have_text("Wervingscampagnes")
    problems += audit("nl")
    page.get_by_role("link", name="Nieuwe campagne").click()
    problems += audit("nl")
    page.get_by_label("Titel", exact=True).fill("Zeeland doet mee")
    page.get_by_label("Onderwerp (Nederlands)").fill("Doe mee, {gemente}")
    page.get_by_label("Brief (Nederlands)").fill(LETTER)
    page.get_by_role("combobox", name=re.compile("^Provincie")).select_option(label="Zeeland")
    page.get_by_role("button", name="Bewaar het concept").click()
    # A merge field that does not exist: refused, with what was typed kept.
    expect(page.locator("main")).to_contain_text("Het invulveld {gemente} bestaat niet.")
    problems += audit("nl", "the form with an unknown merge field")
    page.get_by_label("Onderwerp (Nederlands)").fill("Doe mee, {municipality}")
    page.get_by_role("button", name="Bewaar het concept").click()
    expect(page.get_by_role("status")).to_contain_text("De campagne is bewaard als concept.")
    expect(page.locator("main")).to_contain_text("De selectie bevat 12 organisaties.")
    problems += audit("nl")
    page.get_by_role("button", name="Verstuur de campagne").click()
    expect(page.get_by_role("status").first).to_contain_text("De campagne gaat naar 12")
    expect(page.locator("#campaign-progress")).to_contain_text("12 van 12 verzonden")
    expect(page.locator("progress")).to_have_attribute("value", "12")
    problems += audit("nl", "the campaign page, sent")
    log_out(page)

    with django_code():
        letters = [m for m in mail.outbox if m.subject.startswith("Doe mee, ")]
    assert len(letters) == 12
    letter = next(m for m in letters if m.subject == "Doe mee, Goes")
    reply_link = re.search(r"http\S+/reageren/\S+/", letter.body).group(0)
    path = reply_link.split("://", 1)[1].split("/", 1)[1]
    page.goto(f"{site}/{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Reactie van Goes")
    problems += audit("nl", "the reply form")
    page.get_by_label("We hebben belangstelling").check()
    page.get_by_label("Naam van jullie contactpersoon").fill("Team open overheid")
    page.get_by_role("button", name="Verstuur je reactie").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt voor je reactie")
    problems += audit("nl", "the thanks page")
    page.goto(f"{site}/{path}")  # the link again: the answer is there to change
    expect(page.get_by_label("We hebben belangstelling")).to_be_checked()

    log_in(page, site, COORDINATOR_EMAIL, DEMO_PASSWORD)
    page.goto(f"{site}/nl/werving/campagnes/")
    page.get_by_role("link", name="Zeeland doet mee").click()
    funnel = page.locator("#funnel")
    zeeland = funnel.get_by_role("row", name=re.compile("^Zeeland"))
    expect(zeeland.locator("td")).to_have_text(["12", "1", "1", "0", "0"])
    expect(page.locator("#replies")).to_contain_text("Goes")
    problems += audit("nl", "the campaign page with its funnel")
    assert not problems, "\n".join(problems)
