"""Language-independent open-data addresses (the API, sitemaps, robots.txt), mounted at the root."""

app_name = "opendata"

urlpatterns = []
