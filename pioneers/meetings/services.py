"""Writes for meetings: registering, confirming, cancelling, the waiting list, check-in, mail.

A place is handed out only while the meeting's row is locked (``select_for_update`` on
PostgreSQL; SQLite runs every transaction IMMEDIATE, which serialises writers), so the
number of confirmed registrations never exceeds the capacity and none is lost.
"""

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from pioneers.core.cache import tags_changed_on_commit
from pioneers.core.email import EmailParts, email_send
from pioneers.core.links import absolute_url
from pioneers.core.personal_data import removed_person
from pioneers.core.ratelimit import first_time
from pioneers.core.slugs import unique_slug
from pioneers.core.translations import with_translations
from pioneers.meetings.calendar import meeting_calendar
from pioneers.meetings.holidays import region_for_province
from pioneers.meetings.models import (
    Availability,
    Format,
    Meeting,
    Registration,
    default_times,
    new_token,
)
from pioneers.meetings.selectors import is_network_member, registrations_of
from pioneers.network.caching import organisation_tag
from pioneers.network.models import Organisation, Person
from pioneers.network.selectors import current_members
from pioneers.topics.models import Topic
from pioneers.topics.selectors import topics_by_votes
from pioneers.topics.services import topic_schedule

CHECKIN_SALT = "pioneers.meetings.checkin"
REMINDER_BEFORE = timedelta(days=2)
# Registering an address again sends its email again, but not within this time: a flood of
# registrations for one address and meeting gives its owner one email.
RESEND_AFTER = timedelta(minutes=10)


class RegistrationError(Exception):
    """A registration that cannot be made or changed; the message is for the user."""


@dataclass
class Outcome:
    registration: Registration
    created: bool


def _closed_message(meeting: Meeting) -> str:
    state = meeting.registration_state()
    return {
        "cancelled": _("This meeting has been cancelled; registration is not possible."),
        "not_yet": _("Registration for this meeting has not opened yet."),
        "closed": _("Registration for this meeting has closed."),
    }.get(state, "")


def registration_create(
    *,
    meeting: Meeting,
    name: str,
    email: str,
    person: Person | None = None,
    residence: Organisation | None = None,
    accessibility_needs: str = "",
    language: str = "nl",
) -> Outcome:
    """Register someone for a meeting.

    A logged-in pioneer has a verified address and gets a place (or a waiting-list place) at
    once. Anyone else confirms by an emailed link first. Registering an address twice
    changes nothing: a pioneer is told so; an anonymous visitor gets the same answer as a
    new registration and the address's owner gets an email, so nobody learns who registered.
    """
    if not meeting.live:
        raise RegistrationError(_("This meeting is not open for registration."))
    if meeting.registration_state() != "open":
        raise RegistrationError(_closed_message(meeting))
    if not meeting.is_open_to_all and not is_network_member(person):
        if person is None:
            raise RegistrationError(_("This meeting is for members of the network; log in first."))
        raise RegistrationError(
            _(
                "This meeting is for pioneers of a member organisation of the network. Ask to "
                "join your organisation first; once a coordinator has approved that, you can "
                "register."
            )
        )
    email = email.strip().lower()
    existing = (
        Registration.objects.filter(meeting=meeting, email=email)
        .exclude(status=Registration.Status.CANCELLED)
        .first()
    )
    if existing is not None:
        if person is not None:
            raise RegistrationError(_("You are already registered for this meeting."))
        kind = "already_registered" if existing.confirmed_at else "confirm"
        if _first_email(existing, kind):
            _send(existing, kind)
        return Outcome(existing, created=False)
    registration = Registration(
        meeting=meeting,
        person=person,
        name=name.strip(),
        email=email,
        residence=residence,
        accessibility_needs=accessibility_needs.strip(),
        language=language,
        status=Registration.Status.UNCONFIRMED,
    )
    # The database checks the one-live-registration constraint, also in a race; full_clean
    # would raise a ValidationError nobody catches when another request won it a moment ago.
    registration.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        # Another request registered the same address a moment ago (a double click).
        existing = (
            Registration.objects.filter(meeting=meeting, email=email)
            .exclude(status=Registration.Status.CANCELLED)
            .first()
        )
        if person is None and existing is not None:
            return Outcome(existing, created=False)  # that request sends the email
        raise RegistrationError(_("You are already registered for this meeting.")) from None
    if person is None:
        _first_email(registration, "confirm")
        _send(registration, "confirm")
    else:
        _place(registration)
    return Outcome(registration, created=True)


