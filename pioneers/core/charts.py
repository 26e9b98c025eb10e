"""Charts drawn on the server as SVG: no JavaScript, no inline style (the CSP allows none).

Each function returns safe SVG markup with ``role="img"``, a ``<title>`` and an ``aria-label``;
a chart never stands alone: the page shows its numbers in a table beside it, which is what a
screen reader reads. Colours come from ``currentColor`` (the text colour of the theme) and
presentation attributes, so a chart follows the theme and prints. Add a chart kind as one more
function here that builds on ``_svg`` and ``_text``.
"""

import datetime
from collections.abc import Sequence
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# Sizes in SVG user units; the chart scales to the width of its container (width="100%").
WIDTH = 640
LABEL_WIDTH = 220
VALUE_WIDTH = 70
BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_CHARACTERS = 32


def format_value(value, decimals: int = 0) -> str:
    """A number in the reader's language (1.234,5 in Dutch)."""
    if value is None:
        return ""
    return number_format(Decimal(str(value)), decimal_pos=decimals, use_l10n=True)


def shorten(label: str, characters: int = LABEL_CHARACTERS) -> str:
    """A label that fits beside a bar; the table beside the chart holds the whole of it."""
    label = " ".join(str(label).split())
    return label if len(label) <= characters else label[: characters - 1].rstrip() + "…"


def _text(x, y, content, *, anchor="start", extra="", small=False) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" dominant-baseline="middle" '
        f'fill="currentColor" font-size="{12 if small else 14}"{extra}>{escape(content)}</text>'
    )


def _svg(width: float, height: float, title: str, body: list[str]) -> SafeString:
    """The outer element: scalable, labelled, one image for assistive technology."""
    return mark_safe(  # noqa: S308 (every text in body went through escape)
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" class="pioneers-chart" role="img" '
            'width="100%" viewBox="0 0 {} {}" preserveAspectRatio="xMinYMin meet" '
            'aria-label="{}" focusable="false"><title>{}</title>',
            f"{width:g}",
            f"{height:g}",
            title,
            title,
        )
        + "".join(body)
        + "</svg>"
    )


def bar_chart(
    rows: Sequence[tuple[str, float | int | Decimal | None]],
    *,
    title: str,
    maximum: float | int | Decimal | None = None,
    decimals: int = 0,
    suffix: str = "",
) -> SafeString:
    """Horizontal bars, one per (label, value) row, the value written at the end of each bar.

    ``maximum`` is the value of a full bar (100 for percentages); by default the largest value.
    A row whose value is None gets no bar and a dash. An empty chart is an empty string.
    """
    if not rows:
        return mark_safe("")  # noqa: S308
    values = [float(value) for _label, value in rows if value is not None]
    top = float(maximum) if maximum is not None else max(values, default=0.0)
    bar_space = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    step = BAR_HEIGHT + BAR_GAP
    height = len(rows) * step + BAR_GAP
    body = []
    for index, (label, value) in enumerate(rows):
        y = BAR_GAP + index * step
        middle = y + BAR_HEIGHT / 2
        body.append(_text(LABEL_WIDTH - 8, middle, shorten(label), anchor="end"))
        if value is None:
            body.append(_text(LABEL_WIDTH + 4, middle, "–"))
            continue
        share = 0.0 if top <= 0 else max(0.0, min(float(value) / top, 1.0))
        length = bar_space * share
        # A thin frame shows the whole scale, so a short bar still reads as part of it.
        body.append(
            f'<rect x="{LABEL_WIDTH:g}" y="{y:g}" width="{bar_space:g}" height="{BAR_HEIGHT:g}" '
            'fill="none" stroke="currentColor" stroke-opacity="0.25"/>'
        )
        if length > 0:
            body.append(
                f'<rect x="{LABEL_WIDTH:g}" y="{y:g}" width="{length:.1f}" '
                f'height="{BAR_HEIGHT:g}" fill="currentColor" fill-opacity="0.75"/>'
            )
        body.append(
            _text(LABEL_WIDTH + bar_space + 6, middle, format_value(value, decimals) + suffix)
        )
    return _svg(WIDTH, height, title, body)


# A line chart's plot area inside its WIDTH x LINE_HEIGHT box.
LINE_HEIGHT = 220
LINE_LEFT, LINE_RIGHT, LINE_TOP, LINE_BOTTOM = 56, 16, 20, 32


def line_chart(
    points: Sequence[tuple[datetime.date, float | int | Decimal | None]],
    *,
    title: str,
    target: float | int | Decimal | None = None,
    decimals: int = 0,
) -> SafeString:
    """A line through (date, value) points over time, with a gap where a value is None, the
    last value written at its end, and ``target`` as a dashed line. An empty chart is an empty
    string."""
    if not points:
        return mark_safe("")  # noqa: S308
    known = [(day, float(value)) for day, value in points if value is not None]
    values = [value for _day, value in known] + ([float(target)] if target is not None else [])
    low = min([0.0, *values])
    high = max([*values, 1.0]) * 1.1
    start, end = points[0][0], points[-1][0]
    span = max((end - start).days, 1)
    plot_w = WIDTH - LINE_LEFT - LINE_RIGHT
    plot_h = LINE_HEIGHT - LINE_TOP - LINE_BOTTOM

    def x(day) -> float:
        return LINE_LEFT + plot_w * (day - start).days / span

    def y(value) -> float:
        return LINE_TOP + plot_h - plot_h * (float(value) - low) / (high - low)

    bottom = LINE_TOP + plot_h
    body = [
        f'<path d="M{LINE_LEFT} {LINE_TOP}V{bottom}H{WIDTH - LINE_RIGHT}" fill="none" '
        'stroke="currentColor" stroke-opacity="0.6"/>'
    ]
    for tick in (low, (low + high) / 2, high):
        body.append(_text(LINE_LEFT - 6, y(tick), format_value(tick), anchor="end", small=True))
    body.append(
        _text(LINE_LEFT, LINE_HEIGHT - 10, date_format(start, "YEAR_MONTH_FORMAT"), small=True)
    )
    body.append(
        _text(
            WIDTH - LINE_RIGHT,
            LINE_HEIGHT - 10,
            date_format(end, "YEAR_MONTH_FORMAT"),
            anchor="end",
            small=True,
        )
    )
    if target is not None:
        body.append(
            f'<line x1="{LINE_LEFT}" y1="{y(target):.1f}" x2="{WIDTH - LINE_RIGHT}" '
            f'y2="{y(target):.1f}" stroke="#a3161b" stroke-width="1.5" stroke-dasharray="6 4"/>'
        )
    segments: list[list[str]] = [[]]
    for day, value in points:
        if value is None:
            segments.append([])
        else:
            segments[-1].append(f"{x(day):.1f},{y(value):.1f}")
    for segment in filter(None, segments):
        body.append(
            f'<polyline points="{" ".join(segment)}" fill="none" stroke="currentColor" '
            'stroke-width="2.5"/>'
        )
    if known:
        day, value = known[-1]
        body.append(f'<circle cx="{x(day):.1f}" cy="{y(value):.1f}" r="4" fill="currentColor"/>')
        body.append(
            _text(
                min(x(day), WIDTH - LINE_RIGHT - 4),
                y(value) - 12,
                format_value(value, decimals),
                anchor="end",
                extra=' font-weight="bold"',
            )
        )
    return _svg(WIDTH, LINE_HEIGHT, title, body)
