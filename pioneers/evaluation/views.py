"""The results page: every public indicator with its value, target and trend."""

from django.shortcuts import render

from pioneers.core.cache import page_depends_on
from pioneers.evaluation import selectors
from pioneers.evaluation.charts import chart_of


def results(request):
    page_depends_on(request, selectors.TAG)
    found = selectors.public_results()
    rows = [(result, chart_of(result)) for result in found]
    return render(request, "evaluation/results.html", {"rows": rows})
