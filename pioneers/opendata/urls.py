"""Language-independent open-data addresses (the API, sitemaps, robots.txt), mounted at the root."""

from django.urls import include, path

from pioneers.opendata import views

app_name = "opendata"

urlpatterns = [
    # Harvesting (robots.txt, sitemaps, DiWoo): pioneers/opendata/views.py.
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("sitemaps/sitemapindex-diwoo-infocat<str:number>.xml", views.woo_index, name="woo_index"),
    path("sitemaps/sitemap-diwoo-infocat<str:number>.xml", views.woo_sitemap, name="woo_sitemap"),
    path("diwoo/<id:pk>.xml", views.diwoo, name="diwoo"),
    path("api/v1/", include("pioneers.opendata.api.urls")),
]
