"""Issue 17, exports: each dataset as CSV and JSON equal to the API, and the full dump."""

import csv
import io
import json
import time
import zipfile

import pytest
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pioneers.core import chores
from pioneers.opendata import exports
from pioneers.opendata.datasets import DATASETS
from tests.factories import OrganisationFactory

NAMES = sorted(DATASETS)


def _api_items(client, path):
    items, cursor = [], ""
    while True:
        page = client.get(f"/api/v1/{path}?limit=100{cursor}").json()
        items += page["items"]
        if not page["next_cursor"]:
            return items
        cursor = f"&cursor={page['next_cursor']}"


@pytest.mark.parametrize("name", NAMES)
def test_json_download_equals_the_api(client, demo, name):
    response = client.get(f"/open-data/{name}.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["licence"] == DATASETS[name].licence().url
    assert body["items"] == _api_items(client, DATASETS[name].path)
    assert 'rel="license"' in response["Link"]


@pytest.mark.parametrize("name", NAMES)
def test_csv_download_has_a_bom_a_header_and_every_row(client, demo, name):
    response = client.get(f"/open-data/{name}.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == [field for field, _ in DATASETS[name].fields()]
    assert len(rows) - 1 == len(_api_items(client, DATASETS[name].path))


def test_csv_cells_that_spreadsheets_would_run_are_quoted(client, demo):
    OrganisationFactory(name='=HYPERLINK("http://evil")')
    text = client.get("/open-data/organisations.csv").content.decode()
    assert "'=HYPERLINK" in text
    assert ",=HYPERLINK" not in text and '"=HYPERLINK' not in text


@pytest.mark.parametrize("address", ["/open-data/nothing.csv", "/open-data/topics.xlsx"])
def test_unknown_dataset_or_format_is_not_found(client, demo, address):
    assert client.get(address).status_code == 404


def test_a_download_takes_the_same_queries_for_few_and_more_rows(client, demo):
    counts = []
    for extra in (0, 30):
        OrganisationFactory.create_batch(extra)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/open-data/organisations.csv").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_dump_is_built_from_the_demo_by_the_task_and_served(client, demo, media):
    assert client.get("/open-data/pioneers-open-data.zip").status_code == 404
    started = time.monotonic()
    exports.build_dump()
    seconds = time.monotonic() - started
    print(f"dump built in {seconds:.2f} s")
    response = client.get("/open-data/pioneers-open-data.zip")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    names = set(archive.namelist())
    for name in NAMES:
        assert {f"{name}.csv", f"{name}.json"} <= names
    readme = archive.read("README.md").decode()
    assert "cbs_code" in readme and "Licence" in readme and "Licentie" in readme
    assert "creativecommons.org/publicdomain/zero" in archive.read("LICENCE.txt").decode()
    topics = json.loads(archive.read("topics.json"))["items"]
    assert [t["slug"] for t in topics] == [t["slug"] for t in _api_items(client, "topics")]


def test_the_nightly_chore_queues_the_dump_once_a_day(demo, media):
    cache.delete("opendata:dump-queued")
    assert "opendata_dump" in [name for name, _func in chores.registered()]
    assert exports.dump_if_due() is True  # tasks run at once in tests
    assert default_storage.exists(exports.DUMP_NAME)
    cache.delete("opendata:dump-queued")
    assert exports.dump_if_due() is False  # fresh: nothing to do
