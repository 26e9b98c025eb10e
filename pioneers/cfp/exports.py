"""A meeting's programme in the formats conference apps read: the Frab/Pentabarf schedule XML,
the Frab schedule JSON (both as described by c3voc's schemas) and iCalendar."""

import json
import uuid
from datetime import UTC
from xml.etree import ElementTree as ET

from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from pioneers.cfp.programme import meeting_day, speakers_shown
from pioneers.core.links import absolute_url, site_host

GENERATOR = "Pioneers"
TIME_ZONE = "Europe/Amsterdam"


def _guid(kind: str, pk: int) -> str:
    # Stable across exports and machines of the same site: apps match events by it.
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://{site_host()}/{kind}/{pk}"))


def _acronym(meeting) -> str:
    # Both schemas accept lower-case letters, digits and underscores.
    return meeting.slug.lower().replace("-", "_")


def _hours(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _local(moment):
    return timezone.localtime(moment)


def _event(slot, meeting) -> dict:
    submission = slot.submission
    start = _local(slot.start)
    slug = slugify(submission.title)[:60].strip("-")
    return {
        "id": submission.pk,
        "guid": _guid("talk", submission.pk),
        "date": start.isoformat(),
        "start": start.strftime("%H:%M"),
        "duration": _hours(slot.duration_minutes),
        "room": slot.room.name,
        "slug": f"{_acronym(meeting)}-{submission.pk}" + (f"-{slug}" if slug else ""),
        "title": submission.title,
        "subtitle": "",
        "track": submission.track.name if submission.track_id else "",
        "type": submission.format.name,
        "language": submission.language,
        "abstract": submission.abstract,
        "description": submission.description,
        "persons": [
            {"id": speaker["id"], "name": speaker["name"]} for speaker in speakers_shown(submission)
        ],
        "url": absolute_url(reverse("cfp:programme", kwargs={"slug": meeting.slug}))
        + f"#talk-{submission.pk}",
    }


def _conference(meeting, call, slots) -> dict:
    day_start, day_end = meeting_day(meeting)
    return {
        "title": meeting.title,
        "acronym": _acronym(meeting),
        "start": meeting.date.isoformat(),
        "end": meeting.date.isoformat(),
        "days": 1,
        "timeslot_duration": "00:05",
        "url": absolute_url(reverse("cfp:programme", kwargs={"slug": meeting.slug})),
        "time_zone_name": TIME_ZONE,
        "day_start": _local(day_start).isoformat(),
        "day_end": _local(day_end).isoformat(),
    }


def _rooms_in_order(slots) -> list:
    rooms = {}
    for slot in sorted(slots, key=lambda s: (s.room.sort_order, s.room_id)):
        rooms.setdefault(slot.room_id, slot.room)
    return list(rooms.values())


def schedule_json(meeting, call, slots) -> bytes:
    conference = _conference(meeting, call, slots)
    rooms = _rooms_in_order(slots)
    by_room = {room.name: [] for room in rooms}
    for slot in slots:
        event = _event(slot, meeting)
        event["links"] = []
        by_room[slot.room.name].append(event)
    data = {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": GENERATOR},
        "schedule": {
            "version": _version(slots),
            "base_url": absolute_url("/"),
            "conference": {
                "acronym": conference["acronym"],
                "title": conference["title"],
                "start": conference["start"],
                "end": conference["end"],
                "daysCount": 1,
                "timeslot_duration": conference["timeslot_duration"],
                "time_zone_name": TIME_ZONE,
                "url": conference["url"],
                "rooms": [{"name": room.name, "guid": _guid("room", room.pk)} for room in rooms],
                "days": [
                    {
                        "index": 1,
                        "date": conference["start"],
                        "day_start": conference["day_start"],
                        "day_end": conference["day_end"],
                        "rooms": by_room,
                    }
                ],
            },
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


def _version(slots) -> str:
    """Changes whenever a slot does, so apps know to fetch the programme again."""
    latest = max((slot.updated_at for slot in slots), default=None)
    return latest.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ") if latest else "0"


def _sub(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: str(v) for k, v in attributes.items()})
    if text is not None:
        element.text = str(text)
    return element


def schedule_xml(meeting, call, slots) -> bytes:
    conference = _conference(meeting, call, slots)
    root = ET.Element("schedule")
    _sub(root, "generator", name=GENERATOR, system=site_host())
    _sub(root, "version", _version(slots))
    element = _sub(root, "conference")
    for tag in ("title", "acronym", "start", "end", "days", "timeslot_duration"):
        _sub(element, tag, conference[tag])
    _sub(element, "base_url", absolute_url("/"))
    _sub(element, "url", conference["url"])
    _sub(element, "time_zone_name", TIME_ZONE)
    day = _sub(
        root,
        "day",
        index=1,
        date=conference["start"],
        start=conference["day_start"],
        end=conference["day_end"],
    )
    for room in _rooms_in_order(slots):
        room_element = _sub(day, "room", name=room.name, guid=_guid("room", room.pk))
        for slot in slots:
            if slot.room_id != room.pk:
                continue
            event = _event(slot, meeting)
            event_element = _sub(room_element, "event", id=event["id"], guid=event["guid"])
            for tag in (
                "date",
                "start",
                "duration",
                "room",
                "slug",
                "title",
                "subtitle",
                "track",
                "type",
                "language",
                "abstract",
                "description",
                "url",
            ):
                _sub(event_element, tag, event[tag])
            persons = _sub(event_element, "persons")
            for person in event["persons"]:
                _sub(persons, "person", person["name"], id=person["id"])
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def programme_calendar(meeting, call, slots) -> bytes:
    """One event per talk, in UTC; each event's stamp is its slot's last change, and its
    SEQUENCE counts the times the talk moved."""
    from icalendar import Calendar, Event  # lazy, as in meetings.calendar

    from pioneers.meetings.calendar import ask_to_refresh

    calendar = Calendar()
    calendar.add("prodid", "-//Pioneers//Conference programme//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", meeting.title)
    calendar.add("name", meeting.title)
    ask_to_refresh(calendar)
    host = site_host()
    for slot in slots:
        submission = slot.submission
        event = Event()
        event.add("uid", f"talk-{submission.pk}@{host}")
        event.add("sequence", slot.sequence)
        changed = slot.updated_at.astimezone(UTC)
        event.add("dtstamp", changed)
        event.add("last-modified", changed)
        event.add("dtstart", slot.start.astimezone(UTC))
        event.add("dtend", slot.end.astimezone(UTC))
        event.add("summary", submission.title)
        event.add("location", ", ".join(p for p in (slot.room.name, meeting.address) if p))
        names = ", ".join(speaker["name"] for speaker in speakers_shown(submission))
        event.add(
            "description", f"{names}\n\n{submission.abstract}" if names else submission.abstract
        )
        event.add("url", _event(slot, meeting)["url"])
        calendar.add_component(event)
    return calendar.to_ical()
