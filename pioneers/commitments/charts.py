"""The timeline of a commitment: every milestone's planned and actual period, drawn on the server
as SVG like the charts of ``pioneers.core.charts`` (the page shows the same dates in a table)."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from pioneers.core.charts import WIDTH, _svg, _text, shorten

LABEL_WIDTH = 150
ROW_HEIGHT = 34
BAR = 10
TOP = 34  # room for the legend
BOTTOM = 26  # room for the first and last year


@dataclass
class Span:
    label: str
    planned_start: datetime.date
    planned_end: datetime.date
    actual_start: datetime.date | None
    actual_end: datetime.date | None  # None while it runs: the bar ends today


def timeline_chart(
    rows: Sequence[Span], *, title: str, description: str = "", today: datetime.date | None = None
) -> SafeString:
    """Per milestone an outlined bar for the planned period and a filled one under it for the
    actual period (up to today while it runs); a dashed line marks today. Empty without rows."""
    if not rows:
        return mark_safe("")  # noqa: S308
    today = today or timezone.localdate()
    days = [d for row in rows for d in (row.planned_start, row.planned_end, row.actual_start)]
    days += [row.actual_end or today for row in rows if row.actual_start]
    days = [d for d in days if d]
    start, end = min(days), max(days)
    span = max((end - start).days, 1)
    plot = WIDTH - LABEL_WIDTH - 16

    def x(day: datetime.date) -> float:
        return LABEL_WIDTH + plot * (day - start).days / span

    height = TOP + len(rows) * ROW_HEIGHT + BOTTOM
    body = [f"<desc>{escape(description)}</desc>"] if description else []
    body += [
        # The legend: what an outlined and a filled bar mean.
        f'<rect x="{LABEL_WIDTH}" y="8" width="24" height="{BAR}" fill="none" '
        'stroke="currentColor" stroke-width="1.5"/>',
        _text(LABEL_WIDTH + 30, 13, _("planned"), small=True),
        f'<rect x="{LABEL_WIDTH + 120}" y="8" width="24" height="{BAR}" fill="currentColor" '
        'fill-opacity="0.75"/>',
        _text(LABEL_WIDTH + 150, 13, _("actual"), small=True),
    ]
    for index, row in enumerate(rows):
        y = TOP + index * ROW_HEIGHT
        body.append(_text(LABEL_WIDTH - 8, y + BAR + 1, shorten(row.label, 18), anchor="end"))
        left, right = x(row.planned_start), x(row.planned_end)
        body.append(
            f'<rect x="{left:.1f}" y="{y + 2}" width="{max(right - left, 2):.1f}" '
            f'height="{BAR}" fill="none" stroke="currentColor" stroke-width="1.5"/>'
        )
        if row.actual_start:
            left, right = x(row.actual_start), x(row.actual_end or today)
            body.append(
                f'<rect x="{left:.1f}" y="{y + BAR + 4}" width="{max(right - left, 2):.1f}" '
                f'height="{BAR}" fill="currentColor" fill-opacity="0.75"/>'
            )
    bottom = TOP + len(rows) * ROW_HEIGHT
    if start <= today <= end:
        body.append(
            f'<line x1="{x(today):.1f}" y1="{TOP - 4}" x2="{x(today):.1f}" y2="{bottom}" '
            'stroke="#a3161b" stroke-width="1.5" stroke-dasharray="4 3"/>'
        )
    body.append(
        f'<path d="M{LABEL_WIDTH} {bottom}H{LABEL_WIDTH + plot}" stroke="currentColor" '
        'stroke-opacity="0.6"/>'
    )
    body.append(
        _text(LABEL_WIDTH, bottom + 14, date_format(start, "YEAR_MONTH_FORMAT"), small=True)
    )
    body.append(
        _text(
            LABEL_WIDTH + plot,
            bottom + 14,
            date_format(end, "YEAR_MONTH_FORMAT"),
            anchor="end",
            small=True,
        )
    )
    return _svg(WIDTH, height, title, body)
