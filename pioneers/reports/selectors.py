"""Reads of reports: a person's comments on report drafts; published reports with their Woo
metadata."""

from pioneers.core.links import page_url
from pioneers.meetings.selectors import registrations_of
from pioneers.network.models import Membership
from pioneers.reports.models import DraftComment, ReportPage
from pioneers.reports.woo import report_metadata


def own_comments(user):
    """A person's comments on report drafts, newest first, with their report."""
    return (
        DraftComment.objects.filter(registration__in=registrations_of(user))
        .select_related("report")
        .order_by("-created_at", "-pk")
    )


def published_reports():
    """Live, public meeting reports with what their Woo metadata reads, in one query."""
    return (
        ReportPage.objects.live()
        .public()
        .select_related("meeting__host", "publisher", "locale")
        .order_by("pk")
    )


def lead_organisation():
    """The network's lead organisation, which publishes what no municipality hosted."""
    membership = (
        Membership.objects.filter(is_lead=True, status=Membership.Status.MEMBER)
        .select_related("organisation")
        .first()
    )
    return membership.organisation if membership else None


def reports_woo_metadata() -> list[tuple[object, object]]:
    """(report, its Woo metadata) for every published meeting report, in a fixed number of
    queries whatever their number."""
    lead = lead_organisation()
    return [
        (report, report_metadata(report, lead=lead, url=page_url(report)))
        for report in published_reports()
    ]
