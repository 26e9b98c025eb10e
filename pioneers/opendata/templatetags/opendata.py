"""Template tags of open data: the link from a report's page to its DiWoo metadata."""

from django import template
from django.urls import reverse

from pioneers.evaluation.models import EvaluationReportPage
from pioneers.reports.models import ReportPage

register = template.Library()


@register.simple_tag(takes_context=True)
def diwoo_url(context) -> str:
    """The address of the DiWoo metadata of the report (of a meeting or of the evaluation)
    this page shows; empty elsewhere."""
    page = context.get("page")
    if isinstance(page, ReportPage | EvaluationReportPage) and page.live:
        return reverse("opendata:diwoo", kwargs={"pk": page.pk})
    return ""