def _first_email(registration: Registration, kind: str) -> bool:
    """Whether no email of this kind about this registration went out in the last RESEND_AFTER."""

    seconds = int(RESEND_AFTER.total_seconds())
    return first_time(f"registration-email:{registration.token}:{kind}", seconds)


def registration_confirm(*, registration: Registration) -> Registration:
    """The emailed link was followed: the address is real, so hand out a place.

    Confirming is idempotent, also when two requests arrive at once (a double click): the
    status is read again under the meeting's lock, so the second request finds the place
    already handed out and changes nothing.
    """
    _place(registration)
    return registration


def _locked_meeting(registration: Registration) -> Meeting:
    """Lock the registration's meeting and read the registration again under that lock.

    Every change of a registration's status happens under this lock, so what is read here
    is current until the transaction ends; a copy read before (by a view) may be stale.
    """
    meeting = Meeting.objects.select_for_update().get(pk=registration.meeting_id)
    registration.refresh_from_db()
    registration.meeting = meeting
    return meeting


def _place(registration: Registration) -> None:
    with transaction.atomic():
        meeting = _locked_meeting(registration)
        if registration.status == Registration.Status.CANCELLED:
            raise RegistrationError(
                _("This registration was cancelled; register again if you like.")
            )
        if registration.status != Registration.Status.UNCONFIRMED:
            return  # following the link twice, or twice at once, is harmless
        if meeting.status == Meeting.Status.CANCELLED:
            raise RegistrationError(_closed_message(meeting))
        if meeting.has_begun:
            # An old, never confirmed registration must not change a past meeting's figures.
            raise RegistrationError(_("Registration for this meeting has closed."))
        taken = (
            meeting.registrations.filter(status=Registration.Status.CONFIRMED)
            .exclude(pk=registration.pk)
            .count()
        )
        registration.status = (
            Registration.Status.CONFIRMED
            if taken < meeting.capacity
            else Registration.Status.WAITLISTED
        )
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at"])
    _send(registration, registration.status)


def registration_cancel(*, registration: Registration) -> Registration | None:
    """Cancel a registration; a freed place goes to the first on the waiting list.

    Cancelling twice (or twice at once) changes nothing the second time. Returns the
    promoted registration, if any.
    """
    promoted = None
    with transaction.atomic():
        meeting = _locked_meeting(registration)
        if registration.status == Registration.Status.CANCELLED:
            return None
        if meeting.has_begun:
            raise RegistrationError(
                _("This meeting has begun; a registration can no longer be cancelled.")
            )
        was_confirmed = registration.status == Registration.Status.CONFIRMED
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if was_confirmed and meeting.status != meeting.Status.HELD:
            promoted = next(iter(_promote(meeting)), None)
    _send(registration, "cancelled")
    if promoted is not None:
        _send(promoted, "promoted")
    return promoted


def _promote(meeting: Meeting) -> list[Registration]:
    """Give the free places to the waiting list, first come first served.

    Call with the meeting's row locked: the places are counted and handed out under that
    lock. The caller emails the promoted people.
    """
    taken = meeting.registrations.filter(status=Registration.Status.CONFIRMED).count()
    free = meeting.capacity - taken
    if free <= 0:
        return []
    promoted = list(
        meeting.registrations.filter(status=Registration.Status.WAITLISTED).order_by(
            "confirmed_at", "pk"
        )[:free]
    )
    for registration in promoted:
        registration.status = Registration.Status.CONFIRMED
        registration.save(update_fields=["status"])
    return promoted


REGISTRANTS_EMAILED = "meetings.registrants_emailed"

# What people need to find the meeting in their calendar: a change tells every registrant.
WHEN_AND_WHERE = (
    "date",
    "start_time",
    "end_time",
    "venue_name",
    "street_address",
    "postal_code",
    "city",
)


@dataclass
class MeetingChange:
    meeting: Meeting
    promoted: list[Registration]
    # Registrants emailed that the time or place changed, or that the meeting is cancelled.
    emailed: int


