"""Registering for meetings: with and without an account, the waiting list, check-in, mail."""

import csv
import io
import re
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
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
        response = client.post(f"/nl/aanmelding/{registrations[0].token}/annuleren/")
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


def test_members_meeting_refuses_a_pioneer_whose_join_request_is_pending(
    client, meeting, mailoutbox
):
    from pioneers.network.models import JoinRequest, Person
    from tests.factories import UserFactory

    meeting.audience = Meeting.Audience.MEMBERS
    meeting.save()
    user = UserFactory(email="nieuw@example.org")
    person = Person.objects.create(user=user, name="Nina Nieuw", role="official")
    JoinRequest.objects.create(person=person, organisation=meeting.host, kind="join")
    client.force_login(user)

    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "Aanmelden</button>" not in html
    assert "voor pioniers van een aangesloten organisatie" in html
    assert 'href="/nl/meedoen/"' in html

    response = client.post(f"/nl/bijeenkomsten/{meeting.slug}/aanmelden/", follow=True)
    assert "Vraag eerst aansluiting bij je organisatie aan" in response.content.decode()
    assert not Registration.objects.filter(meeting=meeting).exists()
    assert mailoutbox == []
    with pytest.raises(services.RegistrationError):
        services.registration_create(
            meeting=meeting, name=person.name, email=user.email, person=person
        )

    # Once the coordinators approve, the same pioneer registers with one click.
    person.organisation = meeting.host
    person.save()
    assert "Aanmelden</button>" in client.get(meeting.get_absolute_url()).content.decode()
    client.post(f"/nl/bijeenkomsten/{meeting.slug}/aanmelden/")
    assert Registration.objects.get(meeting=meeting).status == "confirmed"


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
    assert client.get("/nl/aanmelding/verzonnen/annuleren/").status_code == 404
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


