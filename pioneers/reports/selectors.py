"""Reads of reports: a person's comments on report drafts."""

from pioneers.meetings.selectors import registrations_of
from pioneers.reports.models import DraftComment


def own_comments(user):
    """A person's comments on report drafts, newest first, with their report."""
    return (
        DraftComment.objects.filter(registration__in=registrations_of(user))
        .select_related("report")
        .order_by("-created_at", "-pk")
    )