def meeting_update(
    *,
    meeting: Meeting,
    by,
    changes: dict | None = None,
    save: Callable[[Meeting], object] | None = None,
) -> MeetingChange:
    """Change a meeting and keep what its registrations were promised.

    ``changes`` (field names and values) are set on ``meeting`` first; the admin passes a
    meeting its form changed already and a ``save`` that saves the form (agenda, materials)
    and keeps Wagtail's history; without one the meeting is validated and saved. Under the
    meeting's lock:

    - a capacity below the places already given is refused (a ValidationError on
      ``capacity``) and nothing is saved;
    - places that are free go to the waiting list in order, and each promoted person gets
      an email;
    - a new date, time or place raises ``sequence`` and emails every confirmed and
      waitlisted registrant the meeting with an updated calendar event; a new date sends
      the reminders again before it;
    - a status set to cancelled cancels the meeting through ``meeting_cancel``.
    """
    for field, value in (changes or {}).items():
        setattr(meeting, field, value)
    if not meeting.is_original:
        # A translation gives text only (the admin's form keeps the rest as the original's):
        # it promises the registrants nothing, so it is saved as it is.
        if save is None:
            meeting.full_clean()
            meeting.save()
        else:
            save(meeting)
        return MeetingChange(meeting=meeting, promoted=[], emailed=0)
    with transaction.atomic():
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        taken = current.registrations.filter(status=Registration.Status.CONFIRMED).count()
        if meeting.capacity is not None and meeting.capacity < taken:
            raise ValidationError(
                {
                    "capacity": ValidationError(
                        _(
                            "The capacity cannot be lower than the number of people who "
                            "already have a place (%(taken)s)."
                        ),
                        code="below_taken",
                        params={"taken": taken},
                    )
                }
            )
        cancelling = (
            meeting.status == Meeting.Status.CANCELLED
            and current.status != Meeting.Status.CANCELLED
        )
        if cancelling:
            meeting.status = current.status  # meeting_cancel sets it and tells everyone
        moved = any(getattr(meeting, f) != getattr(current, f) for f in WHEN_AND_WHERE)
        # Fields no form edits: those of the locked row, not of a copy read before the lock.
        meeting.sequence = current.sequence + (1 if moved else 0)
        meeting.reminders_sent_at = (
            None if meeting.date != current.date else current.reminders_sent_at
        )
        if save is None:
            meeting.full_clean()
            meeting.save()
        else:
            save(meeting)
        promoted, emailed = [], 0
        upcoming = not cancelling and meeting.status in (
            Meeting.Status.PLANNED,
            Meeting.Status.CONFIRMED,
        )
        if upcoming and not meeting.has_begun:
            promoted = _promote(meeting)
            for registration in promoted:
                _send(registration, "promoted")
        if moved and upcoming and meeting.ends_at > timezone.now():
            told = meeting.registrations.filter(
                status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]
            ).exclude(pk__in=[r.pk for r in promoted])  # their email has the new time
            emailed = _email_registrants(meeting, told, kind="changed", by=by)
        if cancelling:
            emailed = meeting_cancel(meeting=meeting, by=by, reason=meeting.cancellation_reason)
    return MeetingChange(meeting=meeting, promoted=promoted, emailed=emailed)


def meeting_cancel(*, meeting: Meeting, by, reason: str = "") -> int:
    """Cancel a meeting and email everyone registered; returns how many were emailed.

    Confirmed, waitlisted and unconfirmed registrants get the cancellation with a calendar
    update that removes the event; their registrations stay as they were, so the figures
    still show who had registered. Cancelling twice, or twice at once, sends nothing the
    second time. A meeting that was held cannot be cancelled.
    """
    with transaction.atomic():
        current = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if current.status == Meeting.Status.HELD:
            raise ValidationError(
                {"status": _("This meeting was held; it can no longer be cancelled.")},
                code="held",
            )
        emailed = 0
        if current.status != Meeting.Status.CANCELLED:
            current.status = Meeting.Status.CANCELLED
            current.sequence += 1
            current.cancellation_reason = reason.strip() or current.cancellation_reason
            current.save(update_fields=["status", "sequence", "cancellation_reason"])
            if current.ends_at > timezone.now():
                told = current.registrations.filter(
                    status__in=[
                        Registration.Status.CONFIRMED,
                        Registration.Status.WAITLISTED,
                        Registration.Status.UNCONFIRMED,
                    ]
                )
                emailed = _email_registrants(current, told, kind="cancelled_meeting", by=by)
    meeting.status = current.status
    meeting.sequence = current.sequence
    meeting.cancellation_reason = current.cancellation_reason
    return emailed


