"""The results page: every public indicator with its value, target and trend."""

from django.shortcuts import render
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from pioneers.core.cache import page_depends_on
from pioneers.evaluation import selectors
from pioneers.evaluation.charts import line_chart

DECIMALS = {"count": 0, "percent": 0, "score": 1}


def chart_of(result) -> str:
    decimals = DECIMALS.get(result.unit, 0)
    if result.latest is None:
        return ""
    first, last = result.points[0], result.points[-1]
    label = _(
        "Trend of %(name)s from %(start)s to %(end)s: from %(first)s to %(last)s; "
        "target %(target)s. The table gives every value."
    ) % {
        "name": result.name,
        "start": date_format(first[0]),
        "end": date_format(last[0]),
        "first": number_format(first[1], decimals) if first[1] is not None else "–",
        "last": number_format(last[1], decimals) if last[1] is not None else "–",
        "target": number_format(result.target, decimals),
    }
    return line_chart(result.points, target=result.target, label=label, decimals=decimals)


def results(request):
    page_depends_on(request, selectors.TAG)
    found = selectors.public_results()
    rows = [(result, chart_of(result)) for result in found]
    return render(request, "evaluation/results.html", {"rows": rows})
