"""What the site's Wagtail pages share, whichever app defines them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, Page

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class SectionIndexPage(Page):
    """The overview page of a section of the site, one under each language's home page.

    A section names its parent (the home page) in ``parent_page_types``.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        abstract = True


def publish(page) -> None:
    """Save ``page`` as a new revision and publish it."""
    page.save_revision().publish()


class AttachedDocument(Orderable):
    """A document attached to a page, in the editor's order; subclasses add the ParentalKey."""

    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        abstract = True
