"""Every email about a registration, in either language: its subject and what it carries."""

import pytest
from django.core import mail
from django.utils import timezone

from pioneers.core.email import email_send
from pioneers.meetings.models import Meeting, Registration

pytestmark = pytest.mark.django_db

# kind: English and Dutch subject, without the meeting's title, and the attachments.
KINDS = {
    "confirm": ("Confirm your registration", "Bevestig je aanmelding", set()),
    "confirmed": ("You are registered", "Je bent aangemeld", {"meeting.ics", "check-in.png"}),
    "waitlisted": ("You are on the waiting list", "Je staat op de wachtlijst", set()),
    "promoted": (
        "A place came free for you",
        "Er is een plek vrijgekomen voor je",
        {"meeting.ics", "check-in.png"},
    ),
    "reminder": ("Reminder", "Herinnering", {"meeting.ics", "check-in.png"}),
    "cancelled": ("Registration cancelled", "Aanmelding geannuleerd", set()),
    "already_registered": ("You were already registered", "Je was al aangemeld", set()),
    "changed": ("Changed", "Gewijzigd", {"meeting.ics"}),
    "cancelled_meeting": ("Cancelled", "Afgelast", {"meeting.ics"}),
}


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("kind", KINDS)
def test_a_registration_email_is_in_the_registrants_language(
    demo, kind, language, django_capture_on_commit_callbacks
):
    meeting = Meeting.objects.filter(date__gte=timezone.localdate()).order_by("date").first()
    registration = Registration.objects.create(
        meeting=meeting, name="Anna", email="anna@example.org", language=language
    )
    with django_capture_on_commit_callbacks(execute=True):
        email_send(
            template=f"meetings/email/{kind}",
            to=[registration],
            language=language,
            context={"registration": registration},
        )
    [message] = mail.outbox
    english, dutch, attachments = KINDS[kind]
    subject = english if language == "en" else dutch
    assert message.subject == f"{subject}: {meeting.title}"
    assert message.to == ["anna@example.org"]
    assert {name for name, _content, _kind in message.attachments} == attachments
    if kind != "cancelled_meeting":  # the one without links
        assert f"/{language}/" in message.body  # they lead to pages in the same language


def test_an_erased_registration_gets_no_email(demo, django_capture_on_commit_callbacks):
    meeting = Meeting.objects.filter(date__gte=timezone.localdate()).order_by("date").first()
    registration = Registration.objects.create(
        meeting=meeting, name="Anna", email="anna@example.org", language="nl"
    )
    with django_capture_on_commit_callbacks(execute=True):
        email_send(
            template="meetings/email/reminder",
            to=[registration],
            language="nl",
            context={"registration": registration},
        )
        Registration.objects.filter(pk=registration.pk).update(
            email=f"x@{Registration.ERASED_DOMAIN}"
        )
    assert mail.outbox == []
