"""Coordinators' edits of meetings in the admin keep the registrations' promises and tell people.

Registrations themselves are read-only in the admin: they change through their own flows.
"""

from datetime import time, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from icalendar import Calendar
from wagtail.models import ModelLogEntry

from pioneers.core.models import User
from pioneers.meetings import services
from pioneers.meetings.calendar import meeting_calendar
from pioneers.meetings.models import Meeting, Registration
from pioneers.topics.models import Topic
from tests.admin_forms import PUBLISH, admin_form

pytestmark = pytest.mark.django_db

S = Registration.Status


@pytest.fixture
def meeting(demo):
    """The next meeting with two places, both taken, two people waiting, one unconfirmed."""
    meeting = Meeting.objects.filter(date__gte=timezone.localdate()).order_by("date").first()
    meeting.registrations.all().delete()
    meeting.audience = Meeting.Audience.PUBLIC
    meeting.capacity = 2
    meeting.start_time, meeting.end_time = time(13, 30), time(17, 0)
    meeting.save()
    now = timezone.now()
    # Dido went on the waiting list before Cor: she is first in line.
    people = [
        ("Anna", S.CONFIRMED, "nl", now - timedelta(hours=3)),
        ("Bram", S.CONFIRMED, "en", now - timedelta(hours=2)),
        ("Cor", S.WAITLISTED, "nl", now - timedelta(minutes=5)),
        ("Dido", S.WAITLISTED, "en", now - timedelta(hours=1)),
        ("Eva", S.UNCONFIRMED, "nl", None),
        ("Fien", S.CANCELLED, "nl", now - timedelta(hours=4)),
    ]
    for name, status, language, confirmed_at in people:
        Registration.objects.create(
            meeting=meeting,
            name=name,
            email=f"{name.lower()}@example.org",
            status=status,
            language=language,
            confirmed_at=confirmed_at,
        )
    return meeting


def _edit_url(meeting):
    return f"/admin/snippets/meetings/meeting/edit/{meeting.pk}/"


def _status(meeting, name):
    return meeting.registrations.get(name=name).status


def _event(message):
    """The METHOD and the event of the email's calendar attachment."""
    [content] = [c for name, c, kind in message.attachments if name == "meeting.ics"]
    calendar = Calendar.from_ical(content)
    return str(calendar["method"]), calendar.walk("VEVENT")[0]


def _uid(meeting):
    return str(Calendar.from_ical(meeting_calendar([meeting])).walk("VEVENT")[0]["uid"])


def test_lowering_capacity_below_the_places_taken_is_refused_and_nothing_changes(
    coordinator, meeting, django_capture_on_commit_callbacks
):
    url = _edit_url(meeting)
    data = admin_form(coordinator, url) | {"capacity": "1", "title": "Een nieuwe titel"} | PUBLISH
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(url, data)
    assert response.status_code == 200  # the form again, with the error on the field
    html = response.content.decode()
    assert (
        "De capaciteit kan niet lager zijn dan het aantal mensen dat al een plek heeft (2)." in html
    )
    assert 'value="Een nieuwe titel"' in html  # what the coordinator typed is kept
    fresh = Meeting.objects.get(pk=meeting.pk)
    assert (fresh.capacity, fresh.title) == (2, meeting.title)
    assert mail.outbox == []
    assert not ModelLogEntry.objects.filter(object_id=str(meeting.pk), action="wagtail.edit")


def test_raising_capacity_promotes_the_first_on_the_waiting_list(
    coordinator, meeting, django_capture_on_commit_callbacks
):
    url = _edit_url(meeting)
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(url, admin_form(coordinator, url) | {"capacity": "3"} | PUBLISH)
    assert response.status_code == 302
    assert _status(meeting, "Dido") == S.CONFIRMED  # first in line
    assert _status(meeting, "Cor") == S.WAITLISTED
    [message] = mail.outbox
    assert message.to == ["dido@example.org"]
    assert message.subject == f"A place came free for you: {meeting.title}"
    assert "a place came free" in message.body
    # Wagtail's history still records the edit, by the coordinator.
    [entry] = ModelLogEntry.objects.filter(object_id=str(meeting.pk), action="wagtail.edit")
    assert entry.user.email == "coordinator@example.org"


