"""The results page: every public indicator with its value, target and trend."""

from django.shortcuts import render

from pioneers.core.cache import page_depends_on
from pioneers.evaluation import selectors
from pioneers.evaluation.rendered import results_html


def results(request):
    page_depends_on(request, selectors.TAG)
    return render(request, "evaluation/results.html", {"results": results_html()})
