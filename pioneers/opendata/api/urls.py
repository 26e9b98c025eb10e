"""/api/v1/: ninja's endpoints and OpenAPI document, each wrapped in the API's HTTP rules (CORS,
rate limit, read only), and the server-rendered docs page beside them."""

from django.urls import path

from pioneers.opendata.api.docs import api_docs
from pioneers.opendata.api.http import api_view
from pioneers.opendata.api.views import QUERY_PARAMETERS, api

_patterns, _app_name, _namespace = api.urls
app_name = "api"
for _pattern in _patterns:
    _pattern.callback = api_view(_pattern.callback)
    _pattern.callback.query_parameters = QUERY_PARAMETERS.get(str(_pattern.pattern), set())

urlpatterns = [
    path("docs", api_view(api_docs), name="docs"),
    *_patterns,
]
