"""Each API test starts with no requests counted against the rate limit in this process."""

import pytest

from pioneers.core import ratelimit


@pytest.fixture(autouse=True)
def _no_api_requests_counted():
    ratelimit._unsent.clear()
    yield
    ratelimit._unsent.clear()