def _email_registrants(meeting: Meeting, registrations, *, kind: str, by) -> int:
    """Email each registration (in its language) and note in the meeting's history how many."""

    count = 0
    for registration in registrations:
        _send(registration, kind)
        count += 1
    if count:
        log(
            instance=meeting,
            action=REGISTRANTS_EMAILED,
            user=by,
            data={"kind": kind, "count": count},
        )
    return count


def checkin_code(registration: Registration) -> str:
    """What the QR code in the confirmation email holds: a signed registration number."""
    return signing.dumps(registration.pk, salt=CHECKIN_SALT, compress=True)


def registration_from_checkin_code(code: str) -> Registration:
    try:
        pk = signing.loads(code, salt=CHECKIN_SALT)
    except signing.BadSignature:
        raise RegistrationError(_("This check-in code is not valid.")) from None
    registration = Registration.objects.select_related("meeting").filter(pk=pk).first()
    if registration is None:
        raise RegistrationError(_("This check-in code is not valid."))
    return registration


ATTENDANCE_CORRECTED = "meetings.attendance_corrected"


def checkin_refusal(meeting: Meeting, user) -> str:
    """Why this user cannot change who came to the meeting now, or "" when they can.

    Hosts check people in from the meeting day until a while after it (see settings);
    afterwards only coordinators correct the attendance, and every correction is logged.
    """
    if meeting.status == Meeting.Status.CANCELLED:
        return str(_("This meeting has been cancelled; there is nobody to check in."))
    state = meeting.checkin_state()
    if state == "not_yet":
        return str(_("Check-in opens on %(date)s.") % {"date": _when(meeting.checkin_opens_at)})
    if state == "closed" and not user.has_perm("meetings.correct_attendance", meeting):
        return str(
            _("Check-in closed on %(date)s; only coordinators can still change who came.")
            % {"date": _when(meeting.checkin_closes_at)}
        )
    return ""


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "j F Y, H:i")


def registration_check_in(*, registration: Registration, by) -> Registration:
    return _attendance_set(registration, by=by, came=True)


def registration_check_in_undo(*, registration: Registration, by) -> Registration:
    return _attendance_set(registration, by=by, came=False)


def _attendance_set(registration: Registration, *, by, came: bool) -> Registration:
    """Check someone in (or undo it) once: the update only changes a row that still needs it."""

    meeting = Meeting.objects.get(pk=registration.meeting_id)
    refusal = checkin_refusal(meeting, by)
    if refusal:
        raise RegistrationError(refusal)
    with transaction.atomic():
        changed = Registration.objects.filter(
            pk=registration.pk,
            status=Registration.Status.CONFIRMED,
            checked_in_at__isnull=came,
        ).update(checked_in_at=timezone.now() if came else None)
        registration.refresh_from_db()
        if registration.status != Registration.Status.CONFIRMED:
            raise RegistrationError(
                _("%(name)s has no confirmed place (%(status)s).")
                % {"name": registration.name, "status": registration.get_status_display()}
            )
        if changed and meeting.checkin_state() == "closed":
            log(instance=registration, action=ATTENDANCE_CORRECTED, user=by, data={"came": came})
        if changed:
            # update() sends no signal: the meeting's page and its report count the check-ins,
            # and the page of the organisation of the one checked in counts its attendance.
            tags = [f"meeting:{meeting.pk}"]
            if registration.person_id and registration.person.organisation_id:
                tags.append(organisation_tag(registration.person.organisation_id))
            tags_changed_on_commit(*tags)
    return registration


def reminders_send(now=None) -> int:
    """Queue the reminder for every confirmed registration of meetings two days away.

    Run by ``pioneers housekeeping`` every minute; each meeting's reminders go out once.
    """
    now = now or timezone.now()
    sent = 0
    due = Meeting.objects.filter(
        live=True,
        reminders_sent_at__isnull=True,
        status__in=[Meeting.Status.PLANNED, Meeting.Status.CONFIRMED],
        date__gte=now.date(),
        date__lte=(now + REMINDER_BEFORE).date(),
    )
    for meeting in due:
        with transaction.atomic():
            claimed = Meeting.objects.filter(pk=meeting.pk, reminders_sent_at__isnull=True).update(
                reminders_sent_at=now
            )
            if not claimed:
                continue
            registrations = list(meeting.registrations.filter(status=Registration.Status.CONFIRMED))
            Registration.objects.filter(pk__in=[r.pk for r in registrations]).update(
                reminded_at=now
            )
            for registration in registrations:
                _send(registration, "reminder")
                sent += 1
    return sent


