"""Registering for meetings: with and without an account, the waiting list, check-in, mail."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from pioneers.core.models import User
from pioneers.meetings import services
from pioneers.meetings.models import Meeting, Registration
from pioneers.network.models import Organisation


@pytest.fixture
def meeting(demo):
    """The next meeting, open to residents, with three places."""
    meeting = Meeting.objects.filter(date__gte=timezone.localdate()).order_by("date").first()
    meeting.audience = Meeting.Audience.RESIDENTS
    meeting.capacity = 3
    meeting.save()
    return meeting


def _register(client, meeting, **data):
    fields = {"name": "Rita Resident", "email": "rita@example.org", "residence": "Schiedam"}
    fields.update(data)
    return client.post(f"/nl/bijeenkomsten/{meeting.slug}/aanmelden/", fields)


def _link(message, kind: str) -> str:
    return re.search(rf"http://[^\s]+/{kind}/[^\s]+", message.body).group(0).split("8000", 1)[1]


def test_resident_registers_without_an_account_and_confirms_by_email(
    client, meeting, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client, meeting, accessibility_needs="Rolstoel")
    assert response.status_code == 200 and "Kijk in je e-mail" in response.content.decode()
    registration = Registration.objects.get(meeting=meeting, email="rita@example.org")
    assert registration.status == "unconfirmed"
    assert registration.residence == Organisation.objects.get(slug="schiedam")
    [message] = mail.outbox
    assert message.subject.startswith("Bevestig je aanmelding")
    confirm = _link(message, "aanmelding")
    assert confirm.endswith("/bevestigen/")

    # Following the link only shows a button; a mail scanner cannot take the place.
    assert client.get(confirm).status_code == 200
    registration.refresh_from_db()
    assert registration.status == "unconfirmed"

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    [message] = mail.outbox
    assert message.subject.startswith("Je bent aangemeld")
    attachments = {name: (content, kind) for name, content, kind in message.attachments}
    calendar = Calendar.from_ical(attachments["meeting.ics"][0])
    assert str(calendar.walk("VEVENT")[0]["summary"]) == meeting.title
    assert attachments["check-in.png"][0].startswith(b"\x89PNG")


def test_cancellation_promotes_the_first_on_the_waiting_list(
    client, meeting, django_capture_on_commit_callbacks
):
    registrations = []
    for n in range(5):
        outcome = services.registration_create(
            meeting=meeting, name=f"Persoon {n}", email=f"p{n}@example.org"
        )
        services.registration_confirm(registration=outcome.registration)
        registrations.append(outcome.registration)
    statuses = [r.status for r in registrations]
    assert statuses == ["confirmed"] * 3 + ["waitlisted"] * 2

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/nl/aanmelding/{registrations[0].token}/")
    assert response.status_code == 302
    for r in registrations:
        r.refresh_from_db()
    assert [r.status for r in registrations] == [
        "cancelled",
        "confirmed",
        "confirmed",
        "confirmed",
        "waitlisted",
    ]
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["p3@example.org"].startswith("Er is een plek vrijgekomen")
    assert subjects["p0@example.org"].startswith("Aanmelding geannuleerd")


def test_member_registers_with_one_click(client, meeting, django_capture_on_commit_callbacks):
    meeting.audience = Meeting.Audience.MEMBERS
    meeting.save()
    member = User.objects.get(email="member@example.org")
    client.force_login(member)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Aanmelden</button>" in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/nl/bijeenkomsten/{meeting.slug}/aanmelden/")
    assert response.status_code == 302
    registration = Registration.objects.get(meeting=meeting, person__user=member)
    assert registration.status == "confirmed"
    assert [m.to for m in mail.outbox] == [["member@example.org"]]
    html = client.get(meeting.get_absolute_url(), follow=True).content.decode()
    assert "Je aanmelding: aangemeld" in html

    # Twice: a clear message, nothing changes.
    response = client.post(f"/nl/bijeenkomsten/{meeting.slug}/aanmelden/", follow=True)
    assert "Je bent al aangemeld voor deze bijeenkomst" in response.content.decode()
    assert Registration.objects.filter(meeting=meeting).count() == 1


def test_members_meeting_asks_visitors_to_log_in(client, meeting):
    meeting.audience = Meeting.Audience.MEMBERS
    meeting.save()
    response = client.get(f"/nl/bijeenkomsten/{meeting.slug}/aanmelden/")
    assert response.status_code == 302 and "/accounts/login/" in response.url
    response = _register(client, meeting)
    assert response.status_code == 302
    assert not Registration.objects.filter(meeting=meeting).exists()


def test_registering_an_address_twice_changes_nothing_and_reveals_nothing(
    client, meeting, django_capture_on_commit_callbacks
):
    outcome = services.registration_create(meeting=meeting, name="Rita", email="rita@example.org")
    services.registration_confirm(registration=outcome.registration)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = _register(client, meeting, email="RITA@example.org")
    assert "Kijk in je e-mail" in response.content.decode()
    assert Registration.objects.filter(meeting=meeting).count() == 1
    [message] = mail.outbox
    assert message.subject.startswith("Je was al aangemeld")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": "cancelled"}, "Deze bijeenkomst is afgelast"),
        ({"registration_closes_at": timezone.now() - timedelta(hours=1)}, "is gesloten"),
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "is nog niet open"),
    ],
)
def test_registration_outside_its_window_is_refused(client, meeting, change, message):
    for field, value in change.items():
        setattr(meeting, field, value)
    meeting.save()
    response = _register(client, meeting)
    assert message in response.content.decode()
    assert not Registration.objects.filter(meeting=meeting).exists()


def test_bad_registration_input_keeps_what_was_typed(client, meeting):
    response = _register(client, meeting, email="geen-adres", residence="Atlantis")
    assert response.status_code == 422
    html = response.content.decode()
    assert "Voer een geldig e-mailadres in" in html
    assert "Er is geen gemeente die “Atlantis” heet" in html
    assert 'value="Rita Resident"' in html
    assert not Registration.objects.filter(meeting=meeting).exists()


def test_forged_token_and_tampered_check_in_code(client, meeting, django_user_model):
    assert client.get("/nl/aanmelding/verzonnen/bevestigen/").status_code == 404
    assert client.post("/nl/aanmelding/verzonnen/").status_code == 404
    outcome = services.registration_create(meeting=meeting, name="Rita", email="r@example.org")
    code = services.checkin_code(outcome.registration)
    client.force_login(django_user_model.objects.get(email="coordinator@example.org"))
    response = client.post(f"/nl/inchecken/{code[:-2]}xx/")
    assert response.status_code == 400
    assert "Deze incheckcode is niet geldig" in response.content.decode()
    # A valid code for a registration without a place: a message, no check-in.
    response = client.post(f"/nl/inchecken/{code}/")
    assert response.status_code == 409
    outcome.registration.refresh_from_db()
    assert outcome.registration.checked_in_at is None


def test_cancelling_twice_says_so(client, meeting):
    outcome = services.registration_create(meeting=meeting, name="Rita", email="r@example.org")
    assert client.post(f"/nl/aanmelding/{outcome.registration.token}/").status_code == 302
    response = client.post(f"/nl/aanmelding/{outcome.registration.token}/")
    assert response.status_code == 409
    assert "al geannuleerd" in response.content.decode()


def test_host_checks_in_by_qr_code_and_by_name_and_exports_csv(client, meeting):
    guests = []
    for n in range(2):
        outcome = services.registration_create(
            meeting=meeting, name=f"Gast {n}", email=f"g{n}@example.org"
        )
        guests.append(services.registration_confirm(registration=outcome.registration))
    url = f"/nl/bijeenkomsten/{meeting.slug}/gasten/"
    assert client.get(url).status_code == 302  # log in first

    outsider = User.objects.exclude(person__organisation=meeting.host).filter(
        is_staff=False, person__isnull=False
    )[0]
    client.force_login(outsider)
    assert client.get(url).status_code == 403

    host_person = meeting.host.people.first()
    client.force_login(host_person.user)
    code = services.checkin_code(guests[0])
    assert "Gast 0" in client.get(f"/nl/inchecken/{code}/").content.decode()
    assert client.post(f"/nl/inchecken/{code}/").status_code == 302
    assert client.post(url, {"registration": guests[1].pk}).status_code == 302
    for guest in guests:
        guest.refresh_from_db()
        assert guest.checked_in_at is not None
    html = client.get(url).content.decode()
    assert "Ingecheckt om" in html

    response = client.get(f"/nl/bijeenkomsten/{meeting.slug}/gasten.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Naam" and {r[0] for r in rows[1:]} == {"Gast 0", "Gast 1"}


def test_csv_export_neutralises_formulas(client, meeting, django_user_model):
    outcome = services.registration_create(
        meeting=meeting, name='=HYPERLINK("x")', email="f@example.org"
    )
    services.registration_confirm(registration=outcome.registration)
    client.force_login(django_user_model.objects.get(email="coordinator@example.org"))
    body = client.get(f"/nl/bijeenkomsten/{meeting.slug}/gasten.csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in body


def test_guest_list_uses_a_fixed_number_of_queries(client, meeting, django_user_model, queries_of):
    client.force_login(django_user_model.objects.get(email="coordinator@example.org"))
    url = f"/nl/bijeenkomsten/{meeting.slug}/gasten/"
    services.registration_create(meeting=meeting, name="A", email="a@example.org")
    before = queries_of(url)
    meeting.capacity = 50
    meeting.save()
    for n in range(10):
        outcome = services.registration_create(
            meeting=meeting, name=f"N {n}", email=f"n{n}@example.org"
        )
        services.registration_confirm(registration=outcome.registration)
    assert queries_of(url) == before


def test_attendance_figures_per_meeting_and_per_member(client, demo, django_user_model):
    client.force_login(django_user_model.objects.get(email="coordinator@example.org"))
    html = client.get("/nl/bijeenkomsten/aanwezigheid/").content.decode()
    assert "Pioniersconferentie 2019" in html and "Per lid" in html
    meeting = Meeting.objects.get(slug="2018-aftrap-wat-maakt-een-gemeente-open")
    figures = client.get(f"/nl/bijeenkomsten/{meeting.slug}/gasten/").context["figures"]
    assert figures["confirmed"] == 15 and figures["attended"] == 12 and figures["no_show"] == 3


def test_reminders_go_out_once_two_days_before(meeting, django_capture_on_commit_callbacks):
    outcome = services.registration_create(meeting=meeting, name="Rita", email="r@example.org")
    services.registration_confirm(registration=outcome.registration)
    mail.outbox.clear()
    early = timezone.make_aware(
        timezone.datetime.combine(meeting.date - timedelta(days=5), meeting.start_time)
    )
    assert services.reminders_send(early) == 0
    due = early + timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(due) == 1
        assert services.reminders_send(due) == 0
    [message] = mail.outbox
    assert message.subject.startswith("Herinnering")
    assert {name for name, _c, _k in message.attachments} == {"meeting.ics", "check-in.png"}


def test_attendance_page_uses_a_fixed_number_of_queries(
    client, meeting, django_user_model, queries_of
):
    client.force_login(django_user_model.objects.get(email="coordinator@example.org"))
    url = "/nl/bijeenkomsten/aanwezigheid/"
    before = queries_of(url)
    meeting.capacity = 50
    meeting.save()
    for person in meeting.host.people.all()[:5]:
        outcome = services.registration_create(
            meeting=meeting, name=person.name, email=person.user.email, person=person
        )
        services.registration_check_in(registration=outcome.registration)
    meeting.status = Meeting.Status.HELD
    meeting.save()
    assert queries_of(url) == before


def test_a_meeting_title_arrives_in_the_email_as_typed(
    client, meeting, django_capture_on_commit_callbacks
):
    meeting.title = "Wie z'n raad kent: <open> & eerlijk"
    meeting.save()
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, meeting)
    [message] = mail.outbox
    assert message.subject == f"Bevestig je aanmelding: {meeting.title}"
    assert meeting.title in message.body
