"""One rule for a page's address that leaves the site: on BASE_URL, never on the host a request
named nor on the Wagtail site's host name (``localhost`` in the demo)."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from pioneers.core.links import page_url
from pioneers.opendata.sitemaps import page_sitemap
from pioneers.reports.models import ReportPage

BASE = "https://pioneers.example.org"


def _json_ld(client, url) -> dict:
    html = client.get(url).content.decode()
    (found,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found)


def test_a_report_is_on_the_configured_address_in_the_api_and_its_json_ld(client, demo, settings):
    settings.BASE_URL = BASE
    assert Site.objects.get(is_default_site=True).hostname == "localhost"
    items = client.get("/api/v1/reports", {"limit": 100}).json()["items"]
    assert items and all(item["url"].startswith(f"{BASE}/") for item in items)
    report = ReportPage.objects.live().get(pk=items[0]["id"])
    assert items[0]["url"] == f"{BASE}{report.url}"
    assert _json_ld(client, report.url)["@id"] == items[0]["url"]
    for path in ("practices", "magazine/articles", "meetings", "organisations", "commitments"):
        answer = client.get(f"/api/v1/{path}").content.decode()
        urls = [item["url"] for item in json.loads(answer)["items"]]
        assert urls and all(url.startswith(f"{BASE}/") for url in urls), path
        assert "localhost" not in answer and "testserver" not in answer, path


def test_a_page_is_on_the_configured_address_whatever_sites_wagtail_has(demo, settings):
    settings.BASE_URL = BASE + "/"
    report = ReportPage.objects.live().first()
    # With a second site, Wagtail gives every page's address on its own site's host name.
    Site.objects.create(hostname="other.example", root_page=Page.objects.get(depth=1))
    assert report.get_url().startswith("http://localhost/")
    assert page_url(report) == f"{BASE}{report.get_url_parts()[2]}"
    sitemap = page_sitemap().decode()
    assert f"loc>{page_url(report)}</" in sitemap and "localhost" not in sitemap


def test_a_page_no_site_reaches_has_no_address(demo):
    assert page_url(Page.objects.get(depth=1)) == ""


def test_the_api_answers_every_host_alike_from_one_cached_answer(client, demo, settings):
    settings.BASE_URL = BASE
    first = client.get("/api/v1/reports", HTTP_HOST="localhost")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/api/v1/reports", HTTP_HOST="127.0.0.1")
    assert second.content == first.content and second["ETag"] == first["ETag"]
    # Only the middleware's look-up of the Wagtail site of a new host: the answer is the cached one.
    asked = [q["sql"] for q in queries.captured_queries]
    assert not [sql for sql in asked if "wagtailcore_site" not in sql], asked
