"""Language-independent open-data addresses (the API, sitemaps, robots.txt), mounted at the root."""

from django.urls import include, path

app_name = "opendata"

urlpatterns = [
    path("api/v1/", include("pioneers.opendata.api.urls")),
]
