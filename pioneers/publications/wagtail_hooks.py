"""Publications in the editors' admin: report comments and the nominations to triage."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pioneers.core.cache import SITE, tags_changed_on_commit
from pioneers.publications.models import Nomination, ReportPage


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


class TriageColumn(Column):
    def get_value(self, instance):
        url = reverse("publications:nomination_triage", kwargs={"pk": instance.pk})
        return format_html('<a href="{}">{}</a>', url, _("Triage"))


class NominationViewSet(SnippetViewSet):
    """Nominations from the public form; each opens its triage page."""

    model = Nomination
    icon = "pick"
    menu_label = _("Nominations")
    menu_order = 220
    add_to_admin_menu = True
    list_display = [
        "title",
        "municipality_name",
        "status",
        "created_at",
        TriageColumn("triage", label=_("Triage")),
    ]
    list_filter = ["status"]
    search_fields = ["title", "municipality_name"]
    inspect_view_enabled = True


register_snippet(NominationViewSet)


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
        tags_changed_on_commit(SITE)  # the update sends no signal


@hooks.register("before_publish_page")
def article_not_into_a_closed_edition(request, page):
    """An editor cannot publish a new article into an edition that appeared and is closed."""
    from pioneers.publications.models import ArticlePage
    from pioneers.publications.services import article_closed_edition, closed_edition_message

    if isinstance(page, ArticlePage):
        live = ArticlePage.objects.filter(pk=page.pk, live=True).exists()
        edition = None if live else article_closed_edition(page)
        if edition is not None:
            messages.error(request, closed_edition_message(edition))
            return redirect("wagtailadmin_pages:edit", page.pk)
    return None
