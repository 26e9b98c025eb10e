"""A partner's web page on another origin embeds both widgets, one in an iframe and one with the
loader script; both show the network's items, and axe finds nothing on the partner page (with
the widgets in it) or on the widget page itself."""

import functools
import http.server
import threading
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import AXE, AXE_OPTIONS, describe_violations

pytestmark = pytest.mark.e2e

PARTNER = """<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><title>Gemeente Voorbeeld</title><link rel="icon" href="data:,">
<style>.pioneers-widget {{ --pioneers-widget-link-color: rgb(0, 80, 0); }}</style></head>
<body><main>
<h1>Nieuws van Gemeente Voorbeeld</h1>
<iframe src="{site}/nl/widgets/bijeenkomsten/" title="Komende bijeenkomsten"
        width="100%" height="320"></iframe>
<script src="{site}/static/opendata/widget.js"
        data-widget="{site}/nl/widgets/verslagen.html?n=2" async></script>
</main></body></html>
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def partner(tmp_path, site):
    """A web server of a partner site on its own port: another origin than the platform."""
    (tmp_path / "index.html").write_text(PARTNER.format(site=site), encoding="utf-8")
    handler = functools.partial(_Quiet, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html"
    server.shutdown()
    server.server_close()


def test_a_partner_page_embeds_both_widgets(page, partner, site, axe, console):
    assert urlsplit(partner).netloc != urlsplit(site).netloc
    page.goto(partner)
    frame = page.frame_locator("iframe")
    expect(frame.get_by_role("heading", level=1)).to_have_text("Komende bijeenkomsten")
    expect(frame.locator(".pioneers-widget__item")).to_have_count(3)
    placed = page.locator(".pioneers-widget-place .pioneers-widget")
    expect(placed.get_by_role("heading", level=2)).to_have_text(
        "Nieuwste verslagen van bijeenkomsten"
    )
    expect(placed.locator(".pioneers-widget__item")).to_have_count(2)
    # The partner's own custom property styles the placed widget.
    link = placed.locator(".pioneers-widget__item a").first
    expect(link).to_have_css("color", "rgb(0, 80, 0)")
    # Without axe's preloading of stylesheets: the test server sends static files without the
    # CORS header that WhiteNoise gives them in production, and axe fetches them to read them.
    page.evaluate(AXE.read_text())
    options = {**AXE_OPTIONS, "preload": False}
    violations = page.evaluate("options => axe.run(document, options)", options)["violations"]
    problems = describe_violations(partner, violations)
    problems += [f"console: {error}" for error in console.take()]
    page.goto(f"{site}/en/widgets/reports/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    problems += describe_violations(page.url, axe(page))
    assert not problems, "\n".join(problems)
