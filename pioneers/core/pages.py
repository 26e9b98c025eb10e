"""What the site's Wagtail pages share, whichever app defines them."""

from collections.abc import Callable

from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets import Button
from wagtail.models import Orderable, Page, PageLogEntry

from pioneers.core.ids import parse_id

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


class PublishedVersionsMixin:
    """A page whose earlier published versions stay public: ``?version=<revision id>`` shows
    one; the templates ``core/_version_notice.html`` and ``core/_versions.html`` show which
    version is read and list them all."""

    def published_versions(self) -> list[dict]:
        """Every version that was public, newest first: {"revision_id", "timestamp"}."""
        return list(
            PageLogEntry.objects.filter(page=self, action="wagtail.publish")
            .exclude(revision=None)
            .order_by("-timestamp")
            .values("revision_id", "timestamp")
        )

    def serve(self, request, *args, **kwargs):
        version = request.GET.get("version")
        # A routable page's other routes (its PDF) serve the live version only.
        route = getattr(args[0], "__name__", "index_route") if args else "index_route"
        if not version or route != "index_route":
            return super().serve(request, *args, **kwargs)
        version = parse_id(version)
        versions = {v["revision_id"]: v["timestamp"] for v in self.published_versions()}
        if version not in versions:
            raise Http404
        old = self.revisions.get(pk=version).as_object()
        # The old version's own context: what it showed (its figures' date, its sections).
        context = old.get_context(request, *args, **kwargs)
        context.update(page=old, self=old, old_version=versions[version])
        return TemplateResponse(request, self.get_template(request), context)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["versions"] = self.published_versions()
        return context


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


def register_page_button(
    page_type, label, url_name: str, *, icon_name: str, header_priority: int, listing_priority: int
) -> None:
    """An admin button on every page of ``page_type``, to ``url_name`` with the page's ``pk``.

    It shows in the page's header and in the page listing's "More" menu; call it from an app's
    ``wagtail_hooks.py``.
    """

    def buttons(page, priority):
        if isinstance(page.specific_deferred, page_type):
            yield Button(
                label,
                reverse(url_name, kwargs={"pk": page.pk}),
                icon_name=icon_name,
                priority=priority,
            )

    @hooks.register("register_page_header_buttons")
    def header_button(page, user, view_name, next_url=None):
        yield from buttons(page, header_priority)

    @hooks.register("register_page_listing_more_buttons")
    def listing_button(page, user, next_url=None):
        yield from buttons(page, listing_priority)


# --- sections that apps above a page's own app add to it -------------------------------------

PageSection = Callable[[object, object], str]  # (object, request) -> safe HTML, or ""
_sections: dict[tuple[str, str], list[PageSection]] = {}


def register_page_section(model_label: str, render: PageSection, *, place: str = "") -> None:
    """Add a section to every page that shows an object of ``model_label`` (a Wagtail page
    such as "reports.reportpage", or a model such as "meetings.meeting"), rendered by
    ``render(obj, request)`` where the template writes ``{% page_sections obj %}``.

    An app registers in its ``AppConfig.ready()``: so a page shows what an app above its own
    knows (a meeting's polls in its report) without importing it. ``place`` names another spot
    of the page (``{% page_sections obj "top" %}``). A section that changes what
    the page shows names the page's cache tags itself (``core.cache.invalidates``); one that
    depends on who reads must render nothing for anonymous visitors, whose pages are cached.
    """
    registered = _sections.setdefault((model_label.lower(), place), [])
    if render not in registered:  # ready() may run twice in tests
        registered.append(render)


def page_sections(obj, request, place: str = "") -> SafeString:
    """The registered sections for this object and place, in the order they were registered."""
    renders = _sections.get((obj._meta.label_lower, place), [])
    return mark_safe("".join(str(render(obj, request) or "") for render in renders))  # noqa: S308 - each render returns safe HTML
