"""Reports in the editors' admin: from a report to its attendees' comments."""

from django.utils.translation import gettext_lazy as _

from pioneers.core.pages import register_page_button
from pioneers.reports.models import ReportPage

register_page_button(
    ReportPage,
    _("Attendees' comments"),
    "reports:comments_manage",
    icon_name="comment",
    header_priority=62,
    listing_priority=45,
)
