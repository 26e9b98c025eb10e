"""Atom feeds with each entry's whole text and the network's licence (``<rights>`` and a
``rel="license"`` link), so that feed readers and partner sites can show and reuse them."""

import uuid

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from pioneers.core.languages import current_language
from pioneers.core.links import absolute_url, page_url
from pioneers.core.models import NetworkSettings


class FullTextAtom1Feed(Atom1Feed):
    """Atom with a ``<content>`` element per entry and a licence link on the feed."""

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if self.feed.get("license_url"):
            handler.addQuickElement(
                "link", "", {"rel": "license", "href": self.feed["license_url"]}
            )

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})


class AtomFeed(Feed):
    """Base of the platform's feeds: subclasses give ``item_content`` (HTML) beside the summary.
    Every address in a feed is on the site's configured address, whichever host was asked."""

    feed_type = FullTextAtom1Feed

    def get_object(self, request, *args, **kwargs):
        return request

    def feed_url(self, request):
        return absolute_url(request.path)

    def feed_copyright(self):
        licence = NetworkSettings.load().licence
        return f"{licence.name}: {licence.url}"

    def feed_extra_kwargs(self, obj):
        return {"license_url": NetworkSettings.load().licence.url}

    def item_extra_kwargs(self, item):
        return {"content": self.item_content(item)}

    def item_content(self, item) -> str:
        return ""


class PageFeed(AtomFeed):
    """A feed of Wagtail pages (``pages()``), linked to its listing page (``index_model``) in the
    reader's language; an entry's id stays the same per page and language."""

    index_model = None

    def link(self, request):
        language = current_language()
        index = self.index_model.objects.live().filter(locale__language_code=language).first()
        return page_url(index) if index else absolute_url(f"/{language}/")

    def pages(self, request):
        raise NotImplementedError

    def items(self, request):
        pages = list(self.pages(request))
        for page in pages:
            page.feed_url = page_url(page)
        return pages

    def item_title(self, page):
        return page.title

    def item_link(self, page):
        return page.feed_url

    def item_guid(self, page):
        return uuid.uuid5(page.translation_key, page.locale.language_code).urn

    item_guid_is_permalink = False

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at or page.first_published_at


def sections_html(lead: str, *sections: tuple[str, str]) -> str:
    """An entry's whole text: the lead as paragraphs, then each (heading, rich text) section
    that has text (an empty heading adds none), with the rich text's links and images made
    real."""
    parts = [linebreaks(lead, autoescape=True)] if lead else []
    parts += [
        # Rich text is stored cleaned by the editor's whitelist, as the pages show it.
        (format_html("<h2>{}</h2>", heading) if heading else "") + mark_safe(expand_db_html(text))  # noqa: S308
        for heading, text in sections
        if text
    ]
    return "".join(parts)
