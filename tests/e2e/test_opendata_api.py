"""The API's docs page in a real browser: axe's WCAG 2.1 A/AA rules and the page checks, in
Dutch and English (the page follows the browser's language)."""

import pytest

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("language", ["nl", "en"])
def test_api_docs_page_is_accessible(site, page, audit, language):
    # The browser's profile is Dutch; the page follows the Accept-Language it is sent.
    page.route(
        "**/api/v1/docs",
        lambda route: route.continue_(
            headers={**route.request.headers, "accept-language": language}
        ),
    )
    response = page.goto(site + "/api/v1/docs")

    assert response.status == 200
    problems = audit(language, where=f"/api/v1/docs ({language})")
    assert not problems, "\n".join(problems)
    assert page.locator("h3", has_text="/api/v1/meetings").count() == 1
    assert page.locator('a[href="/api/v1/openapi.json"]').count() == 1


@pytest.mark.parametrize("language", ["nl", "en"])
def test_open_data_page_lists_the_datasets_accessibly(site, page, audit, language):
    from pioneers.opendata.datasets import DATASETS

    response = page.goto(f"{site}/{language}/open-data/")

    assert response.status == 200
    problems = audit(language)
    rows = page.locator("table.pioneers-datasets tbody tr")
    assert rows.count() == len(DATASETS)
    # A dataset's field list opens from the keyboard.
    summary = rows.first.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert rows.first.locator(".pioneers-fields li").first.is_visible()
    problems += audit(language, where=f"/{language}/open-data/ with a field list open")
    assert not problems, "\n".join(problems)
    # The first download is the dataset as CSV.
    href = rows.first.locator("a", has_text="CSV").get_attribute("href")
    download = page.request.get(site + href)
    assert download.ok
    assert download.headers["content-type"].startswith("text/csv")
    assert rows.locator('a[rel="license"]').count() == len(DATASETS)
