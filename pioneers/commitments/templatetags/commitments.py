"""Template filters of the commitments' pages."""

from django import template

from pioneers.commitments.models import Status

register = template.Library()


@register.filter
def status_label(value) -> str:
    """A milestone's status in the reader's words ("limited", "beperkt"); empty for none."""
    return str(Status(value).label) if value in Status.values else ""