def test_cancelling_asks_first_and_twice_is_harmless(
    client, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    outcome = services.registration_create(meeting=meeting, name="Rita", email="r@example.org")
    services.registration_confirm(registration=outcome.registration)
    mailoutbox.clear()
    token = outcome.registration.token
    html = client.get(f"/nl/aanmelding/{token}/").content.decode()
    assert f'href="/nl/aanmelding/{token}/annuleren/"' in html

    # Following the link (or an old page's button) only asks; nothing changes yet.
    response = client.get(f"/nl/aanmelding/{token}/annuleren/")
    assert "Je aanmelding annuleren?" in response.content.decode()
    assert client.post(f"/nl/aanmelding/{token}/").url == f"/nl/aanmelding/{token}/annuleren/"
    outcome.registration.refresh_from_db()
    assert outcome.registration.status == "confirmed"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/nl/aanmelding/{token}/annuleren/", follow=True)
    html = response.content.decode()
    assert "Je aanmelding is geannuleerd" in html and "<strong>Geannuleerd</strong>" in html
    assert "fgelast" not in html  # that word is for a meeting that does not take place

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/nl/aanmelding/{token}/annuleren/", follow=True)
    assert response.status_code == 200
    assert "Je aanmelding is geannuleerd" in response.content.decode()
    outcome.registration.refresh_from_db()
    assert outcome.registration.status == "cancelled"
    assert [m.subject.split(":")[0] for m in mailoutbox] == ["Aanmelding geannuleerd"]


def test_a_registration_stands_once_the_meeting_has_begun(client, meeting):
    outcome = services.registration_create(meeting=meeting, name="Rita", email="r@example.org")
    services.registration_confirm(registration=outcome.registration)
    meeting.status = Meeting.Status.HELD
    meeting.save()
    token = outcome.registration.token
    assert "annuleren/" not in client.get(f"/nl/aanmelding/{token}/").content.decode()
    response = client.post(f"/nl/aanmelding/{token}/annuleren/")
    assert response.status_code == 409
    assert "kan niet meer worden geannuleerd" in response.content.decode()
    outcome.registration.refresh_from_db()
    assert outcome.registration.status == "confirmed"


def test_confirming_twice_shows_the_same_place(
    client, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    meeting.capacity = 1
    meeting.save()
    outcome = services.registration_create(meeting=meeting, name="Rita", email="r@example.org")
    mailoutbox.clear()
    url = f"/nl/aanmelding/{outcome.registration.token}/bevestigen/"
    with django_capture_on_commit_callbacks(execute=True):
        pages = [client.post(url, follow=True).content.decode() for _twice in range(2)]
    for html in pages:
        assert "<strong>Aangemeld</strong>" in html
    outcome.registration.refresh_from_db()
    assert outcome.registration.status == "confirmed"
    assert [m.subject.split(":")[0] for m in mailoutbox] == ["Je bent aangemeld"]


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
    meeting.date = timezone.localdate()  # the meeting day has come: check-in is open
    meeting.save()
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
    registrations = [
        services.registration_create(
            meeting=meeting, name=person.name, email=person.user.email, person=person
        ).registration
        for person in meeting.host.people.all()[:5]
    ]
    meeting.date = timezone.localdate()
    meeting.save()
    coordinator = django_user_model.objects.get(email="coordinator@example.org")
    for registration in registrations:
        services.registration_check_in(registration=registration, by=coordinator)
    meeting.status = Meeting.Status.HELD
    meeting.save()
    assert queries_of(url) == before


def test_a_pending_registration_gets_one_confirmation_email_per_ten_minutes(
    client, meeting, django_capture_on_commit_callbacks
):
    """Registering one address again and again: one email, and every answer looks the same."""
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            response = _register(client, meeting)
        html = response.content.decode()
        assert response.status_code == 200 and "Kijk in je e-mail" in html
        assert "hooguit één keer per 10 minuten" in html
    assert len(mail.outbox) == 1
    assert Registration.objects.filter(meeting=meeting).count() == 1


def test_a_pending_registration_gets_its_email_again_after_the_interval(
    client, meeting, django_capture_on_commit_callbacks, monkeypatch
):
    # A real wait, short: Redis keeps its own clock.
    monkeypatch.setattr(services, "RESEND_AFTER", timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, meeting)
        _register(client, meeting)
    time.sleep(1.2)
    with django_capture_on_commit_callbacks(execute=True):
        _register(client, meeting)
    assert len(mail.outbox) == 2
    assert all(m.subject.startswith("Bevestig je aanmelding") for m in mail.outbox)


def test_flooding_one_address_is_refused_with_what_was_typed(
    client, meeting, django_capture_on_commit_callbacks
):
    """Five registrations an hour per address, from any connection; then 429 and no email."""
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            assert _register(client, meeting).status_code == 200
        response = _register(Client(REMOTE_ADDR="192.0.2.6"), meeting, name="Rita Zes")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Te veel aanvragen" in html and "Probeer het over" in html
    assert 'value="Rita Zes"' in html
    assert len(mail.outbox) == 1
    assert Registration.objects.get(meeting=meeting).name == "Rita Resident"


def test_one_connection_registers_at_most_twenty_addresses_an_hour(
    client, meeting, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_RATE_PER_CLIENT = 3
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            assert _register(client, meeting, email=f"r{n}@example.org").status_code == 200
        response = _register(client, meeting, email="r3@example.org")
        assert response.status_code == 429 and 'value="r3@example.org"' in response.content.decode()
        other = _register(Client(REMOTE_ADDR="2001:db8::7"), meeting, email="r3@example.org")
    assert other.status_code == 200
    assert len(mail.outbox) == 4
    assert Registration.objects.filter(meeting=meeting).count() == 4


def test_a_member_over_the_limit_is_told_and_not_registered(
    client, meeting, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_RATE_PER_CLIENT = 1
    member = User.objects.get(email="member@example.org")
    client.force_login(member)
    other = Meeting.objects.exclude(pk=meeting.pk).filter(date__gte=timezone.localdate()).first()
    other.audience, other.capacity = Meeting.Audience.RESIDENTS, 10
    other.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/nl/bijeenkomsten/{meeting.slug}/aanmelden/").status_code == 302
        response = client.post(f"/nl/bijeenkomsten/{other.slug}/aanmelden/")
    assert response.status_code == 429
    assert "Te veel aanvragen" in response.content.decode()
    assert not Registration.objects.filter(meeting=other).exists()
    assert len(mail.outbox) == 1


def test_check_in_opens_on_the_meeting_day(client, meeting):
    outcome = services.registration_create(meeting=meeting, name="Rita", email="r@example.org")
    registration = services.registration_confirm(registration=outcome.registration)
    client.force_login(meeting.host.people.first().user)
    url = f"/nl/bijeenkomsten/{meeting.slug}/gasten/"

    html = client.get(url).content.decode()
    assert "Inchecken kan vanaf" in html
    assert "niet gekomen" not in html and "100%" not in html
    assert "Rita inchecken" not in html
    response = client.post(url, {"registration": registration.pk}, follow=True)
    assert "Inchecken kan vanaf" in response.content.decode()
    response = client.post(f"/nl/inchecken/{services.checkin_code(registration)}/")
    assert response.status_code == 409
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_check_in_window_follows_the_settings(meeting, settings):
    day = meeting.date
    local = timezone.get_current_timezone()

    def at(days, hour, minute=0):
        moment = timezone.datetime.combine(day + timedelta(days=days), timezone.datetime.min.time())
        return moment.replace(hour=hour, minute=minute, tzinfo=local)

    assert meeting.checkin_state(at(-1, 23, 59)) == "not_yet"
    assert meeting.checkin_state(at(0, 0)) == "open"
    assert meeting.checkin_state(at(1, 16, 59)) == "open"  # the meeting ends at 17:00
    assert meeting.checkin_state(at(1, 17)) == "closed"
    settings.CHECKIN_OPENS_HOURS = 2
    settings.CHECKIN_CLOSES_HOURS = 1
    assert meeting.checkin_state(at(-1, 22)) == "open"
    assert meeting.checkin_state(at(0, 18)) == "closed"


def test_after_check_in_closed_only_coordinators_correct_attendance(client, demo):
    from wagtail.models import ModelLogEntry

    meeting = Meeting.objects.get(slug="2018-aftrap-wat-maakt-een-gemeente-open")
    absent = meeting.registrations.filter(status="confirmed", checked_in_at=None).first()
    host = User.objects.filter(person__organisation=meeting.host, is_staff=False).first()
    with (
        pytest.raises(services.RegistrationError, match="alleen coördinatoren"),
        translation.override("nl"),
    ):
        services.registration_check_in(registration=absent, by=host)
    client.force_login(host)
    response = client.get(f"/nl/bijeenkomsten/{meeting.slug}/gasten/")
    # The host's access to the guest list ended with the meeting: no buttons, no list at all.
    assert response.status_code == 403
    absent.refresh_from_db()
    assert absent.checked_in_at is None
    assert meeting.registrations.filter(checked_in_at__isnull=False).count() == 12

    coordinator = User.objects.get(email="coordinator@example.org")
    client.force_login(coordinator)
    response = client.post(
        f"/nl/bijeenkomsten/{meeting.slug}/gasten/", {"registration": absent.pk}, follow=True
    )
    assert f"{absent.name} is ingecheckt" in response.content.decode()
    assert meeting.registrations.filter(checked_in_at__isnull=False).count() == 13
    [entry] = ModelLogEntry.objects.filter(action="meetings.attendance_corrected")
    assert entry.user == coordinator and entry.object_id == str(absent.pk)
    history = client.get(f"/admin/snippets/meetings/registration/history/{absent.pk}/")
    assert "Aanwezigheid gecorrigeerd" in history.content.decode()


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


def test_a_never_confirmed_registration_cannot_be_confirmed_once_the_meeting_was_held(client, demo):
    """An old link must not change the figures of a past meeting (found in review)."""
    held = Meeting.objects.filter(status=Meeting.Status.HELD).order_by("date").first()
    registration = Registration.objects.create(
        meeting=held, name="Laat", email="laat@example.org", status="unconfirmed"
    )
    response = client.post(f"/nl/aanmelding/{registration.token}/bevestigen/")
    assert response.status_code == 409
    assert "De aanmelding voor deze bijeenkomst is gesloten" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "unconfirmed"


def test_the_cancel_page_says_at_once_when_the_meeting_has_begun(client, meeting):
    outcome = services.registration_create(meeting=meeting, name="Bea", email="bea@example.org")
    services.registration_confirm(registration=outcome.registration)
    Meeting.objects.filter(pk=meeting.pk).update(date=timezone.localdate() - timedelta(days=1))
    page = client.get(f"/nl/aanmelding/{outcome.registration.token}/annuleren/").content.decode()
    assert "kan niet meer worden geannuleerd" in page
    assert "Ja, annuleer mijn aanmelding" not in page


def test_a_double_submitted_registration_says_check_your_email_both_times(
    client, meeting, monkeypatch
):
    """Found in review: when the other request of a double click saved its registration
    between this one's look-up and its save, this one answered 500."""
    original = Registration.full_clean

    def other_request_wins(self, *args, **kwargs):
        Registration.objects.create(
            meeting=self.meeting, name=self.name, email=self.email, status="unconfirmed"
        )
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Registration, "full_clean", other_request_wins)
    response = _register(client, meeting)
    assert response.status_code == 200
    assert "Kijk in je e-mail" in response.content.decode()
    assert Registration.objects.filter(meeting=meeting, email="rita@example.org").count() == 1


def test_a_member_registers_for_every_meeting_of_a_programme_at_once(
    client, demo, django_capture_on_commit_callbacks
):
    """Found in review: the limit of five emails an hour per address refused a member's sixth
    one-click registration, although those emails go to the member's own address."""
    member = User.objects.get(email="member@example.org")
    client.force_login(member)
    upcoming = Meeting.objects.filter(date__gt=timezone.localdate()).exclude(
        registrations__email=member.email
    )
    meetings = list(upcoming.exclude(status=Meeting.Status.CANCELLED).order_by("date")[:6])
    assert len(meetings) == 6
    for meeting in meetings:
        meeting.audience, meeting.capacity = Meeting.Audience.RESIDENTS, 10
        meeting.registration_opens_at, meeting.live = None, True
        meeting.save()
    with django_capture_on_commit_callbacks(execute=True):
        for meeting in meetings:
            response = client.post(f"/nl/bijeenkomsten/{meeting.slug}/aanmelden/")
            assert response.status_code == 302, meeting.slug
    mine = Registration.objects.filter(email=member.email, meeting__in=meetings)
    assert [r.status for r in mine] == ["confirmed"] * 6


def test_a_corrected_attendance_shows_at_once_in_the_public_report(
    client, demo, django_capture_on_commit_callbacks
):
    """Found in review: check-in became an update() without a signal, so the report's
    participant count stayed as it was in the page cache for visitors."""
    from pioneers.reports.models import ReportPage

    meeting = Meeting.objects.get(slug="2018-aftrap-wat-maakt-een-gemeente-open")
    report = ReportPage.objects.live().filter(meeting=meeting).first()
    absent = meeting.registrations.filter(status="confirmed", checked_in_at=None).first()
    visitor = Client()

    def participants():
        html = visitor.get(report.url).content.decode()
        return re.search(r"Deelnemers</dt>\s*<dd>(\d+)</dd>", html).group(1)

    assert participants() == "12"
    coordinator = User.objects.get(email="coordinator@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_check_in(registration=absent, by=coordinator)
    assert participants() == "13"
