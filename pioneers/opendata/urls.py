"""Language-independent open-data addresses (the API, sitemaps, robots.txt), mounted at the root."""

from django.urls import include, path

from pioneers.opendata import downloads, views

app_name = "opendata"

urlpatterns = [
    # Harvesting (robots.txt, sitemaps, DiWoo): pioneers/opendata/views.py.
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("sitemaps/sitemapindex-diwoo-infocat<str:number>.xml", views.woo_index, name="woo_index"),
    path("sitemaps/sitemap-diwoo-infocat<str:number>.xml", views.woo_sitemap, name="woo_sitemap"),
    path("diwoo/<id:pk>.xml", views.diwoo, name="diwoo"),
    # Datasets as files and the full dump: pioneers/opendata/downloads.py.
    path("open-data/", views.open_data_page, name="index"),
    path("open-data/pioneers-open-data.zip", downloads.dump_download, name="dump"),
    path("open-data/catalogue.<slug:fmt>", downloads.catalogue, name="catalogue"),
    path("open-data/<slug:dataset>.<slug:fmt>", downloads.dataset_download, name="download"),
    path("api/v1/", include("pioneers.opendata.api.urls")),
]