def accessibility_needs_erase(now=None) -> int:
    """Erase the accessibility needs (health data) nobody needs any more; returns how many.

    Those of meetings whose day ended more than ``ACCESSIBILITY_NEEDS_DAYS`` days ago, and
    those of cancelled registrations. Run by ``pioneers housekeeping`` every minute.
    """
    today = timezone.localdate(now)
    ended_before = today - timedelta(days=settings.ACCESSIBILITY_NEEDS_DAYS)
    return (
        Registration.objects.exclude(accessibility_needs="")
        .filter(Q(meeting__date__lt=ended_before) | Q(status=Registration.Status.CANCELLED))
        .update(accessibility_needs="")
    )


def _send(registration: Registration, kind: str) -> None:
    email_send(
        template=f"meetings/email/{kind}",
        to=[registration],
        language=registration.language,
        context={"registration": registration},
    )


# Emails whose calendar attachment updates (REQUEST) or removes (CANCEL) the event people have.
CALENDAR_UPDATES = {"changed": "REQUEST", "cancelled_meeting": "CANCEL"}


def registration_email_parts(*, template: str, context: dict) -> EmailParts | None:
    """What an email about a registration adds, in the task that sends it: its links, and
    the meeting as an iCalendar attachment with the check-in QR code for confirmations and
    reminders, or the calendar update of a changed or cancelled meeting. An erased
    registration gets nothing."""
    import segno  # heavy: loaded only when an email needs a QR code

    registration = context["registration"]
    if registration.is_erased:
        return None
    kind = template.rsplit("/", 1)[-1]
    # The task renders in the registrant's language: the meeting's text in it where translated.
    (meeting,) = with_translations([registration.meeting])
    parts = EmailParts(
        context={
            "meeting": meeting,
            "meeting_url": absolute_url(meeting.get_absolute_url()),
            "confirm_url": absolute_url(
                reverse("meetings:confirm", kwargs={"token": registration.token})
            ),
            "manage_url": absolute_url(
                reverse("meetings:manage", kwargs={"token": registration.token})
            ),
        }
    )
    if kind in CALENDAR_UPDATES:
        method = CALENDAR_UPDATES[kind]
        parts.attachments.append(
            ("meeting.ics", meeting_calendar([meeting], method=method), "text/calendar")
        )
    if kind in ("confirmed", "promoted", "reminder"):
        parts.attachments.append(("meeting.ics", meeting_calendar([meeting]), "text/calendar"))
        checkin_url = absolute_url(
            reverse("meetings:checkin_scan", kwargs={"code": checkin_code(registration)})
        )
        png = io.BytesIO()
        segno.make(checkin_url, error="m").save(png, kind="png", scale=6, border=2)
        parts.attachments.append(("check-in.png", png.getvalue(), "image/png"))
    return parts


def _locks_from_json(raw: dict):
    from pioneers.meetings.planner import Lock  # heavy: the planner loads only when planning

    locks = {}
    for index, cells in raw.items():
        cells = dict(cells)
        if cells.get("date"):
            cells["date"] = date.fromisoformat(cells["date"])
        locks[int(index)] = Lock(**cells)
    return locks


def plan_locks_save(*, programme, locks: dict[int, dict]) -> None:
    """Keep the cells the coordinator fixed; the rest is planned around them."""
    programme.plan_locks = {str(i): cells for i, cells in locks.items() if cells}
    programme.save(update_fields=["plan_locks"])


def availability_save(
    *, programme, organisation, willing_to_host: bool, willing_to_chair: bool, blocked_dates, user
):

    availability, _created = Availability.objects.update_or_create(
        programme=programme,
        organisation=organisation,
        defaults={
            "willing_to_host": willing_to_host,
            "willing_to_chair": willing_to_chair,
            "blocked_dates": [d.isoformat() for d in blocked_dates],
            "updated_by": user,
        },
    )
    return availability


def _place_name(organisation: Organisation) -> str:
    """The town of a municipality: its name without the CBS suffix, "Bergen (NH.)" -> Bergen."""
    return re.sub(r"\s*\([^)]*\)$", "", organisation.name).strip() or organisation.name


