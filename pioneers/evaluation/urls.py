"""URLs of the evaluation app; the path words are translated."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.evaluation import views

app_name = "evaluation"
urlpatterns = [
    path(pgettext_lazy("URL", "results/"), views.results, name="results"),
]
