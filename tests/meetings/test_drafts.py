"""Meetings in Wagtail's draft state: edits wait in revisions until they are published, every
publication goes through the meetings' services, and housekeeping publishes on schedule."""

import logging
from datetime import time, timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Revision

from pioneers.core.roles import COORDINATORS
from pioneers.meetings import services
from pioneers.meetings.models import Meeting, Registration
from tests.admin_forms import PUBLISH, admin_form

pytestmark = pytest.mark.django_db

S = Registration.Status


@pytest.fixture
def meeting(demo):
    """The next live meeting, open to everyone: two places, both taken, one person waiting."""
    meeting = Meeting.objects.filter(live=True, date__gte=timezone.localdate())
    meeting = meeting.order_by("date").first()
    meeting.registrations.all().delete()
    meeting.audience = Meeting.Audience.PUBLIC
    meeting.capacity = 2
    meeting.start_time, meeting.end_time = time(13, 30), time(17, 0)
    meeting.save()
    for name, status in (("Anna", S.CONFIRMED), ("Bram", S.CONFIRMED), ("Cor", S.WAITLISTED)):
        Registration.objects.create(
            meeting=meeting,
            name=name,
            email=f"{name.lower()}@example.org",
            status=status,
            confirmed_at=timezone.now(),
        )
    return meeting


def _edit_url(meeting):
    return f"/admin/snippets/meetings/meeting/edit/{meeting.pk}/"


def _fresh(meeting):
    return Meeting.objects.get(pk=meeting.pk)


def test_a_draft_edit_does_not_change_the_public_page_until_published(
    coordinator, meeting, django_capture_on_commit_callbacks
):
    reader, public = Client(), meeting.get_absolute_url()
    assert meeting.title in reader.get(public).content.decode()
    url = _edit_url(meeting)
    draft = {"title": "Een nieuwe titel", "start_time": "14:00", "end_time": "17:30"}
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(url, admin_form(coordinator, url) | draft)
    assert response.status_code == 302
    fresh = _fresh(meeting)
    assert (fresh.title, fresh.start_time, fresh.sequence) == (meeting.title, time(13, 30), 0)
    assert fresh.has_unpublished_changes and fresh.revisions.count() == 1
    assert mail.outbox == []  # nobody is told of a draft
    html = reader.get(public).content.decode()
    assert meeting.title in html and "Een nieuwe titel" not in html
    # The admin edits the draft; the coordinator's view of the page says a draft waits.
    assert 'value="Een nieuwe titel"' in coordinator.get(url).content.decode()
    assert "wijzigingen die nog niet gepubliceerd zijn" in coordinator.get(public).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(url, admin_form(coordinator, url) | PUBLISH)
    assert response.status_code == 302
    fresh = _fresh(meeting)
    assert (fresh.title, fresh.start_time, fresh.sequence) == ("Een nieuwe titel", time(14), 1)
    assert not fresh.has_unpublished_changes
    # Published through the services: everyone with a place or waiting hears of the new time.
    assert sorted(m.to[0] for m in mail.outbox) == [
        "anna@example.org",
        "bram@example.org",
        "cor@example.org",
    ]
    assert "Een nieuwe titel" in reader.get(public).content.decode()  # the cache was emptied
    # Both edits are revisions; the published one is live.
    assert fresh.revisions.count() == 2
    assert fresh.live_revision_id == fresh.latest_revision_id
    history = coordinator.get(f"/admin/snippets/meetings/meeting/history/{meeting.pk}/")
    assert history.status_code == 200


def test_publishing_a_capacity_below_the_places_taken_is_refused_and_changes_nothing(
    coordinator, meeting, django_capture_on_commit_callbacks
):
    url = _edit_url(meeting)
    # As a draft it is kept: it changes nothing yet.
    response = coordinator.post(url, admin_form(coordinator, url) | {"capacity": "1"})
    assert response.status_code == 302
    assert _fresh(meeting).capacity == 2
    revisions = _fresh(meeting).revisions.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(url, admin_form(coordinator, url) | PUBLISH)
    assert response.status_code == 200
    assert (
        "De capaciteit kan niet lager zijn dan het aantal mensen dat al een plek heeft (2)."
        in response.content.decode()
    )
    fresh = _fresh(meeting)
    assert (fresh.capacity, fresh.live_revision) == (2, None)
    assert fresh.revisions.count() == revisions  # the refused publication saved no revision
    assert mail.outbox == []


def test_unpublishing_hides_the_meeting_from_visitors(
    coordinator, meeting, django_capture_on_commit_callbacks
):
    reader, public = Client(), meeting.get_absolute_url()
    assert reader.get(public).status_code == 200
    assert meeting.title in reader.get("/nl/bijeenkomsten/").content.decode()
    url = f"/admin/snippets/meetings/meeting/unpublish/{meeting.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        assert coordinator.post(url).status_code == 302
    assert not _fresh(meeting).live
    # The cached pages were emptied: the meeting is gone from its page and the list.
    assert reader.get(public).status_code == 404
    assert reader.get(f"/en/meetings/{meeting.slug}/").status_code == 404
    assert meeting.title not in reader.get("/nl/bijeenkomsten/").content.decode()
    with pytest.raises(services.RegistrationError):
        services.registration_create(meeting=_fresh(meeting), name="Dido", email="d@example.org")