def meetings_create_from_plan(*, programme, plan) -> list[Meeting]:
    """Turn the proposal into draft meetings; numbers that exist already are left alone.

    Their text is in the network's language (``LANGUAGE_CODE``), whoever presses the button:
    a draft is the start of what every visitor will read. The street address is left for the
    coordinator to fill in; a draft cannot be published before it is.
    """
    with translation.override(settings.LANGUAGE_CODE):
        return _meetings_create_from_plan(programme=programme, plan=plan)


def _meetings_create_from_plan(*, programme, plan) -> list[Meeting]:

    existing = set(programme.meetings.values_list("number", flat=True))
    hosts = Organisation.objects.in_bulk([m.host_id for m in plan.meetings if m.host_id])
    topics = Topic.objects.originals().in_bulk([m.topic_id for m in plan.meetings if m.topic_id])
    created = []
    with transaction.atomic():
        for planned in plan.meetings:
            number = planned.index + 1
            host = hosts.get(planned.host_id)
            if number in existing or host is None or planned.date is None:
                continue
            topic = topics.get(planned.topic_id)
            title = topic.name if topic else str(Format(planned.format).label).capitalize()
            start_time, end_time = default_times(planned.format)
            slug = unique_slug(
                f"{planned.date.year}-{number}-{title}",
                taken=lambda slug: Meeting.objects.filter(slug=slug).exists(),
                max_length=190,
            )
            meeting = Meeting(
                programme=programme,
                number=number,
                title=title,
                slug=slug,
                topic=topic,
                format=planned.format,
                date=planned.date,
                start_time=start_time,
                end_time=end_time,
                host=host,
                guest_chair_id=planned.chair_id,
                venue_name=str(_("Town hall of %(name)s") % {"name": host.name}),
                city=_place_name(host),
                audience=(
                    Meeting.Audience.RESIDENTS
                    if planned.format == Format.RESIDENTS
                    else Meeting.Audience.MEMBERS
                ),
                live=False,
            )
            meeting.full_clean()
            meeting.save()
            created.append(meeting)
        for topic_id in {meeting.topic_id for meeting in created if meeting.topic_id}:
            topic_schedule(topic_id=topic_id)
    return created


def meeting_publish(
    *, meeting: Meeting, by, publish: Callable[[Meeting], object], later: bool = False
) -> MeetingChange | None:
    """Publish a revision of a meeting: ``meeting`` is the revision's version, ``publish``
    Wagtail's publishing of it (see pioneers/meetings/publishing.py).

    A meeting that lacks what people need to come is refused (a ValidationError per missing
    field); otherwise the rules of ``meeting_update`` hold: the capacity, the waiting list,
    and emails to the registrants when the published change moves or cancels the meeting.
    ``later``: the revision is only scheduled and the live meeting stays as it is; the rules
    apply when the time comes.
    """
    missing = meeting.missing_for_publication()
    if missing:
        raise ValidationError(
            {
                field: ValidationError(
                    _("Fill this in before the meeting is published."), code="incomplete"
                )
                for field in missing
            }
        )
    if later:
        publish(meeting)
        return None
    change = meeting_update(meeting=meeting, by=by, save=publish)
    if meeting.topic_id and meeting.status != Meeting.Status.CANCELLED:
        topic_schedule(topic_id=meeting.topic_id)  # the topic map shows it as scheduled
    return change


def _region(province: str) -> str:
    """The school-holiday region; unknown ("") means every region's holidays are avoided."""

    try:
        return region_for_province(province)
    except ValueError:
        return ""  # a province a coordinator added by hand, outside the Dutch twelve


def _planner_member(organisation, *, offer=None, plannable=True):
    from pioneers.meetings.planner import Member  # heavy: loaded only when planning

    province = organisation.province.name if organisation.province else ""
    return Member(
        id=organisation.pk,
        name=organisation.name,
        province=province,
        latitude=organisation.latitude,
        longitude=organisation.longitude,
        region=_region(province),
        is_municipality=organisation.kind == Organisation.Kind.MUNICIPALITY,
        willing_to_host=offer.willing_to_host if offer else True,
        willing_to_chair=offer.willing_to_chair if offer else True,
        blocked_dates=frozenset(
            date.fromisoformat(d) for d in (offer.blocked_dates if offer else [])
        ),
        plannable=plannable,
    )


