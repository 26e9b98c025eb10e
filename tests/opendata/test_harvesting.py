"""Harvesting: robots.txt, sitemap.xml with hreflang alternates, the Woo-index's sitemaps per
information category with DiWoo metadata, DiWoo XML per report, canonical and hreflang links in
page heads.

No DiWoo XSD could be obtained here, so the DiWoo records are checked for their structure: the
elements the Woo-harvester reads, with TOOI resources, in the DiWoo namespace."""

import datetime
from xml.etree import ElementTree as ET

import pytest
from django.core.cache import cache

from pioneers.evaluation.models import EvaluationReportPage
from pioneers.meetings.models import Meeting
from pioneers.network.models import Organisation
from pioneers.reports.models import ReportIndexPage, ReportPage
from tests.factories import OrganisationFactory, meeting_create

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
DIWOO = "{https://standaarden.overheid.nl/diwoo/metadata/}"
BASE = "http://127.0.0.1:8000"
MEETING_DOCUMENTS = "https://identifier.overheid.nl/tooi/def/thes/kern/c_db4862c3"
UTRECHT = "https://identifier.overheid.nl/tooi/id/gemeente/gm0344"
SLUG = "2019-lab-actief-openbaar-maken"


def xml(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own response)


def add_reports(count: int, start: int = 0):
    """Published reports of new meetings, each hosted by another municipality."""
    index = ReportIndexPage.objects.get(locale__language_code="nl")
    for n in range(start, start + count):
        host = OrganisationFactory(cbs_code=f"GM9{n:03d}")
        meeting = meeting_create(
            number=100 + n,
            title=f"Extra {n}",
            slug=f"extra-{n}",
            date=datetime.date(2021, 1, 1),
            host=host,
        )
        report = ReportPage(title=f"Verslag extra {n}", slug=f"extra-{n}", meeting=meeting)
        report.summary = "Wat we deden."
        index.add_child(instance=report)
        report.save_revision().publish()


def test_robots_txt_points_to_the_sitemap_and_the_woo_index(client, demo):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert f"Sitemap: {BASE}/sitemap.xml" in text
    assert f"Sitemap: {BASE}/sitemaps/sitemapindex-diwoo-infocat008.xml" in text
    assert "Disallow: /admin/" in text
    assert f"Sitemap: {BASE}/sitemaps/sitemapindex-diwoo-infocat015.xml" in text  # evaluation
    # No category without documents: the harvester would find an empty index.
    assert "infocat001" not in text


def test_sitemap_lists_public_pages_with_their_translations(client, demo):
    root = xml(client.get("/sitemap.xml"))
    entries = {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }
    assert entries[f"{BASE}/nl/over/"] == {"nl": f"{BASE}/nl/over/", "en": f"{BASE}/en/about/"}
    assert entries[f"{BASE}/en/about/"]["nl"] == f"{BASE}/nl/over/"
    # A report written only in Dutch is listed, without alternates.
    assert entries[f"{BASE}/nl/verslagen/{SLUG}/"] == {}


def test_sitemap_leaves_out_drafts_and_restricted_pages(client, demo):
    report = ReportPage.objects.get(slug=SLUG)
    report.unpublish()
    cache.clear()
    assert f"/nl/verslagen/{SLUG}/" not in client.get("/sitemap.xml").content.decode()


def test_woo_index_names_the_category_sitemap(client, demo):
    root = xml(client.get("/sitemaps/sitemapindex-diwoo-infocat008.xml"))
    locs = [loc.text for loc in root.iter(f"{SITEMAP}loc")]
    assert locs == [f"{BASE}/sitemaps/sitemap-diwoo-infocat008.xml"]


def test_woo_sitemap_carries_each_report_with_its_diwoo_metadata(client, demo):
    root = xml(client.get("/sitemaps/sitemap-diwoo-infocat008.xml"))
    urls = root.findall(f"{SITEMAP}url")
    assert len(urls) == 8
    by_loc = {url.find(f"{SITEMAP}loc").text: url for url in urls}
    url = by_loc[f"{BASE}/nl/verslagen/{SLUG}/"]
    assert url.find(f"{SITEMAP}lastmod").text == "2019-02-14"
    record = url.find(f"{DIWOO}Document/{DIWOO}DiWoo")
    assert record.find(f"{DIWOO}publisher").get("resource") == UTRECHT
    category = record.find(f".//{DIWOO}informatiecategorie")
    assert category.get("resource") == MEETING_DOCUMENTS


@pytest.mark.parametrize("number", ["001", "999", "abc", "8", "0008"])
def test_a_category_without_documents_has_no_woo_sitemap(client, demo, number):
    assert client.get(f"/sitemaps/sitemapindex-diwoo-infocat{number}.xml").status_code == 404
    assert client.get(f"/sitemaps/sitemap-diwoo-infocat{number}.xml").status_code == 404


def test_diwoo_record_of_a_report(client, demo):
    report = ReportPage.objects.get(slug=SLUG)
    root = xml(client.get(f"/diwoo/{report.pk}.xml"))
    assert root.tag == f"{DIWOO}Document"
    record = root.find(f"{DIWOO}DiWoo")
    identifier = record.find(f"{DIWOO}identifiers/{DIWOO}identifier").text
    assert identifier == f"{BASE}/nl/verslagen/{SLUG}/"
    assert record.find(f"{DIWOO}publisher").get("resource") == UTRECHT
    assert record.find(f"{DIWOO}verantwoordelijke").get("resource") == UTRECHT
    title = record.find(f"{DIWOO}titelcollectie/{DIWOO}officieleTitel").text
    assert title == report.title
    assert record.find(f".//{DIWOO}documentsoort").text == "verslag"
    assert record.find(f"{DIWOO}creatiedatum").text == "2019-01-24"
    language = record.find(f"{DIWOO}language").get("resource")
    assert language == "http://publications.europa.eu/resource/authority/language/NLD"
    assert record.find(f"{DIWOO}format").get("resource").endswith("/file-type/HTML")
    action = record.find(f"{DIWOO}documenthandelingen/{DIWOO}documenthandeling")
    assert action.find(f"{DIWOO}soortHandeling").text == "vaststelling"
    assert action.find(f"{DIWOO}atTime").text.startswith("2019-02-14T")


