"""The magazine in the editors' admin: building an edition's PDF, and editions closed to new
articles."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from pioneers.core.cache import SITE, tags_changed_on_commit
from pioneers.core.pages import register_page_button
from pioneers.magazine.models import ArticlePage, EditionPage
from pioneers.magazine.services import article_closed_edition, closed_edition_message

register_page_button(
    EditionPage,
    _("Build PDF"),
    "magazine:edition_pdf",
    icon_name="doc-full",
    header_priority=63,
    listing_priority=46,
)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def edition_submissions_take_effect(request, page):
    """Opening or closing an edition for submissions counts at once, also in a draft."""
    if isinstance(page, EditionPage):
        EditionPage.objects.filter(pk=page.pk).update(accepts_submissions=page.accepts_submissions)
        tags_changed_on_commit(SITE)  # the update sends no signal


@hooks.register("before_publish_page")
def article_not_into_a_closed_edition(request, page):
    """An editor cannot publish a new article into an edition that appeared and is closed."""
    if isinstance(page, ArticlePage):
        live = ArticlePage.objects.filter(pk=page.pk, live=True).exists()
        edition = None if live else article_closed_edition(page)
        if edition is not None:
            messages.error(request, closed_edition_message(edition))
            return redirect("wagtailadmin_pages:edit", page.pk)
    return None
