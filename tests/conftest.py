"""Shared test set-up: plain static storage (no collectstatic needed) and the demo network."""

import io

import pytest


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def _worker_redis_url(url: str) -> str:
    """A Redis database of this test worker's own: emptying the cache must not empty another
    worker's. The suite runs in parallel (pytest-xdist); worker gwN takes database base+1+N."""
    import os
    from urllib.parse import urlsplit, urlunsplit

    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker.startswith("gw"):
        return url
    parts = urlsplit(url)
    base = int(parts.path.strip("/") or 0)
    database = (base + 1 + int(worker[2:])) % 16
    return urlunsplit(parts._replace(path=f"/{database}"))


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Redis when REDIS_URL is set; otherwise local memory, never the file cache of `make run`."""
    backend = settings.CACHES["default"]["BACKEND"]
    if "filebased" in backend:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    elif "redis" in backend:
        location = _worker_redis_url(settings.CACHES["default"]["LOCATION"])
        if location != settings.CACHES["default"]["LOCATION"]:
            settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": location}}
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _network_language():
    """Each test starts in the network's language: a request to an /en/ page activates English
    for the rest of the thread, and URLs reversed after it would be English ones."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo once per test database; each test's transaction rolls its changes back."""
    from django.test import override_settings

    from pioneers.demo.loader import load_demo
    from tests.demo import take_snapshot

    with django_db_blocker.unblock(), override_settings(TASKS=IMMEDIATE_TASKS):
        load_demo(io.StringIO())
        take_snapshot()


@pytest.fixture
def demo(db):
    """The demo network: pages in Dutch and English, two accounts, three organisations.

    The session loaded it once; after transactional tests, which empty the database, it is
    restored from the snapshot taken then.
    """
    from tests.demo import load_test_demo

    load_test_demo()


@pytest.fixture(autouse=True)
def _tasks_run_immediately(settings, request):
    """Tasks run at once in tests; tests/core/test_tasks.py exercises the real queue backends."""
    if "real_task_backend" in request.fixturenames:
        return
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def real_task_backend():
    """Keep the configured queue (database, or RQ when REDIS_URL is set) for this test."""
    from django.conf import settings

    return settings.TASKS["default"]["BACKEND"]


@pytest.fixture
def no_page_cache(settings):
    """Every request renders its page: for tests that count the queries of a page."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def queries_of(client, no_page_cache):
    """How many database queries a GET of a URL makes once the caches are warm.

    For the query-count tests of list pages: count at one size, add rows, count again.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url: str) -> int:
        client.get(url)  # warm the caches that any data change expires
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    return count


@pytest.fixture
def cold_queries_of(client, no_page_cache):
    """How many database queries a GET of a URL makes with every cache empty: for pages whose
    heavy blocks are cached whole, so that a warm count alone would prove nothing."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(url: str) -> int:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    return count


@pytest.fixture
def media(settings, tmp_path):
    """Media files (uploads, built PDFs) in a folder of this test's own."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
