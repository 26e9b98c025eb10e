"""The home page's blocks: what coordinators put on the front door, in the order they choose.

Each block reads its items through ``publications.selectors`` with a fixed number of queries,
whatever the number of items, and links to its full list.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from pioneers.core.cache import page_depends_on
from pioneers.core.pages import RICH_TEXT_FEATURES

MAX_ITEMS = 12


class HomeBlock(blocks.StructBlock):
    """A section of the home page with an optional heading of the coordinators' own."""

    heading = blocks.CharBlock(
        label=_("heading"),
        required=False,
        max_length=120,
        help_text=_("Empty shows the standard heading."),
    )
    default_heading = ""
    # Tags of the page cache this block shows, besides "site" (see core.cache).
    depends_on: tuple[str, ...] = ()

    def items(self, value) -> dict:
        """What the block shows, for its template."""
        return {}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = context.get("request")
        if request is not None and self.depends_on:
            page_depends_on(request, *self.depends_on)
        context["heading"] = value.get("heading") or self.default_heading
        context.update(self.items(value))
        return context


class CountedBlock(HomeBlock):
    """A block that lists the first few items of a list: ``selector`` (a function of
    ``publications.selectors`` that takes the number of items) gives them as ``items_name``."""

    count = blocks.IntegerBlock(
        label=_("number of items"),
        default=3,
        min_value=1,
        max_value=MAX_ITEMS,
        help_text=_("From 1 to 12."),
    )
    selector = ""
    items_name = "items"

    def items(self, value):
        # Imported here: the selectors import the page models, which import these blocks.
        from pioneers.publications import selectors

        found = getattr(selectors, self.selector)(value["count"])
        return found if isinstance(found, dict) else {self.items_name: found}


class NextMeetingsBlock(CountedBlock):
    default_heading = _("Next meetings")
    depends_on = ("meetings",)
    selector, items_name = "home_meetings", "meetings"

    class Meta:
        label = _("Next meetings")
        icon = "date"
        template = "publications/blocks/meetings.html"


class LatestReportsBlock(CountedBlock):
    default_heading = _("Latest reports")
    depends_on = ("meetings",)  # each report shows its meeting's date and host
    selector, items_name = "home_reports", "reports"

    class Meta:
        label = _("Latest reports")
        icon = "doc-full"
        template = "publications/blocks/reports.html"


class RecentPracticesBlock(CountedBlock):
    default_heading = _("Recently shared practices")
    selector, items_name = "home_recent_practices", "practices"

    class Meta:
        label = _("Recently shared practices")
        icon = "pick"
        template = "publications/blocks/practices.html"


class TakenUpPracticesBlock(CountedBlock):
    default_heading = _("Practices most taken up elsewhere")
    depends_on = ("practices",)
    selector, items_name = "home_taken_up_practices", "practices"

    def items(self, value):
        return {**super().items(value), "taken_up": True}

    class Meta:
        label = _("Practices most taken up elsewhere")
        icon = "group"
        template = "publications/blocks/practices.html"


class MagazineBlock(CountedBlock):
    """The newest edition and its first articles (``home_edition`` gives both)."""

    default_heading = _("Current magazine edition")
    selector = "home_edition"

    class Meta:
        label = _("Current magazine edition")
        icon = "openquote"
        template = "publications/blocks/magazine.html"


class MemberMapBlock(HomeBlock):
    default_heading = _("Members of the network")

    def items(self, value):
        from pioneers.network.map import network_map_svg
        from pioneers.network.selectors import member_municipality_count

        return {"map_svg": network_map_svg(), "member_count": member_municipality_count()}

    class Meta:
        label = _("Member map")
        icon = "site"
        template = "publications/blocks/map.html"


class ResultsBlock(HomeBlock):
    default_heading = _("Results")

    def items(self, value):
        from pioneers.evaluation.selectors import home_results

        return {"results": home_results()}

    class Meta:
        label = _("Results the coordinators pick")
        icon = "list-ul"
        template = "publications/blocks/results.html"
        help_text = _("The indicators given a position on the home page, in that order.")


class TextBlock(HomeBlock):
    text = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)

    class Meta:
        label = _("Text")
        icon = "pilcrow"
        template = "publications/blocks/text.html"


class HomeBodyBlock(blocks.StreamBlock):
    meetings = NextMeetingsBlock()
    reports = LatestReportsBlock()
    practices = RecentPracticesBlock()
    taken_up = TakenUpPracticesBlock()
    magazine = MagazineBlock()
    member_map = MemberMapBlock()
    results = ResultsBlock()
    text = TextBlock()
