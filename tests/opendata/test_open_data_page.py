"""The open-data page: every dataset of the registry with its downloads, API address and
licence (as rel="license" links), the full dump, the feeds, the widgets and the harvesters'
files, in Dutch and English; and /open-data/, the address the catalogue's datasets point to."""

import re

import pytest
from django.core.cache import cache
from django.test import override_settings

from pioneers.core.licences import DATA_LICENCE, TEXT_LICENCES
from pioneers.core.models import NetworkSettings
from pioneers.opendata.datasets import DATASETS
from pioneers.opendata.exports import build_dump
from pioneers.opendata.models import OpenDataPage
from tests.opendata.test_harvesting import add_reports

PAGES = {"nl": "/nl/open-data/", "en": "/en/open-data/"}


def rows(html: str) -> dict[str, str]:
    """Each dataset row of the table by its id (the dataset's slug)."""
    return dict(re.findall(r'<tr class="utrecht-table__row" id="([a-z-]+)">(.*?)</tr>', html, re.S))


def licence_links(html: str) -> list[str]:
    return re.findall(r'<a class="utrecht-link" rel="license" href="([^"]+)"', html)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_page_lists_every_dataset_with_its_formats_and_licence(client, demo, language):
    response = client.get(PAGES[language])
    html = response.content.decode()

    assert response.status_code == 200
    found = rows(html)
    assert sorted(found) == sorted(DATASETS)
    for slug, dataset in DATASETS.items():
        row = found[slug]
        assert f'href="/open-data/{slug}.csv"' in row
        assert f'href="/open-data/{slug}.json"' in row
        assert f"/api/v1/{dataset.path}</code>" in row
        assert f'rel="license" href="{dataset.licence().url}"' in row
        # Each field of the download is named.
        for name, _description in dataset.fields():
            assert f'<code class="utrecht-code">{name}</code>' in row
    assert DATA_LICENCE.url in licence_links(html)
    heading = {"nl": "Alles in één keer", "en": "Everything at once"}[language]
    assert heading in html
    # The harvesters' files and the catalogue are linked and announced.
    for address in ("/open-data/catalogue.ttl", "/open-data/catalogue.jsonld", "/sitemap.xml"):
        assert f'href="{address}"' in html
    assert 'rel="alternate" type="text/turtle"' in html
    assert "/sitemaps/sitemapindex-diwoo-infocat008.xml" in html
    assert 'href="/api/v1/docs"' in html


def test_each_download_and_api_link_on_the_page_answers(client, demo):
    html = client.get("/en/open-data/").content.decode()
    links = set(re.findall(r'href="(/open-data/[a-z-]+\.(?:csv|json)|/api/v1/docs#[a-z_]+)"', html))

    assert len(links) == 3 * len(DATASETS)
    for link in links:
        response = client.get(link)
        assert response.status_code == 200, link
    docs = client.get("/api/v1/docs").content.decode()
    for link in links:
        if "#" in link:
            assert f'id="{link.split("#")[1]}"' in docs, link


def test_the_text_licence_follows_the_network_settings(
    client, demo, django_capture_on_commit_callbacks
):
    client.get("/en/open-data/")  # in the page cache now
    settings = NetworkSettings.load()
    settings.text_licence = "cc-by-sa-4.0"
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()

    html = client.get("/en/open-data/").content.decode()

    texts = [slug for slug, dataset in DATASETS.items() if dataset.has_texts]
    assert texts
    for slug in texts:
        assert TEXT_LICENCES["cc-by-sa-4.0"].url in rows(html)[slug]
    assert "CC BY-SA 4.0" in html


def test_the_dump_is_linked_once_built_even_from_the_page_cache(client, demo, media):
    assert "/open-data/pioneers-open-data.zip" not in client.get("/en/open-data/").content.decode()
    assert client.get("/en/open-data/")["X-Cache"] == "hit"

    build_dump()

    html = client.get("/en/open-data/").content.decode()
    assert 'href="/open-data/pioneers-open-data.zip"' in html
    assert "ZIP, " in html
    download = client.get("/open-data/pioneers-open-data.zip")
    assert download.status_code == 200
    assert f'<{DATA_LICENCE.url}>; rel="license"' in download["Link"]
    assert f'<{TEXT_LICENCES["cc-by-4.0"].url}>; rel="license"' in download["Link"]
    download.close()
    # The dump's licences are named beside it, as links machines read.
    assert len(licence_links(html)) == len(DATASETS) + 2


@pytest.mark.parametrize("language", ["nl", "en"])
def test_open_data_address_leads_to_the_page_in_the_readers_language(client, demo, language):
    response = client.get("/open-data/", headers={"accept-language": language})

    assert response.status_code == 302
    assert response["Location"].endswith(PAGES[language])


def test_open_data_address_is_not_found_without_a_page(client, demo):
    for page in OpenDataPage.objects.all():
        page.unpublish()
    cache.clear()

    assert client.get("/open-data/", follow=True).status_code == 404


def test_the_catalogue_points_its_datasets_at_the_page(client, demo):
    turtle = client.get("/open-data/catalogue.ttl").content.decode()

    for slug in DATASETS:
        assert f"<http://127.0.0.1:8000/open-data/#{slug}>" in turtle


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_page_takes_the_same_queries_with_more_reports(queries_of, demo):
    # The Woo sitemaps it lists come from the published reports.
    before = queries_of("/en/open-data/")
    add_reports(4)
    cache.clear()
    queries_of("/en/open-data/")  # the caches warm again

    assert queries_of("/en/open-data/") == before


def test_editors_can_add_the_page_only_once_under_a_home(demo):
    from pioneers.publications.models import HomePage

    home = HomePage.objects.get(locale__language_code="nl")
    assert OpenDataPage.can_create_at(home) is False
    assert OpenDataPage.objects.live().count() == 2
