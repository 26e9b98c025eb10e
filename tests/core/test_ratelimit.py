"""The rate limits of email-sending forms count exactly on every cache the site runs on."""

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.cache import cache
from django.test import override_settings
from freezegun import freeze_time

from pioneers.core.ratelimit import RateLimited, count, first_time

BACKENDS = {
    "local memory": lambda tmp_path: {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": str(tmp_path),
    },
    # What `make run` uses: the web workers and the task worker share it.
    "files": lambda tmp_path: {
        "BACKEND": "pioneers.core.filebased.AtomicFileBasedCache",
        "LOCATION": str(tmp_path / "cache"),
    },
}
if os.environ.get("REDIS_URL"):
    BACKENDS["redis"] = lambda tmp_path: {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": f"test-ratelimit-{tmp_path.name}",
    }


@pytest.fixture(params=sorted(BACKENDS))
def each_cache(request, tmp_path):
    with override_settings(CACHES={"default": BACKENDS[request.param](tmp_path)}):
        cache.clear()
        yield request.param
        cache.clear()


def test_the_limit_counts_every_request_when_many_come_at_once(each_cache):
    """Eight threads at once: exactly `limit` pass, however the requests interleave."""
    limit, attempts = 30, 80
    passed = []
    start = threading.Barrier(8)

    def one(n):
        if n < 8:
            start.wait()
        try:
            count("test:storm", limit)
        except RateLimited:
            return
        passed.append(n)

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(one, range(attempts)))
    assert len(passed) == limit


def test_the_window_lasts_an_hour_and_then_opens_again(each_cache):
    if each_cache == "redis":
        pytest.skip("Redis keeps its own clock")
    with freeze_time("2027-03-01 10:00:00") as clock:
        for _ in range(3):
            count("test:hour", 3)
        clock.tick(50 * 60)  # Django's file cache forgot a counter's expiry after 5 minutes
        with pytest.raises(RateLimited) as refused:
            count("test:hour", 3)
        assert 9 * 60 <= refused.value.retry_after <= 10 * 60
        assert "Probeer het over 10 minuten opnieuw" in str(refused.value)
        clock.tick(11 * 60)
        count("test:hour", 3)


def test_first_time_is_true_once_for_all_threads(each_cache):
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _n: first_time("test:once", 60), range(40)))
    assert answers.count(True) == 1
