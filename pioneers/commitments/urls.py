"""URLs of the commitments' public pages and issued progress reports; the path words are
translated."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.commitments import urls_reports, views

app_name = "commitments"
urlpatterns = [
    path(pgettext_lazy("URL", "commitments/"), views.index, name="index"),
    path(pgettext_lazy("URL", "commitments/<str:code>/"), views.commitment, name="commitment"),
    path(
        pgettext_lazy("URL", "commitments/<str:code>/costs.csv"), views.costs_csv, name="costs_csv"
    ),
    path(
        pgettext_lazy("URL", "commitments/<str:code>/costs.json"),
        views.costs_json,
        name="costs_json",
    ),
    *urls_reports.urlpatterns,
]
