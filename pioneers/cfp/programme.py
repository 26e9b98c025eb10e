"""The programme of a call: slots (start, duration, room) for confirmed talks with the rules
they keep, and the reads of the timetable editor, the programme page and its exports."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from pioneers.cfp.models import Call, Room, Slot, Submission, SubmissionSpeaker
from pioneers.core.translations import with_translations

MIN_MINUTES, MAX_MINUTES = 5, 480


@dataclass(frozen=True)
class SlotEntry:
    """One row of the timetable: ``start`` None takes the talk off the programme."""

    submission_id: int
    start: datetime | None
    duration_minutes: int | None = None
    room_id: int | None = None


def meeting_day(meeting) -> tuple[datetime, datetime]:
    """The meeting's day, midnight to midnight in the site's time zone."""
    start = timezone.make_aware(datetime.combine(meeting.date, time(0, 0)))
    end = timezone.make_aware(datetime.combine(meeting.date + timedelta(days=1), time(0, 0)))
    return start, end


# --- writes ----------------------------------------------------------------------------------


def slots_save(*, call: Call, entries: list[SlotEntry]) -> None:
    """Give talks their slots, change or clear them, all or nothing: a room used twice at once,
    a speaker in two places, a slot outside the meeting's day or a talk that is not confirmed
    is refused with ``ValidationError({"<submission id>": [...]})`` and nothing changes.
    Saving the same rows again changes nothing."""
    errors: dict[str, list[str]] = {}

    def refuse(submission_id: int, message: str) -> None:
        errors.setdefault(str(submission_id), []).append(message)

    with transaction.atomic():
        # The call's row lock puts every change to its programme in a line, so two
        # coordinators saving at once cannot both take the same room.
        locked = Call.objects.select_for_update().filter(pk=call.pk).first()
        if locked is None:
            raise ValidationError(_("This call for papers does not exist."))
        meeting = locked.meeting
        day_start, day_end = meeting_day(meeting)
        rooms = {room.pk: room for room in Room.objects.filter(call=locked)}
        existing = list(Slot.objects.filter(call=locked))
        ids = {entry.submission_id for entry in entries} | {s.submission_id for s in existing}
        submissions = {s.pk: s for s in Submission.objects.filter(call=locked, pk__in=ids)}
        speakers: dict[int, set[int]] = {}
        for submission_id, user_id in SubmissionSpeaker.objects.filter(
            submission_id__in=ids
        ).values_list("submission_id", "user_id"):
            speakers.setdefault(submission_id, set()).add(user_id)
        # submission id -> (start, end, room id): the programme as it will be.
        planned = {
            s.submission_id: (s.start, s.end, s.room_id)
            for s in existing
            if submissions.get(s.submission_id) is not None
            and submissions[s.submission_id].state == Submission.State.CONFIRMED
        }
        changed = []
        for entry in entries:
            submission = submissions.get(entry.submission_id)
            if submission is None:
                refuse(entry.submission_id, _("This proposal is not part of this call."))
                continue
            if entry.start is None:
                planned.pop(submission.pk, None)
                continue
            if submission.state != Submission.State.CONFIRMED:
                refuse(submission.pk, _("Only a confirmed talk gets a slot."))
                continue
            if entry.room_id not in rooms:
                refuse(submission.pk, _("Choose one of this call's rooms."))
                continue
            minutes = entry.duration_minutes or 0
            if not MIN_MINUTES <= minutes <= MAX_MINUTES:
                refuse(submission.pk, _("A session lasts between 5 and 480 minutes."))
                continue
            start = entry.start
            end = start + timedelta(minutes=minutes)
            if start < day_start or end > day_end:
                refuse(
                    submission.pk,
                    _("The slot must fall on the day of the meeting (%(date)s).")
                    % {"date": meeting.date.isoformat()},
                )
                continue
            planned[submission.pk] = (start, end, entry.room_id)
            changed.append(submission.pk)
        for submission_id in changed:
            start, end, room_id = planned[submission_id]
            for other_id, (other_start, other_end, other_room) in planned.items():
                if other_id == submission_id or not (start < other_end and other_start < end):
                    continue
                title = submissions[other_id].title
                if room_id == other_room:
                    refuse(
                        submission_id,
                        _("%(room)s is in use at that time, by “%(title)s”.")
                        % {"room": rooms[room_id].name, "title": title},
                    )
                if speakers.get(submission_id, set()) & speakers.get(other_id, set()):
                    refuse(
                        submission_id,
                        _("A speaker of this talk speaks in “%(title)s” at that time.")
                        % {"title": title},
                    )
        if errors:
            raise ValidationError(errors)
        for entry in entries:
            if entry.start is None:
                Slot.objects.filter(submission_id=entry.submission_id).delete()
                continue
            slot = Slot.objects.filter(submission_id=entry.submission_id).first()
            values = {
                "start": entry.start,
                "duration_minutes": entry.duration_minutes,
                "room_id": entry.room_id,
            }
            if slot is None:
                slot = Slot(call=locked, submission_id=entry.submission_id, **values)
            elif all(getattr(slot, name) == value for name, value in values.items()):
                continue  # the same again: nothing changes, not even the calendar stamp
            else:
                for name, value in values.items():
                    setattr(slot, name, value)
                slot.sequence += 1  # calendars that have the talk replace it
            slot.full_clean(exclude=["call", "submission", "room"])
            slot.save()


def slot_save(*, submission: Submission, start: datetime, duration_minutes: int, room: Room):
    """One talk's slot (see ``slots_save``)."""
    slots_save(
        call=submission.call,
        entries=[SlotEntry(submission.pk, start, duration_minutes, room.pk)],
    )
    return Slot.objects.get(submission=submission)


