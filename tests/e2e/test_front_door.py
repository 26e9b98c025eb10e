"""The network's front door as a visitor sees it: the home page, a member municipality with
practices and hosted meetings, a municipality that is not a member, and a topic page, in Dutch
and English, on a phone and a desktop, with axe and the page checks finding nothing."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

PAGES = {
    "nl": [
        "/nl/",
        "/nl/organisaties/leiden/",
        "/nl/organisaties/aalsmeer/",
        "/nl/onderwerpen/open-data/",
    ],
    "en": [
        "/en/",
        "/en/organisations/leiden/",
        "/en/organisations/aalsmeer/",
        "/en/topics/open-data/",
    ],
}


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_front_door_fits_the_screen_and_passes_axe(site, page, audit, language, width):
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for path in PAGES[language]:
        response = page.goto(site + path)
        assert response.status == 200, path
        expect(page.locator("h1")).to_have_count(1)
        scroll = page.evaluate("() => document.documentElement.scrollWidth")
        if scroll > width:
            problems.append(f"{path}: {scroll} px wide on a {width} px screen")
        problems += audit(language, where=f"{path} at {width} px")
    assert problems == []
    # What each page is for, visible in the reader's language.
    home, member, non_member, topic = PAGES[language]
    page.goto(site + home)
    expect(page.locator("section.pioneers-home-block").first).to_be_visible()
    page.goto(site + member)
    for section in ("#org-activity", "#org-meetings", "#org-practices"):
        expect(page.locator(section)).to_be_visible()
    expect(page.locator("#join-heading")).to_have_count(0)
    page.goto(site + non_member)
    join = {"nl": "Meedoen met het netwerk", "en": "Join the network"}[language]
    page.get_by_role("link", name=join).click()
    page.wait_for_load_state()
    assert "/meedoen/" in page.url or "/join/" in page.url
    page.goto(site + topic)
    expect(page.locator("#topic-active")).to_be_visible()