def plan_programme(programme):
    """Propose the whole programme from the members' stated availability (see planner.py).

    Members that said nothing count as willing to host and chair; how often each chaired
    in earlier programmes decides who chairs first. Every meeting that exists in the
    programme, draft or published, is a fixed point: its venue, chair, date, topic and format
    stay as they are, the coordinator's locks apply to the rest, and the rotation rules and
    the fairness figures count the existing meetings with the new ones.
    """

    # heavy: the planner loads only when planning
    from pioneers.meetings.planner import MAX_MEETINGS, Lock, plan_rotation

    availability = {a.organisation_id: a for a in programme.availabilities.all()}
    members = [
        _planner_member(organisation, offer=availability.get(organisation.pk))
        for organisation in current_members().select_related("province").order_by("pk")
        # The planner measures travel; an organisation without a place cannot host.
        if organisation.latitude is not None and organisation.longitude is not None
    ]
    existing = list(programme.meetings.filter(number__range=(1, MAX_MEETINGS)).order_by("number"))
    # Hosts and chairs of existing meetings who are no (located) member any more still host
    # and chair those meetings; the planner proposes nothing else for them.
    known = {m.id for m in members}
    others = {m.host_id for m in existing} | {m.guest_chair_id for m in existing}
    others -= known | {None}
    members += [
        _planner_member(organisation, plannable=False)
        for organisation in Organisation.objects.filter(pk__in=others).select_related("province")
    ]
    known = {m.id for m in members}
    count = max([programme.planned_meetings, *(m.number for m in existing)])
    topic_list = [item.topic_id for item in programme.topic_items.all()]
    # A locked topic that was deleted since is planned anew.
    topic_ids = set(Topic.objects.originals().values_list("pk", flat=True))
    locked = {}
    for index, lock in _locks_from_json(programme.plan_locks).items():
        if index < count:  # a lock of a meeting the programme no longer plans is dropped
            locked[index] = Lock(
                date=lock.date,
                host_id=lock.host_id if lock.host_id in known else None,
                chair_id=lock.chair_id if lock.chair_id in known else None,
                format=lock.format,
                topic_id=lock.topic_id if lock.topic_id in topic_ids else None,
            )
    for meeting in existing:
        locked[meeting.number - 1] = Lock(
            fixed=True,
            date=meeting.date,
            host_id=meeting.host_id,
            chair_id=meeting.guest_chair_id,
            format=meeting.format,
            topic_id=meeting.topic_id,
        )
    chair_counts = dict(
        Meeting.objects.exclude(programme=programme)
        .exclude(guest_chair=None)
        .values("guest_chair")
        .annotate(n=Count("pk"))
        .values_list("guest_chair", "n")
    )
    return plan_rotation(
        start=programme.start_date,
        meetings=count,
        members=members,
        topics=topic_list,
        # Where the programme lists no topic for a meeting, the members' votes decide.
        voted_topics=[(pk, n) for pk, n in topics_by_votes() if pk in topic_ids],
        cadence_months=programme.cadence_months,
        allow_same_host_and_chair=programme.allow_same_host_and_chair,
        chair_counts=chair_counts,
        locked=locked,
    )


# A person's own data (see pioneers.core.personal_data) ------------------------------------


def registrations_export(user) -> list[dict]:
    return [
        {
            "meeting": registration.meeting.title,
            "date": registration.meeting.date.isoformat(),
            "name": registration.name,
            "email": registration.email,
            "residence": registration.residence.name if registration.residence_id else None,
            "accessibility_needs": registration.accessibility_needs,
            "status": registration.status,
            "language": registration.language,
            "registered_at": registration.created_at.isoformat(),
            "checked_in_at": (
                registration.checked_in_at.isoformat() if registration.checked_in_at else None
            ),
        }
        for registration in registrations_of(user).select_related("meeting", "residence")
    ]


def registrations_erase(user) -> None:
    """Give up places for meetings still to come; keep every row, without the person in it.

    Status and check-in stay, so a meeting's figures do not change; the personal link stops
    working (new token) and emails about an erased registration are no longer sent.
    """

    now, removed = timezone.now(), removed_person()
    for registration in registrations_of(user).select_related("meeting"):
        meeting = registration.meeting
        upcoming = meeting.ends_at > now and meeting.status != Meeting.Status.HELD
        if upcoming and registration.status != Registration.Status.CANCELLED:
            registration_cancel(registration=registration)
        registration.person = None
        registration.name = removed
        registration.email = f"{registration.pk}@{Registration.ERASED_DOMAIN}"
        registration.residence = None
        registration.accessibility_needs = ""
        registration.token = new_token()
        registration.save(
            update_fields=["person", "name", "email", "residence", "accessibility_needs", "token"]
        )
