"""The site's own Wagtail pages: the home page and content pages (reports, the knowledge base
and the magazine have their own apps; their overview pages share core.pages.SectionIndexPage)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from pioneers.core.pages import RICH_TEXT_FEATURES
from pioneers.core.translations import with_translations
from pioneers.publications.blocks import HomeBodyBlock


class HomePage(Page):
    """The front page: what the network is, how many take part, the blocks coordinators put on
    it (next meetings, reports, practices, the magazine, the map, results, text), how to join."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES)
    join_heading = models.CharField(_("heading of the joining section"), max_length=120)
    join_text = RichTextField(_("how to join"), features=RICH_TEXT_FEATURES)
    body = StreamField(
        HomeBodyBlock(),
        verbose_name=_("blocks"),
        blank=True,
        help_text=_(
            "What the home page shows between the introduction and the joining section, in "
            "this order. Empty shows the next meeting and the results."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("join_heading"),
        FieldPanel("join_text"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        # Imported here: selectors build queries when imported, which needs every model loaded.
        from pioneers.evaluation.selectors import home_results
        from pioneers.meetings.selectors import next_meeting
        from pioneers.network.selectors import member_municipality_count
        from pioneers.publications.rendered import home_body_html

        context = super().get_context(request, *args, **kwargs)
        context["member_count"] = member_municipality_count()
        if self.body:
            # The blocks read their own items (publications.blocks), rendered and cached whole.
            preview = getattr(request, "is_preview", False)
            context["body_html"] = home_body_html(self, preview=preview)
            return context
        meeting = next_meeting()
        context["next_meeting"] = with_translations([meeting])[0] if meeting else None
        context["results"] = home_results()
        return context


class ContentPage(Page):
    """A page of text: about the network, privacy statement, accessibility statement, contact."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES)
    show_in_footer = models.BooleanField(
        _("show in footer"),
        default=False,
        help_text=_("Link to this page from the footer of every page."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, FieldPanel("show_in_footer")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("content page")
