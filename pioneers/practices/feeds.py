"""The Atom feed of the knowledge base: every practice, in the reader's language where it is
translated, newest first."""

from django.db.models import Q
from django.utils.translation import gettext as _

from pioneers.core.feeds import PageFeed, sections_html
from pioneers.core.languages import current_language
from pioneers.core.models import NetworkSettings
from pioneers.practices.models import PracticeIndexPage, PracticePage

FEED_LENGTH = 50


class PracticeFeed(PageFeed):
    index_model = PracticeIndexPage

    def title(self, request):
        return _("%(network)s: knowledge base") % {"network": NetworkSettings.load().name}

    def subtitle(self, request):
        return _("What member municipalities tried, for the next one to take up.")

    def pages(self, request):
        language = current_language()
        live = PracticePage.objects.live().public()
        translated = live.filter(locale__language_code=language).values("translation_key")
        return (
            live.filter(Q(locale__language_code=language) | ~Q(translation_key__in=translated))
            .select_related("locale")
            .order_by("-first_published_at", "path")[:FEED_LENGTH]
        )

    def item_description(self, practice):
        return practice.summary

    def item_content(self, practice):
        return sections_html(
            practice.summary,
            (_("The problem"), practice.problem),
            (_("What the municipality did"), practice.approach),
            (_("Result"), practice.result),
            (_("Lessons"), practice.lessons),
        )
