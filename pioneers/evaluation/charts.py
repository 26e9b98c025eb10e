"""An indicator's trend as a chart (``core.charts.line_chart``), described for screen readers;
the page shows the numbers in a table beside it."""

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from pioneers.core.charts import line_chart

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
    return line_chart(result.points, title=label, target=result.target, decimals=decimals)
