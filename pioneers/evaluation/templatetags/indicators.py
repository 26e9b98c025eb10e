"""``{{ value|indicator_value:unit }}``: an indicator's value as the pages show it."""

from django import template
from django.template.defaultfilters import floatformat

from pioneers.evaluation.charts import DECIMALS

register = template.Library()


@register.filter
def indicator_value(value, unit) -> str:
    """A percentage with its sign, a score with one decimal, a count whole; "–" for no value."""
    if value is None:
        return "–"
    shown = floatformat(value, str(DECIMALS.get(unit, 0)))
    return f"{shown}%" if unit == "percent" else shown
