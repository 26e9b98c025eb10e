"""Every public page, in Dutch and English, checked in a real browser against WCAG 2.1 A and AA.

The crawl starts at each language's home page and follows same-origin links breadth-first. On
every page axe-core checks the WCAG 2.1 A/AA rules, and the page must answer 200, declare the
language of its URL, have one <h1> and a skip link to the main content, and log no errors (a
Content-Security-Policy refusal, for one, is logged as an error).
"""

from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from pioneers.demo.loader import DEMO_PASSWORD, MEMBER_EMAIL

pytestmark = pytest.mark.e2e

LANGUAGES = ("nl", "en")
MAX_PAGES = 90  # enough to reach the account pages behind every section
# The API's docs follow the browser's language at one address; test_opendata_api.py audits them.
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/", "/api/")
# Logging out is a form in the header; its confirmation page is not part of the crawl.
# Calendars, CSV and JSON files, Atom feeds, PDFs and the open-data page's files (the dump,
# the catalogue, sitemaps, robots.txt) are downloads, not pages.
SKIPPED_SUFFIXES = (
    "/accounts/logout/",
    ".ics",
    ".csv",
    ".json",
    ".jsonld",
    ".ttl",
    ".xml",
    ".zip",
    ".txt",
    ".atom",
    "/pdf/",
    "/markdown/",
)
# Hundreds of pages share one template (a page per municipality): a few of each are audited.
# Meeting and report slugs start with their year, edition slugs with their number; the knowledge
# base lists many practices; the action plans list every commitment.
SAMPLED_PREFIXES = (
    "/nl/organisaties/",
    "/en/organisations/",
    "/nl/bijeenkomsten/20",
    "/en/meetings/20",
    "/nl/verslagen/20",
    "/nl/kennisbank/",
    "/en/knowledge-base/",
    "/nl/magazine/nr-",
    "/en/magazine/nr-",
    "/nl/onderwerpen/",
    "/en/topics/",
    "/nl/actiepunten/nl",
    "/en/commitments/nl",
)
SAMPLES = 3


def same_origin_links(page, origin: str) -> list[str]:
    """The pages of this site that the loaded page links to, without fragments."""
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    found = []
    for href in hrefs:
        url, _fragment = urldefrag(urljoin(page.url, href))
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != origin:
            continue  # mailto:, tel:, other sites
        if parts.path.startswith(SKIPPED_PREFIXES) or parts.path.endswith(SKIPPED_SUFFIXES):
            continue
        found.append(url)
    return found


def language_of(url: str) -> str | None:
    first = urlsplit(url).path.strip("/").split("/")[0]
    return first if first in LANGUAGES else None


def crawl(site: str, page, audit, also=()) -> tuple[list[str], list[str]]:
    """Visit what the home pages (and `also`) link to, breadth-first: visited paths, problems."""
    queue = deque(
        [f"{site}/{language}/" for language in LANGUAGES] + [site + path for path in also]
    )
    seen = set(queue)
    visited = []
    problems = []
    sampled = dict.fromkeys(SAMPLED_PREFIXES, 0)
    while queue and len(visited) < MAX_PAGES:
        url = queue.popleft()
        response = page.goto(url)
        visited.append(urlsplit(url).path)
        if response is None or response.status != 200:
            problems.append(f"{url}: status {response.status if response else 'none'}")
            continue
        language = language_of(page.url)
        if language is None:
            problems.append(f"{url}: ended at {page.url}, outside /nl/ and /en/")
            continue
        problems += audit(language, where=url if url == page.url else f"{url} -> {page.url}")
        for link in same_origin_links(page, site):
            if link in seen:
                continue
            prefix = next((p for p in SAMPLED_PREFIXES if urlsplit(link).path.startswith(p)), None)
            if prefix is not None:
                if sampled[prefix] >= SAMPLES:
                    continue
                sampled[prefix] += 1
            seen.add(link)
            queue.append(link)
    return visited, problems


def report(visited: list[str], problems: list[str]) -> str:
    return f"{len(problems)} problems on {len(visited)} pages:\n" + "\n".join(problems)


# A member with practices and hosted meetings (its activity block, chart and table) and a
# non-member (the invitation to join), in both languages.
ORGANISATION_PAGES = (
    "/nl/organisaties/schiedam/",
    "/en/organisations/schiedam/",
    "/nl/organisaties/rotterdam/",
    "/en/organisations/rotterdam/",
)


def test_every_public_page_passes_axe_and_the_page_checks(site, page, audit):
    visited, problems = crawl(site, page, audit, also=ORGANISATION_PAGES)

    assert not problems, report(visited, problems)
    # The crawl must reach beyond the home pages: menu, footer and account pages.
    for path in ("/nl/over/", "/en/about/", "/nl/privacy/", "/en/accessibility/"):
        assert path in visited, f"{path} was not reached; visited {visited}"
    for path in ("/nl/accounts/login/", "/en/accounts/signup/", "/nl/accounts/password/reset/"):
        assert path in visited, f"{path} was not reached; visited {visited}"
    for path in (
        "/nl/leden/",
        "/en/members/",
        "/nl/bijeenkomsten/archief/",
        "/en/meetings/",
        "/nl/verslagen/",
        "/en/reports/",
        "/nl/magazine/",
        "/en/magazine/",
    ):
        assert path in visited, f"{path} was not reached; visited {visited}"
    for prefix in SAMPLED_PREFIXES:
        assert any(p.startswith(prefix) for p in visited), f"no {prefix} page; visited {visited}"
    for path in ORGANISATION_PAGES:
        assert path in visited, f"{path} was not reached; visited {visited}"


def test_every_page_of_a_signed_in_member_passes_axe_and_the_page_checks(site, page, audit):
    page.goto(f"{site}/nl/accounts/login/")
    page.locator("#id_login").fill(MEMBER_EMAIL)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.locator("header form[action$='/accounts/logout/'] button").wait_for()

    # Reached from the account menu too, but only after every section's pages.
    account_pages = [
        f"/{language}/accounts/{form}/"
        for language in LANGUAGES
        for form in ("password/change", "email")
    ]
    visited, problems = crawl(site, page, audit, also=account_pages)

    assert not problems, report(visited, problems)
    for path in ("/nl/accounts/password/change/", "/en/accounts/password/change/"):
        assert path in visited, "the account menu links to the password form"
    for path in ("/nl/accounts/email/", "/en/accounts/email/"):
        assert path in visited, f"{path} was not reached; visited {visited}"


@pytest.mark.parametrize(
    ("path", "language"), [("/nl/bestaat-niet/", "nl"), ("/en/does-not-exist/", "en")]
)
def test_not_found_page_is_accessible_and_in_the_right_language(site, page, audit, path, language):
    response = page.goto(site + path)

    assert response.status == 404
    problems = audit(language, where=path)
    assert not problems, "\n".join(problems)
    assert page.locator(f'main a[href="/{language}/"]').count() >= 1, "no way back to the home page"