def test_diwoo_of_an_unpublished_report_is_not_found(client, demo):
    report = ReportPage.objects.get(slug=SLUG)
    report.unpublish()
    assert client.get(f"/diwoo/{report.pk}.xml").status_code == 404
    assert client.get("/diwoo/99999999999999999999.xml").status_code == 404


def test_harvesting_addresses_answer_only_reading(client, demo):
    assert client.post("/robots.txt").status_code == 405
    assert client.post("/sitemap.xml").status_code == 405


@pytest.mark.parametrize(
    "url", ["/sitemap.xml", "/sitemaps/sitemap-diwoo-infocat008.xml", "/robots.txt"]
)
def test_harvesting_lists_cost_the_same_queries_whatever_the_number_of_reports(
    demo, cold_queries_of, url
):
    add_reports(2)
    before = cold_queries_of(url)
    add_reports(5, start=2)
    assert cold_queries_of(url) == before


def test_harvesting_lists_are_cached_until_a_page_changes(
    client, demo, queries_of, django_capture_on_commit_callbacks
):
    assert queries_of("/sitemaps/sitemap-diwoo-infocat008.xml") == 0
    with django_capture_on_commit_callbacks(execute=True):
        add_reports(1)
    root = xml(client.get("/sitemaps/sitemap-diwoo-infocat008.xml"))
    assert len(root.findall(f"{SITEMAP}url")) == 9


def test_a_page_in_both_languages_links_its_translations_and_its_canonical(client, demo):
    html = client.get("/en/about/").content.decode()
    assert f'<link rel="canonical" href="{BASE}/en/about/">' in html
    assert f'<link rel="alternate" hreflang="nl" href="{BASE}/nl/over/">' in html
    assert f'<link rel="alternate" hreflang="en" href="{BASE}/en/about/">' in html


def test_a_django_view_links_its_translations_without_its_query(client, demo):
    html = client.get("/nl/bijeenkomsten/?page=1").content.decode()
    assert f'<link rel="canonical" href="{BASE}/nl/bijeenkomsten/">' in html
    assert f'<link rel="alternate" hreflang="en" href="{BASE}/en/meetings/">' in html


def test_a_page_in_one_language_has_a_canonical_link_and_no_alternates(client, demo):
    html = client.get(f"/en/reports/{SLUG}/").content.decode()
    assert client.get(f"/en/reports/{SLUG}/").status_code == 404 or 'hreflang="nl" href' not in html
    html = client.get(f"/nl/verslagen/{SLUG}/").content.decode()
    assert f'<link rel="canonical" href="{BASE}/nl/verslagen/{SLUG}/">' in html
    assert '<link rel="alternate" hreflang' not in html


def test_an_error_page_has_no_canonical_link(client, demo):
    response = client.get("/nl/bijeenkomsten/bestaat-niet/")
    assert response.status_code == 404
    assert 'rel="canonical"' not in response.content.decode()


def test_every_meeting_host_publishes_its_own_report(client, demo):
    root = xml(client.get("/sitemaps/sitemap-diwoo-infocat008.xml"))
    publishers = {p.get("resource") for p in root.iter(f"{DIWOO}publisher")}
    hosts = Organisation.objects.filter(
        pk__in=Meeting.objects.filter(reports__live=True).values("host")
    )
    assert len(publishers) == hosts.count() > 1


def test_a_report_page_points_to_its_diwoo_metadata(client, demo):
    report = ReportPage.objects.get(slug=SLUG)
    html = client.get(f"/nl/verslagen/{SLUG}/").content.decode()
    link = (
        '<link rel="alternate" type="application/xml" title="Woo-metadata (DiWoo-XML)" '
        f'href="/diwoo/{report.pk}.xml">'
    )
    assert link in html
    assert "/diwoo/" not in client.get("/nl/over/").content.decode()


def test_the_evaluation_report_is_a_research_report_the_lead_publishes(client, demo):
    root = xml(client.get("/sitemaps/sitemap-diwoo-infocat015.xml"))
    (url,) = root.findall(f"{SITEMAP}url")
    assert url.find(f"{SITEMAP}loc").text == f"{BASE}/nl/verslagen/tussentijdse-evaluatie-2019/"
    record = url.find(f"{DIWOO}Document/{DIWOO}DiWoo")
    assert record.find(f"{DIWOO}publisher").get("resource").endswith("/gemeente/gm0606")
    assert record.find(f".//{DIWOO}documentsoort").text == "rapport"
    category = record.find(f".//{DIWOO}informatiecategorie").get("resource")
    assert category == "https://identifier.overheid.nl/tooi/def/thes/kern/c_fdaee95e"
    page = EvaluationReportPage.objects.live().get()
    record = xml(client.get(f"/diwoo/{page.pk}.xml")).find(f"{DIWOO}DiWoo")
    assert record.find(f"{DIWOO}creatiedatum").text == page.as_of.isoformat()
