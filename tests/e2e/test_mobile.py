"""Pages on a phone (390 px wide) and on a desktop: tables keep their words whole and scroll in
their own region, footer links are large enough to tap, and a form that comes back with errors
puts the focus on its error summary."""

import pytest
from playwright.sync_api import expect

from pioneers.demo.loader import COORDINATOR_EMAIL, DEMO_PASSWORD
from tests.e2e.test_join import log_in

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TABLE_PAGES = [
    "/nl/leden/",
    "/nl/bijeenkomsten/2027-1-woo-verzoeken/",
    "/en/meetings/2027-1-woo-verzoeken/",
    "/nl/bijeenkomsten/2018-aftrap-wat-maakt-een-gemeente-open/gasten/",
    "/nl/bijeenkomsten/aanwezigheid/",
    "/nl/pioniers/",
]

# Words in table cells that the browser broke over two lines: a word whose text spans more than
# one line box. Breaks at hyphens and dashes ("Noord-|Brabant") are allowed.
BROKEN_WORDS = """() => {
    const broken = [];
    for (const cell of document.querySelectorAll("table td, table th")) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.data.matchAll(/[^\\s\\-–—\\/]+/g)) {
                const range = document.createRange();
                range.setStart(node, match.index);
                range.setEnd(node, match.index + match[0].length);
                const lines = new Set(
                    [...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))
                );
                if (lines.size > 1) broken.push(match[0]);
            }
        }
    }
    return broken;
}"""

TABLE_REGIONS = """() => [...document.querySelectorAll("table")].map(table => {
    const region = table.parentElement;
    return {
        scrolls: getComputedStyle(region).overflowX === "auto",
        fits: region.getBoundingClientRect().right <= document.documentElement.clientWidth + 1,
        focusable: region.tabIndex === 0,
    };
})"""

FOOTER_LINK_HEIGHTS = """() => [...document.querySelectorAll("footer a")]
    .map(a => a.getBoundingClientRect().height)"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_tables_keep_words_whole_and_scroll_in_their_region(site, page, viewport):
    page.set_viewport_size(viewport)
    log_in(page, site, COORDINATOR_EMAIL, DEMO_PASSWORD)
    for path in TABLE_PAGES:
        page.goto(site + path)
        regions = page.evaluate(TABLE_REGIONS)
        assert regions, f"{path}: no table"
        assert all(r["scrolls"] and r["fits"] and r["focusable"] for r in regions), (path, regions)
        assert page.evaluate(BROKEN_WORDS) == [], f"{path} at {viewport['width']} px"
        # The page itself never scrolls sideways; only a table's region does.
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{path} is {width} px wide"
        heights = page.evaluate(FOOTER_LINK_HEIGHTS)
        assert heights and min(heights) >= 24, f"{path}: footer links {heights}"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
def test_failed_submit_puts_the_focus_on_the_error_summary(site, page, viewport):
    page.set_viewport_size(viewport)
    page.goto(site + "/nl/bijeenkomsten/2027-3-participatie/aanmelden/")
    page.get_by_label("E-mailadres").fill("geen adres")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.title().startswith("Fout: ")
    summary = page.locator(".pioneers-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("Er ging iets mis")
    # Following a link in the summary puts the reader in the field.
    summary.get_by_role("link").first.click()
    expect(page.locator("#id_name")).to_be_focused()


def test_failed_login_puts_the_focus_on_the_error_summary(site, page):
    page.set_viewport_size(PHONE)
    page.goto(site + "/en/accounts/login/")
    page.locator("#id_login").fill("someone@example.org")
    page.locator("#id_password").fill("not the password")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: ")
    expect(page.locator(".pioneers-error-summary")).to_be_focused()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["390px", "1280px"])
@pytest.mark.parametrize(("path", "language"), [("/nl/", "nl"), ("/en/", "en")])
def test_home_page_blocks_fit_the_screen_and_pass_axe(site, page, audit, viewport, path, language):
    page.set_viewport_size(viewport)
    page.goto(site + path)
    expect(page.locator("section.pioneers-home-block")).to_have_count(8)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"{path} is {width} px wide"
    cards = page.evaluate(
        """() => [...document.querySelectorAll(".pioneers-home-block .pioneers-meeting-card")]
            .map(card => card.getBoundingClientRect().right)"""
    )
    assert cards and max(cards) <= viewport["width"], cards
    assert audit(language) == []
