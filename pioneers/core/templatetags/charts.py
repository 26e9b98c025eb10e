"""Template tags for the server-drawn charts of ``pioneers.core.charts``."""

from django import template

from pioneers.core import charts

register = template.Library()


@register.simple_tag
def bar_chart(rows, title, maximum=None, decimals=0, suffix=""):
    """``{% bar_chart rows title=... maximum=100 suffix="%" %}``: rows are (label, value)."""
    return charts.bar_chart(rows, title=title, maximum=maximum, decimals=decimals, suffix=suffix)