def test_changing_the_time_emails_every_registrant_a_calendar_update(
    coordinator, meeting, django_capture_on_commit_callbacks
):
    url = _edit_url(meeting)
    uid = _uid(meeting)
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(
            url,
            admin_form(coordinator, url) | {"start_time": "14:00", "end_time": "17:30"} | PUBLISH,
        )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.start_time == time(14, 0) and meeting.sequence == 1
    by_address = {m.to[0]: m for m in mail.outbox}
    # Confirmed and waitlisted people; not the unconfirmed nor the cancelled registration.
    assert sorted(by_address) == [
        "anna@example.org",
        "bram@example.org",
        "cor@example.org",
        "dido@example.org",
    ]
    assert by_address["anna@example.org"].subject == f"Gewijzigd: {meeting.title}"
    assert by_address["bram@example.org"].subject == f"Changed: {meeting.title}"
    assert "14:00–17:30" in by_address["anna@example.org"].body
    assert "wachtlijst" in by_address["cor@example.org"].body
    for message in mail.outbox:
        method, event = _event(message)
        assert method == "REQUEST"
        assert str(event["uid"]) == uid
        assert event["sequence"] == 1
        assert event.decoded("dtstart") == meeting.starts_at
    [entry] = ModelLogEntry.objects.filter(action=services.REGISTRANTS_EMAILED)
    assert entry.data == {"kind": "changed", "count": 4}
    history = coordinator.get(f"/admin/snippets/meetings/meeting/history/{meeting.pk}/")
    assert "Aangemelden gemaild over de nieuwe tijd of plaats: 4" in history.content.decode()

    # A change that is not of time or place tells nobody and keeps the sequence.
    other_topic = Topic.objects.originals().exclude(pk=meeting.topic_id).first()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(url, admin_form(coordinator, url) | {"topic": other_topic.pk} | PUBLISH)
    meeting.refresh_from_db()
    assert meeting.topic == other_topic and meeting.sequence == 1
    assert mail.outbox == []


