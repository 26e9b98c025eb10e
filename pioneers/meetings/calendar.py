"""Meetings as iCalendar (one meeting, or a whole programme as a feed) and schema.org JSON-LD."""

from collections.abc import Iterable
from datetime import UTC, timedelta
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone

from pioneers.core.linked_data import to_script
from pioneers.core.links import absolute_url, site_host
from pioneers.core.live import marker
from pioneers.meetings.models import Meeting
from pioneers.network.linked_data import organisation_ref

ICAL_STATUS = {
    Meeting.Status.PLANNED: "TENTATIVE",
    Meeting.Status.CONFIRMED: "CONFIRMED",
    Meeting.Status.HELD: "CONFIRMED",
    Meeting.Status.CANCELLED: "CANCELLED",
}


REFRESH = timedelta(hours=12)


def _url(meeting: Meeting) -> str:
    return absolute_url(meeting.get_absolute_url())


def ask_to_refresh(calendar) -> None:
    """Ask subscribers to look again twice a day (REFRESH-INTERVAL of RFC 7986, and the older
    X-PUBLISHED-TTL that some calendar programs read instead)."""
    from icalendar import vDuration

    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH).to_ical().decode())


def meeting_calendar(meetings: Iterable[Meeting], name: str = "", method: str = "PUBLISH") -> bytes:
    """An iCalendar file with one event per meeting, in UTC so that no time-zone table is needed.

    A published calendar is the same bytes until a meeting changes: each event's DTSTAMP and
    LAST-MODIFIED are the meeting's last change, and subscribers are asked to look again twice
    a day (REFRESH-INTERVAL, RFC 7986, and the older X-PUBLISHED-TTL).

    ``PUBLISH`` for feeds and downloads; an email about a changed meeting sends ``REQUEST`` and
    one about a cancelled meeting ``CANCEL`` (RFC 5546): with the same UID and a higher
    SEQUENCE, the recipient's calendar updates or removes the event it has.
    """
    if method not in ("PUBLISH", "REQUEST", "CANCEL"):
        raise ValueError(f"Unknown iCalendar method {method!r}")
    # Lazy: icalendar (and dateutil) take about 4 MB in every web worker, and only the rare
    # .ics download and the invitation e-mails need them.
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Pioneers//Pioneer network meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("name", name)
    if method == "PUBLISH":
        ask_to_refresh(calendar)
    now = timezone.now().astimezone(UTC)
    host = site_host()
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@{host}")
        event.add("sequence", meeting.sequence)
        changed = meeting.updated_at.astimezone(UTC)
        # A message (request, cancellation) is stamped when it is sent (RFC 5546).
        event.add("dtstamp", changed if method == "PUBLISH" else now)
        event.add("last-modified", changed)
        event.add("dtstart", meeting.starts_at.astimezone(UTC))
        event.add("dtend", meeting.ends_at.astimezone(UTC))
        event.add("summary", meeting.title)
        event.add("location", meeting.address)
        event.add("url", _url(meeting))
        event.add("status", ICAL_STATUS[meeting.status])
        if meeting.description:
            event.add("description", meeting.description)
        if method != "PUBLISH":
            # RFC 5546 wants an organizer on a request or cancellation: the sending address.
            event.add("organizer", f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
        calendar.add_component(event)
    return calendar.to_ical()


EVENT_STATUS = {
    Meeting.Status.CANCELLED: "https://schema.org/EventCancelled",
}


def meeting_json_ld(meeting: Meeting, places_left: int | None = None, *, live: bool = False) -> str:
    """schema.org Event for search engines and calendar tools; safe to put in a script element.

    The text is the reader's translation where ``with_translations`` attached one.

    With ``live``, the places left are a live fragment (pioneers.core.live), current on every
    response even when the page comes from the cache.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meeting.text.title,
        "startDate": meeting.starts_at.isoformat(),
        "endDate": meeting.ends_at.isoformat(),
        "eventStatus": EVENT_STATUS.get(meeting.status, "https://schema.org/EventScheduled"),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "url": _url(meeting),
        "location": {
            "@type": "Place",
            "name": meeting.text.venue_name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": meeting.street_address,
                "postalCode": meeting.postal_code,
                "addressLocality": meeting.city,
                "addressCountry": "NL",
            },
        },
        "organizer": organisation_ref(meeting.host),
        "inLanguage": meeting.text_language,
        "maximumAttendeeCapacity": meeting.capacity,
    }
    if meeting.text.description:
        data["description"] = meeting.text.description
    if meeting.ends_at <= timezone.now():
        places_left, live = None, False  # a meeting that is over has no places to offer
    if places_left is not None:
        data["remainingAttendeeCapacity"] = places_left
    text = to_script(data)
    if live:
        # After the escaping, which would spoil the marker; the middleware puts the number there.
        figure = marker("places_left", f"{meeting.pk}.json")
        text = f'{text[:-1]}, "remainingAttendeeCapacity": {figure}}}'
    return text