def slot_clear(*, submission: Submission) -> None:
    slots_save(call=submission.call, entries=[SlotEntry(submission.pk, None)])


# --- reads -----------------------------------------------------------------------------------


def _speaker_rows():
    return Prefetch(
        "speaker_rows",
        queryset=SubmissionSpeaker.objects.select_related("user__person__organisation").order_by(
            "position", "pk"
        ),
    )


def speakers_shown(submission: Submission) -> list[dict]:
    """The speakers as the public programme names them: the name of their profile (or
    account); their organisation only when their profile is public. Never an email address."""
    shown = []
    for row in submission.speaker_rows.all():
        person = getattr(row.user, "person", None)
        name = (person.name if person else "") or row.user.get_full_name()
        if not name:
            continue
        organisation = (
            person.organisation.name
            if person is not None and person.public_profile and person.organisation_id
            else ""
        )
        shown.append({"name": name, "organisation": organisation, "id": row.user_id})
    return shown


def timetable_of(call: Call) -> list[Submission]:
    """The call's confirmed talks with their slots (``submission.current_slot``), planned ones
    first in time order, then the others by title."""
    submissions = list(
        Submission.objects.filter(call=call, state=Submission.State.CONFIRMED)
        .select_related("format", "track")
        .prefetch_related(_speaker_rows())
        .order_by("title", "pk")
    )
    slots = {slot.submission_id: slot for slot in Slot.objects.filter(call=call)}
    for submission in submissions:
        submission.current_slot = slots.get(submission.pk)
    far = timezone.make_aware(datetime.max - timedelta(days=2))
    submissions.sort(key=lambda s: s.current_slot.start if s.current_slot else far)
    return submissions


def call_of_meeting(slug: str, *, include_unpublished: bool = False) -> Call | None:
    calls = Call.objects.select_related("meeting")
    if not include_unpublished:
        calls = calls.filter(meeting__live=True)
    call = calls.filter(meeting__slug=slug).first()
    if call is not None:
        with_translations([call.meeting])
    return call


def programme_slots(call: Call) -> list[Slot]:
    """The slots of confirmed talks, in time and room order, with everything shown of them:
    a fixed number of queries whatever their number."""
    return _programme(Slot.objects.filter(call=call))


def programme_slots_of_meeting(meeting_id: int) -> list[Slot]:
    """The same for a meeting's page: one query when it has no programme."""
    return _programme(Slot.objects.filter(call__meeting_id=meeting_id))


def _programme(slots) -> list[Slot]:
    slots = list(
        slots.filter(submission__state=Submission.State.CONFIRMED)
        .select_related("room", "submission__format", "submission__track")
        .prefetch_related(Prefetch("submission__speaker_rows", queryset=_speaker_rows().queryset))
        .order_by("start", "room__sort_order", "room_id", "pk")
    )
    for slot in slots:
        slot.speakers = speakers_shown(slot.submission)
    return slots


def programme_grid(slots: list[Slot], rooms: list[Room]) -> tuple[list[Room], list[dict]]:
    """Rows by start time, one cell (a list of slots) per room that has any slot."""
    used = {slot.room_id for slot in slots}
    columns = [room for room in rooms if room.pk in used]
    index = {room.pk: position for position, room in enumerate(columns)}
    rows: list[dict] = []
    for slot in slots:
        if not rows or rows[-1]["start"] != slot.start:
            rows.append({"start": slot.start, "cells": [[] for _ in columns]})
        rows[-1]["cells"][index[slot.room_id]].append(slot)
    return columns, rows
