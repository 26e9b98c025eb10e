"""The Atom feed of meeting reports: every published report, newest meeting first, whole text."""

from django.utils.translation import gettext as _

from pioneers.core.feeds import PageFeed, sections_html
from pioneers.core.models import NetworkSettings
from pioneers.reports.models import ReportIndexPage, ReportPage

FEED_LENGTH = 50


class ReportFeed(PageFeed):
    """Reports are written in the network's language; every language's feed has them all."""

    index_model = ReportIndexPage

    def title(self, request):
        return _("%(network)s: meeting reports") % {"network": NetworkSettings.load().name}

    def subtitle(self, request):
        return _("What the network's meetings found, agreed and learned.")

    def pages(self, request):
        return (
            ReportPage.objects.live()
            .public()
            .select_related("meeting", "locale")
            .order_by("-meeting__date", "path")[:FEED_LENGTH]
        )

    def item_description(self, report):
        return report.summary

    def item_content(self, report):
        return sections_html(
            report.summary,
            (_("Insights"), report.insights),
            (_("Agreements"), report.agreements),
            (_("Lessons"), report.lessons),
        )
