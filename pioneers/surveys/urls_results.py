"""URLs of a survey's results: the results page, the comparison with the previous round and the
exports; the path words are translated per language."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.surveys import views_results as views

app_name = "survey_results"
urlpatterns = [
    path(pgettext_lazy("URL", "surveys/<slug:slug>/results/"), views.results, name="results"),
    path(
        pgettext_lazy("URL", "surveys/<slug:slug>/results/comparison/"),
        views.comparison,
        name="comparison",
    ),
    path(
        pgettext_lazy("URL", "surveys/<slug:slug>/results.csv"),
        views.export_csv,
        name="export_csv",
    ),
    path(
        pgettext_lazy("URL", "surveys/<slug:slug>/results.xlsx"),
        views.export_xlsx,
        name="export_xlsx",
    ),
]
