"""The Atom feed of meetings: every published meeting, latest date first, with when, where
and the whole description in the reader's language where translated."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html, linebreaks
from django.utils.translation import gettext as _

from pioneers.core.feeds import AtomFeed
from pioneers.core.links import absolute_url
from pioneers.core.models import NetworkSettings
from pioneers.core.translations import with_translations
from pioneers.meetings.models import Meeting

FEED_LENGTH = 50


class MeetingFeed(AtomFeed):
    def title(self, request):
        return _("%(network)s: meetings") % {"network": NetworkSettings.load().name}

    def subtitle(self, request):
        return _(
            "Every quarter the network meets at another town hall, with a guest chair from a "
            "member municipality."
        )

    def link(self, request):
        return absolute_url(reverse("meetings:upcoming"))

    def items(self, request):
        meetings = (
            Meeting.objects.filter(live=True)
            .select_related("host")
            .order_by("-date", "-start_time")[:FEED_LENGTH]
        )
        return with_translations(meetings)

    def item_title(self, meeting):
        return meeting.text.title

    def item_description(self, meeting):
        return meeting.text.description

    def item_content(self, meeting):
        starts = timezone.localtime(meeting.starts_at)
        ends = timezone.localtime(meeting.ends_at)
        when = _("%(date)s, %(start)s–%(end)s") % {
            "date": formats.date_format(starts, "DATE_FORMAT"),
            "start": formats.time_format(starts, "TIME_FORMAT"),
            "end": formats.time_format(ends, "TIME_FORMAT"),
        }
        facts = format_html(
            "<dl><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>",
            _("When"),
            when,
            _("Where"),
            meeting.address,
            _("Host"),
            meeting.host.name,
        )
        return facts + linebreaks(meeting.text.description, autoescape=True)

    def item_link(self, meeting):
        return absolute_url(meeting.get_absolute_url())

    def item_guid(self, meeting):
        return f"urn:uuid:{meeting.translation_key}"

    item_guid_is_permalink = False

    def item_updateddate(self, meeting):
        return meeting.updated_at
