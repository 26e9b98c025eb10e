"""Reports in the editors' admin: from a report to its attendees' comments."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from pioneers.reports.models import ReportPage


def _comments_button(page, priority):
    if isinstance(page.specific_deferred, ReportPage):
        yield Button(
            _("Attendees' comments"),
            reverse("reports:comments_manage", kwargs={"pk": page.pk}),
            icon_name="comment",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def report_comments_header_button(page, user, view_name, next_url=None):
    yield from _comments_button(page, 62)


@hooks.register("register_page_listing_more_buttons")
def report_comments_listing_button(page, user, next_url=None):
    yield from _comments_button(page, 45)
