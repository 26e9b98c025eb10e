"""Schemathesis against the API's own OpenAPI document: requests generated from the schema
(valid and invalid) never get a server error nor an answer the document does not describe."""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from pioneers.opendata.api.views import api

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"))


@pytest.fixture
def api_app(demo, settings):
    settings.API_RATE_PER_MINUTE = 1_000_000
    settings.ALLOWED_HOSTS = ["*"]
    # As Django's test client does: the end of a request must not close the test's connection
    # (on PostgreSQL that would end the test's transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_openapi_document(case, api_app):
    case.call_and_validate(app=api_app, base_url="http://testserver")
