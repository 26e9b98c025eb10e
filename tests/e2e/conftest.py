"""Browser tests: one headless Chromium for the session, a fresh context and page per test.

Playwright's sync API drives its event loop from this thread and, between its calls, leaves that
loop marked as running here. Django then takes the thread for async code: it refuses database
access (hence DJANGO_ALLOW_ASYNC_UNSAFE), gives this code another connection object than the
test database's own, and asgiref's async_to_sync refuses to run. So the loop counts as running
only while a browser context is open: pytest-django's set-up and flush, the demo loading and all
later tests see an ordinary thread. Inside a test, `django_code` steps out of the loop for ORM
calls between browser steps.
"""

import asyncio
import os
from contextlib import contextmanager
from pathlib import Path

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@contextmanager
def _outside_event_loop():
    """Hide Playwright's event loop from Django for the duration (see the module docstring)."""
    loop = asyncio._get_running_loop()
    asyncio._set_running_loop(None)
    try:
        yield loop
    finally:
        asyncio._set_running_loop(loop)


@pytest.fixture
def django_code():
    """A context manager for ORM calls in a test body, between browser steps."""
    return _outside_event_loop


class _Browser:
    """The session's Chromium, and the event loop Playwright runs it with."""

    def __init__(self, browser, loop):
        self.browser = browser
        self.loop = loop


@pytest.fixture(scope="session")
def _chromium():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}; run `make chromium`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        loop = asyncio._get_running_loop()
        asyncio._set_running_loop(None)
        yield _Browser(browser, loop)
        asyncio._set_running_loop(loop)
        browser.close()


@pytest.fixture
def context(_chromium, demo):
    """A fresh browser profile (no cookies) on a database with the demo loaded."""
    asyncio._set_running_loop(_chromium.loop)
    try:
        context = _chromium.browser.new_context(
            locale="nl-NL", viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(10_000)
        yield context
        context.close()
    finally:
        # pytest-django empties the database after this; it must see no event loop.
        asyncio._set_running_loop(None)


@pytest.fixture
def page(context):
    return context.new_page()


class ConsoleLog:
    """Console errors and uncaught page errors of a page, e.g. Content-Security-Policy refusals.

    Not counted: the browser's report of the page's own 4xx status (a 404 page, a form
    answered with 422), which the tests check as the response's status instead.
    """

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))

    def _on_console(self, message):
        if message.type != "error":
            return
        url = (message.location or {}).get("url", "")
        if message.text.startswith("Failed to load resource") and url == self.page.url:
            return
        self.errors.append(f"{message.text} ({url})" if url else message.text)

    def take(self) -> list[str]:
        errors, self.errors = self.errors, []
        return errors


@pytest.fixture
def console(page):
    """What the page logged as errors; `take()` returns them and starts a new list."""
    return ConsoleLog(page)


@pytest.fixture(scope="session")
def axe():
    """A function returning axe-core's WCAG 2.1 A/AA violations on a loaded page."""
    source = AXE.read_text()

    def run(page) -> list[dict]:
        if not page.evaluate("() => typeof window.axe === 'object'"):
            # The Content-Security-Policy refuses inline scripts, so page.add_script_tag (a
            # <script> with axe's source) is blocked; code evaluated through the DevTools
            # protocol is not subject to the page's policy.
            page.evaluate(source)
        return page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"]

    return run


# The href of the first element the keyboard reaches, which should be the skip link.
FIRST_FOCUSABLE = """() => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]';
    const first = [...document.body.querySelectorAll(selector)]
        .find(element => element.tabIndex >= 0 && !element.disabled);
    return first ? first.getAttribute("href") : null;
}"""


def describe_violations(where: str, violations: list[dict]) -> list[str]:
    """axe's findings as readable lines: page, rule, impact, elements, what to fix."""
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        shown = ", ".join(targets[:5])
        if len(targets) > 5:
            shown += f" and {len(targets) - 5} more"
        # "Fix any of the following:\n  reason\n  reason" -> one line
        head, *reasons = [
            line.strip() for line in violation["nodes"][0].get("failureSummary", "").splitlines()
        ] or [""]
        summary = f"{head} {'; '.join(reasons)}"
        lines.append(
            f"{where}: axe {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"    elements: {shown}\n"
            f"    {summary}\n"
            f"    {violation['helpUrl']}"
        )
    return lines


@pytest.fixture
def audit(page, console, axe):
    """A function listing what is wrong with the page as loaded now; empty when all is well.

    Checked: axe's WCAG 2.1 A/AA rules, <html lang> equal to the expected language, exactly
    one <h1>, a skip link to #main as the first stop of the keyboard and its target, and no
    console errors since the last audit.
    """

    def check(language: str, where: str | None = None) -> list[str]:
        page.wait_for_load_state()  # a click may have started a navigation
        where = where or page.url
        problems = []
        lang = page.evaluate("() => document.documentElement.lang")
        if lang != language:
            problems.append(f'{where}: <html lang="{lang}">, expected "{language}"')
        h1_count = page.locator("h1").count()
        if h1_count != 1:
            problems.append(f"{where}: {h1_count} <h1> elements, expected exactly one")
        first_focusable = page.evaluate(FIRST_FOCUSABLE)
        if page.locator('a[href="#main"]').count() == 0:
            problems.append(f"{where}: no skip link to #main")
        elif first_focusable != "#main":
            problems.append(f"{where}: the skip link is not the first thing to tab to")
        if page.locator("#main").count() != 1:
            problems.append(f"{where}: the skip link's target #main is missing")
        problems += describe_violations(where, axe(page))
        problems += [f"{where}: console error: {error}" for error in console.take()]
        return problems

    return check


@pytest.fixture
def demo(transactional_db, settings):
    """The demo network (pages in Dutch and English, two accounts) in the test database.

    The live server needs a transactional database, which is emptied after each test (and after
    other transactional tests); the first such test of the session still finds the demo that
    tests/conftest.py loaded into the new database. Loading the demo is idempotent.
    """
    from tests.demo import load_test_demo

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    load_test_demo()


@pytest.fixture
def site(demo, live_server):
    """The live server's address, serving the demo network."""
    return live_server.url
