"""A trend as a server-drawn SVG line chart: no JavaScript, the numbers in a table beside it."""

import datetime
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 32


def _scale(value, low, high, size):
    return size * (float(value) - low) / (high - low) if high > low else size / 2


def line_chart(
    points: list[tuple[datetime.date, Decimal | None]],
    *,
    target: Decimal | None,
    label: str,
    decimals: int = 0,
) -> SafeString:
    """A line through the points (a gap where a value is None) with the target as a dashed
    line. ``label`` describes the chart for screen readers; the table beside it gives the
    numbers."""
    known = [(d, v) for d, v in points if v is not None]
    values = [float(v) for _d, v in known] + ([float(target)] if target is not None else [])
    low = min([0.0, *values])
    high = max([*values, 1.0]) * 1.1
    days = [d for d, _v in points]
    start = min(days) if days else datetime.date.today()
    end = max(days) if days else start
    span = max((end - start).days, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day):
        return LEFT + plot_w * (day - start).days / span

    def y(value):
        return TOP + plot_h - _scale(value, low, high, plot_h)

    parts = [
        f'<svg class="pioneers-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(label)}" focusable="false">',
        f'<line class="pioneers-chart__axis" x1="{LEFT}" y1="{TOP + plot_h}" '
        f'x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" stroke="#595959"/>',
        f'<line class="pioneers-chart__axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" '
        f'y2="{TOP + plot_h}" stroke="#595959"/>',
    ]
    for tick in (low, (low + high) / 2, high):
        parts.append(
            f'<text class="pioneers-chart__tick" x="{LEFT - 6}" y="{y(tick) + 4:.1f}" '
            f'text-anchor="end" aria-hidden="true">{number_format(tick, 0)}</text>'
        )
    if days:
        for day, anchor in ((start, "start"), (end, "end")):
            parts.append(
                f'<text class="pioneers-chart__tick" x="{x(day):.1f}" y="{HEIGHT - 8}" '
                f'text-anchor="{anchor}" aria-hidden="true">'
                f"{escape(date_format(day, 'YEAR_MONTH_FORMAT'))}</text>"
            )
    if target is not None:
        parts.append(
            f'<line class="pioneers-chart__target" x1="{LEFT}" y1="{y(target):.1f}" '
            f'x2="{WIDTH - RIGHT}" y2="{y(target):.1f}" stroke="#a3161b" stroke-dasharray="6 4"/>'
        )
    # A gap where there was nothing to count.
    segment: list[str] = []
    segments = []
    for day, value in points:
        if value is None:
            if segment:
                segments.append(segment)
            segment = []
        else:
            segment.append(f"{x(day):.1f},{y(value):.1f}")
    if segment:
        segments.append(segment)
    for segment in segments:
        parts.append(
            f'<polyline class="pioneers-chart__line" points="{" ".join(segment)}" '
            'fill="none" stroke="currentColor" stroke-width="2.5"/>'
        )
    if known:
        day, value = known[-1]
        parts.append(
            f'<circle class="pioneers-chart__point" cx="{x(day):.1f}" cy="{y(value):.1f}" r="4"/>'
        )
        parts.append(
            f'<text class="pioneers-chart__value" x="{min(x(day), WIDTH - RIGHT - 4):.1f}" '
            f'y="{y(value) - 10:.1f}" text-anchor="end" aria-hidden="true">'
            f"{number_format(value, decimals)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 — built from numbers and escaped text


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