def test_cancelling_emails_every_registrant_once(
    coordinator, meeting, django_capture_on_commit_callbacks
):
    url = _edit_url(meeting)
    uid = _uid(meeting)
    data = (
        admin_form(coordinator, url)
        | {
            "status": "cancelled",
            "cancellation_reason": "De zaal is onder water gelopen.",
        }
        | PUBLISH
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(url, data)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED and meeting.sequence == 1
    by_address = {m.to[0]: m for m in mail.outbox}
    assert sorted(by_address) == [
        "anna@example.org",
        "bram@example.org",
        "cor@example.org",
        "dido@example.org",
        "eva@example.org",
    ]
    assert by_address["eva@example.org"].subject == f"Afgelast: {meeting.title}"
    assert by_address["dido@example.org"].subject == f"Cancelled: {meeting.title}"
    assert "De zaal is onder water gelopen." in by_address["anna@example.org"].body
    for message in mail.outbox:
        method, event = _event(message)
        assert (method, str(event["status"])) == ("CANCEL", "CANCELLED")
        assert str(event["uid"]) == uid and event["sequence"] == 1
    # The registrations stay as they were: the figures show who had registered.
    assert _status(meeting, "Anna") == S.CONFIRMED

    # Saving the cancelled meeting again (or cancelling it again) sends nothing.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(url, admin_form(coordinator, url) | PUBLISH)
        assert services.meeting_cancel(meeting=meeting, by=None) == 0
    assert response.status_code == 302
    assert mail.outbox == []
    assert Meeting.objects.get(pk=meeting.pk).sequence == 1


def test_a_held_meeting_cannot_be_cancelled_in_the_admin(coordinator, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
    url = _edit_url(meeting)
    response = coordinator.post(
        url, admin_form(coordinator, url) | {"status": "cancelled"} | PUBLISH
    )
    assert response.status_code == 200
    assert "Deze bijeenkomst heeft plaatsgevonden; afgelasten kan niet meer." in (
        response.content.decode()
    )
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.HELD


def _refused(response) -> bool:
    """Not found, or Wagtail's "permission denied": back on the dashboard with the message."""
    if response.status_code == 404:
        return True
    return response.redirect_chain[-1][0] == "/admin/" and (
        "Sorry, je hebt geen toegang tot dit gedeelte." in response.content.decode()
    )


def test_the_registration_admin_is_read_only(coordinator, meeting):
    anna = meeting.registrations.get(name="Anna")
    base = "/admin/snippets/meetings/registration"
    listing = coordinator.get(f"{base}/", {"status": "waitlisted", "meeting": meeting.pk})
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Cor" in html and "Anna" not in html
    assert f"{base}/edit/{anna.pk}/" not in html and f"{base}/new/" not in html
    inspect = coordinator.get(f"{base}/inspect/{anna.pk}/")
    assert inspect.status_code == 200 and "anna@example.org" in inspect.content.decode()
    assert coordinator.get(f"{base}/history/{anna.pk}/").status_code == 200

    before = Registration.objects.count()
    attempts = [
        (f"{base}/new/", {"meeting": meeting.pk, "name": "Gast", "status": "confirmed"}),
        (f"{base}/edit/{anna.pk}/", {"name": "Anna", "status": "cancelled"}),
        (f"{base}/delete/{anna.pk}/", {}),
        (f"{base}/copy/{anna.pk}/", {}),
    ]
    for url, data in attempts:
        assert _refused(coordinator.get(url, follow=True)), url
        assert _refused(coordinator.post(url, data, follow=True)), url
    assert Registration.objects.count() == before
    anna.refresh_from_db()
    assert anna.status == S.CONFIRMED


# The services, without the admin ------------------------------------------------------------


def test_meeting_update_refuses_a_capacity_below_the_places_taken(meeting):
    city = meeting.city
    with pytest.raises(ValidationError) as refused:
        services.meeting_update(meeting=meeting, by=None, changes={"capacity": 1, "city": "Ede"})
    assert list(refused.value.error_dict) == ["capacity"]
    fresh = Meeting.objects.get(pk=meeting.pk)
    assert (fresh.capacity, fresh.city) == (2, city) and fresh.sequence == 0


def test_meeting_update_hands_out_every_new_place_in_order(
    meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        change = services.meeting_update(meeting=meeting, by=None, changes={"capacity": 10})
    assert [r.name for r in change.promoted] == ["Dido", "Cor"]
    assert meeting.registrations.filter(status=S.CONFIRMED).count() == 4
    assert sorted(m.to[0] for m in mail.outbox) == ["cor@example.org", "dido@example.org"]
    # The unconfirmed registration gets a place when confirmed, as always.
    services.registration_confirm(registration=meeting.registrations.get(name="Eva"))
    assert _status(meeting, "Eva") == S.CONFIRMED


def test_a_new_place_is_told_in_one_email_and_the_others_get_the_change(
    meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        change = services.meeting_update(
            meeting=meeting, by=None, changes={"capacity": 3, "venue_name": "Bibliotheek"}
        )
    assert [r.name for r in change.promoted] == ["Dido"] and change.emailed == 3
    subjects = sorted((m.to[0], m.subject.split(":")[0]) for m in mail.outbox)
    assert subjects == [
        ("anna@example.org", "Gewijzigd"),
        ("bram@example.org", "Changed"),
        ("cor@example.org", "Gewijzigd"),
        ("dido@example.org", "A place came free for you"),
    ]
    # The promoted person's calendar file has the new place and the new sequence too.
    dido = next(m for m in mail.outbox if m.to == ["dido@example.org"])
    method, event = _event(dido)
    assert method == "PUBLISH" and event["sequence"] == 1
    assert str(event["location"]).startswith("Bibliotheek")


def test_moving_a_meeting_without_registrations_raises_its_sequence_and_emails_nobody(
    meeting, django_capture_on_commit_callbacks
):
    meeting.registrations.all().delete()
    Meeting.objects.filter(pk=meeting.pk).update(reminders_sent_at=timezone.now())
    new_date = meeting.date + timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(meeting=meeting, by=None, changes={"date": new_date})
    fresh = Meeting.objects.get(pk=meeting.pk)
    assert fresh.date == new_date and fresh.sequence == 1
    assert fresh.reminders_sent_at is None  # the reminders go out again before the new date
    assert mail.outbox == []
    event = Calendar.from_ical(meeting_calendar([fresh])).walk("VEVENT")[0]
    assert event["sequence"] == 1


def test_meeting_update_cancels_through_meeting_cancel(meeting, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        change = services.meeting_update(
            meeting=meeting,
            by=None,
            changes={"status": Meeting.Status.CANCELLED, "start_time": time(15, 0)},
        )
    # One email each, the cancellation; not also one about the new time.
    assert change.emailed == 5 and len(mail.outbox) == 5
    assert {m.subject.split(":")[0] for m in mail.outbox} == {"Afgelast", "Cancelled"}
    fresh = Meeting.objects.get(pk=meeting.pk)
    assert fresh.status == Meeting.Status.CANCELLED and fresh.start_time == time(15, 0)
    assert fresh.sequence == 2  # moved, then cancelled
    assert change.promoted == []


def test_meeting_cancel_of_a_held_meeting_is_refused(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status=Meeting.Status.HELD)
    with pytest.raises(ValidationError):
        services.meeting_cancel(meeting=meeting, by=None)
    assert Meeting.objects.get(pk=meeting.pk).status == Meeting.Status.HELD


def test_a_cancelled_place_still_goes_to_the_first_in_line(
    meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=meeting.registrations.get(name="Anna"))
    assert _status(meeting, "Dido") == S.CONFIRMED and _status(meeting, "Cor") == S.WAITLISTED
    assert [m.to[0] for m in mail.outbox] == ["anna@example.org", "dido@example.org"]


def test_an_unknown_calendar_method_is_refused():
    with pytest.raises(ValueError):
        meeting_calendar([], method="REFRESH")


def test_a_coordinator_working_in_english_tells_each_registrant_in_their_own_language(
    meeting, django_capture_on_commit_callbacks
):
    coordinator = User.objects.get(email="coordinator@example.org")
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(meeting=meeting, by=coordinator)
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["anna@example.org"] == f"Afgelast: {meeting.title}"
    assert subjects["bram@example.org"] == f"Cancelled: {meeting.title}"
    assert "Hallo Anna," in next(m.body for m in mail.outbox if m.to == ["anna@example.org"])


def test_a_meeting_people_registered_for_cannot_be_deleted_in_the_admin(coordinator, meeting):
    url = f"/admin/snippets/meetings/meeting/delete/{meeting.pk}/"
    response = coordinator.get(url)
    assert response.status_code == 200 and response.context["is_protected"]
    coordinator.post(url)
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    assert meeting.registrations.count() == 6
    # Without registrations (nobody to tell), it can go.
    empty = Meeting.objects.exclude(pk=meeting.pk).filter(registrations=None).first()
    url = f"/admin/snippets/meetings/meeting/delete/{empty.pk}/"
    assert coordinator.post(url).status_code == 302
    assert not Meeting.objects.filter(pk=empty.pk).exists()