def _make_due(revision, moment):
    """Let the scheduled time of ``revision`` pass."""
    revision.content["go_live_at"] = moment.isoformat()
    revision.approved_go_live_at = moment
    revision.save(update_fields=["content", "approved_go_live_at"])


def test_housekeeping_publishes_a_scheduled_change_through_the_services(
    coordinator, meeting, django_capture_on_commit_callbacks
):
    url = _edit_url(meeting)
    later = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%d %H:%M")
    data = admin_form(coordinator, url) | {"venue_name": "Bibliotheek", "go_live_at": later}
    assert coordinator.post(url, data | PUBLISH).status_code == 302
    fresh = _fresh(meeting)
    assert fresh.live and fresh.venue_name == meeting.venue_name  # not yet
    scheduled = fresh.scheduled_revision
    assert scheduled is not None
    _make_due(scheduled, timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("housekeeping")
    fresh = _fresh(meeting)
    assert fresh.venue_name == "Bibliotheek" and fresh.sequence == 1
    assert fresh.live_revision_id == scheduled.pk
    assert sorted(m.to[0] for m in mail.outbox) == [
        "anna@example.org",
        "bram@example.org",
        "cor@example.org",
    ]
    assert "Bibliotheek" in Client().get(meeting.get_absolute_url()).content.decode()


def test_housekeeping_publishes_a_draft_meeting_when_its_time_has_come(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(live=False)
    public = meeting.get_absolute_url()
    assert Client().get(public).status_code == 404
    draft = _fresh(meeting)
    draft.go_live_at = timezone.now() - timedelta(minutes=1)
    draft.save_revision(approved_go_live_at=draft.go_live_at)
    call_command("housekeeping")
    assert _fresh(meeting).live
    assert Client().get(public).status_code == 200


def test_housekeeping_unpublishes_a_meeting_whose_time_is_up(meeting):
    Meeting.objects.filter(pk=meeting.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    call_command("housekeeping")
    fresh = _fresh(meeting)
    assert not fresh.live and fresh.expired
    assert Client().get(meeting.get_absolute_url()).status_code == 404


def test_a_scheduled_change_the_rules_refuse_stays_a_draft(meeting, caplog):
    draft = _fresh(meeting)
    draft.capacity = 1  # below the two places taken
    revision = draft.save_revision()
    _make_due(revision, timezone.now() - timedelta(minutes=1))
    with caplog.at_level(logging.WARNING):
        call_command("housekeeping")  # fails no chore: it would fail every minute
    fresh = _fresh(meeting)
    assert fresh.capacity == 2 and fresh.has_unpublished_changes
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None
    assert f"Scheduled publication of meeting {meeting.pk} refused" in caplog.text


def test_coordinators_may_publish_meetings(db):
    group = Group.objects.get(name=COORDINATORS)
    assert group.permissions.filter(codename="publish_meeting").exists()


def test_the_admin_lists_which_meetings_are_live(coordinator, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(live=False)
    listing = "/admin/snippets/meetings/meeting/"
    html = coordinator.get(listing).content.decode()
    assert "Publicatie" in html
    drafts = coordinator.get(listing, {"live": "false"}).content.decode()
    assert f"edit/{meeting.pk}/" in drafts and "concept" in drafts
    assert f"edit/{meeting.pk}/" not in coordinator.get(listing, {"live": "true"}).content.decode()


def test_a_meeting_made_in_the_admin_is_a_draft_until_published(coordinator, meeting):
    url = "/admin/snippets/meetings/meeting/add/"
    data = admin_form(coordinator, url) | {
        "programme": meeting.programme_id,
        "number": "99",
        "title": "Een extra bijeenkomst",
        "slug": "een-extra-bijeenkomst",
        "format": "lab",
        "status": "planned",
        "date": (timezone.localdate() + timedelta(days=60)).isoformat(),
        "start_time": "13:30",
        "end_time": "17:00",
        "host": meeting.host_id,
        "venue_name": "Stadskantoor",
        "city": "Schiedam",
        "audience": "public",
        "capacity": "40",
    }
    assert coordinator.post(url, data).status_code == 302
    made = Meeting.objects.get(slug="een-extra-bijeenkomst")
    assert not made.live and made.revisions.count() == 1
    assert Client().get(made.get_absolute_url()).status_code == 404
    # Publishing needs the street address, as always.
    edit = _edit_url(made)
    assert coordinator.post(edit, admin_form(coordinator, edit) | PUBLISH).status_code == 200
    data = admin_form(coordinator, edit) | {"street_address": "Stadserf 1"} | PUBLISH
    assert coordinator.post(edit, data).status_code == 302
    assert _fresh(made).live
    assert Client().get(made.get_absolute_url()).status_code == 200
