"""Publications in the editors' admin: a way from a report to its attendees' comments."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from pioneers.publications.models import ReportPage


def _comments_button(page, priority):
    if isinstance(page.specific_deferred, ReportPage):
        yield Button(
            _("Attendees' comments"),
            reverse("publications:comments_manage", kwargs={"pk": page.pk}),
            icon_name="comment",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def report_comments_header_button(page, user, view_name, next_url=None):
    yield from _comments_button(page, 62)


@hooks.register("register_page_listing_more_buttons")
def report_comments_listing_button(page, user, next_url=None):
    yield from _comments_button(page, 45)


def _pdf_button(page, priority):
    from pioneers.publications.models import EditionPage

    if isinstance(page.specific_deferred, EditionPage):
        yield Button(
            _("Build PDF"),
            reverse("publications:edition_pdf", kwargs={"pk": page.pk}),
            icon_name="doc-full",
            priority=priority,
        )


@hooks.register("register_page_header_buttons")
def edition_pdf_header_button(page, user, view_name, next_url=None):
    yield from _pdf_button(page, 63)


@hooks.register("register_page_listing_more_buttons")
def edition_pdf_listing_button(page, user, next_url=None):
    yield from _pdf_button(page, 46)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def edition_submissions_take_effect(request, page):
    """Opening or closing an edition for submissions counts at once, also in a draft."""
    from pioneers.publications.models import EditionPage

    if isinstance(page, EditionPage):
        EditionPage.objects.filter(pk=page.pk).update(accepts_submissions=page.accepts_submissions)
