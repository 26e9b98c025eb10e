"""Who sees what of a meeting's guests, and for how long (issue 11, privacy)."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from pioneers.core.exports import csv_cell
from pioneers.meetings import services
from pioneers.meetings.models import Meeting, Registration
from pioneers.network.models import Person
from tests.factories import UserFactory

PAST = "2018-aftrap-wat-maakt-een-gemeente-open"


@pytest.fixture
def meeting(demo):
    """The next meeting, open to residents, with places to spare."""
    meeting = Meeting.objects.filter(date__gte=timezone.localdate()).order_by("date").first()
    meeting.audience = Meeting.Audience.RESIDENTS
    meeting.capacity = 10
    meeting.save()
    return meeting


def _guest(meeting, *, name="Rita Resident", email="rita@example.org", needs="Rolstoel"):
    outcome = services.registration_create(
        meeting=meeting, name=name, email=email, accessibility_needs=needs
    )
    return services.registration_confirm(registration=outcome.registration)


def _host(meeting):
    """A pioneer of the host organisation, who is not a coordinator."""
    user = UserFactory()
    Person.objects.create(user=user, name="Hanna Host", role="official", organisation=meeting.host)
    return user


def _coordinator(django_user_model):
    return django_user_model.objects.get(email="coordinator@example.org")


def _rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_host_sees_needs_but_never_email_addresses_before_the_meeting(client, meeting):
    _guest(meeting)
    client.force_login(_host(meeting))
    html = client.get(f"/nl/bijeenkomsten/{meeting.slug}/gasten/").content.decode()
    assert "Rita Resident" in html and "Rolstoel" in html
    assert "rita@example.org" not in html

    response = client.get(f"/nl/bijeenkomsten/{meeting.slug}/gasten.csv")
    assert response.status_code == 200
    rows = _rows(response)
    assert "E-mailadres" not in rows[0] and "Wensen voor toegankelijkheid" in rows[0]
    assert "rita@example.org" not in response.content.decode("utf-8-sig")
    [row] = [r for r in rows[1:] if r[0] == "Rita Resident"]
    assert "Rolstoel" in row


def test_coordinator_csv_has_email_addresses(client, meeting, django_user_model):
    _guest(meeting)
    client.force_login(_coordinator(django_user_model))
    rows = _rows(client.get(f"/nl/bijeenkomsten/{meeting.slug}/gasten.csv"))
    assert "E-mailadres" in rows[0]
    assert any("rita@example.org" in row for row in rows[1:])


def test_host_loses_the_guest_list_when_the_meeting_is_over(client, demo, django_user_model):
    meeting = Meeting.objects.get(slug=PAST)
    Registration.objects.filter(meeting=meeting).update(accessibility_needs="Doof")
    client.force_login(_host(meeting))
    assert client.get(f"/nl/bijeenkomsten/{meeting.slug}/gasten/").status_code == 403
    assert client.get(f"/nl/bijeenkomsten/{meeting.slug}/gasten.csv").status_code == 403
    assert "gasten/" not in client.get(meeting.get_absolute_url()).content.decode()

    # Coordinators keep the list (for attendance), but the needs are gone from it too.
    client.force_login(_coordinator(django_user_model))
    html = client.get(f"/nl/bijeenkomsten/{meeting.slug}/gasten/").content.decode()
    assert "Doof" not in html and "Wensen voor toegankelijkheid</th>" not in html
    response = client.get(f"/nl/bijeenkomsten/{meeting.slug}/gasten.csv")
    assert "Doof" not in response.content.decode("utf-8-sig")
    assert "Wensen voor toegankelijkheid" not in _rows(response)[0]


def test_host_sees_needs_until_midnight_and_the_list_until_check_in_closes(client, meeting):
    _guest(meeting)
    host = _host(meeting)
    url = f"/nl/bijeenkomsten/{meeting.slug}/gasten/"
    evening = timezone.make_aware(timezone.datetime.combine(meeting.date, meeting.end_time))
    with _frozen(evening + timedelta(hours=4)):
        client.force_login(host)
        assert "Rolstoel" in client.get(url).content.decode()
    with _frozen(evening + timedelta(hours=8)):  # the next morning: who came, not their needs
        client.force_login(host)
        html = client.get(url).content.decode()
        assert "Rita Resident" in html and "Rolstoel" not in html
    with _frozen(evening + timedelta(hours=25)):  # check-in has closed
        client.force_login(host)
        assert client.get(url).status_code == 403


def _frozen(moment):
    from freezegun import freeze_time

    return freeze_time(moment)


def test_formula_cells_are_escaped_in_every_column(client, meeting, django_user_model):
    guest = _guest(meeting, name="+SUM(1,2)", email="=cmd|'/Ccalc'!A1@example.org", needs="-2+3")
    guest.person = Person.objects.create(
        user=UserFactory(), name="x", role="official", organisation=meeting.host
    )
    guest.save()
    meeting.host.name = "@SUM(1)"
    meeting.host.save()
    client.force_login(_coordinator(django_user_model))
    rows = _rows(client.get(f"/nl/bijeenkomsten/{meeting.slug}/gasten.csv"))
    [row] = [r for r in rows if "'+SUM(1,2)" in r]
    assert "'=cmd|'/ccalc'!a1@example.org" in row and "'-2+3" in row and "'@SUM(1)" in row
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cell_quotes_every_formula_start(start):
    assert csv_cell(f"{start}1+1") == f"'{start}1+1"
    assert csv_cell("Gemeente Schiedam") == "Gemeente Schiedam"
    assert csv_cell(None) == "" and csv_cell(-3) == "-3"


def test_housekeeping_erases_needs_of_meetings_that_are_over(meeting):
    upcoming = _guest(meeting)
    cancelled = _guest(meeting, email="c@example.org", needs="Rolstoel")
    services.registration_cancel(registration=cancelled)
    past = Meeting.objects.get(slug=PAST)
    Registration.objects.filter(meeting=past).update(accessibility_needs="Doof")
    call_command("housekeeping")
    assert not Registration.objects.filter(meeting=past).exclude(accessibility_needs="").exists()
    cancelled.refresh_from_db()
    upcoming.refresh_from_db()
    assert cancelled.accessibility_needs == ""
    assert upcoming.accessibility_needs == "Rolstoel"


def test_needs_are_kept_for_the_configured_number_of_days(meeting, settings):
    settings.ACCESSIBILITY_NEEDS_DAYS = 3
    guest = _guest(meeting)
    after = timezone.make_aware(timezone.datetime.combine(meeting.date, meeting.end_time))
    assert services.accessibility_needs_erase(after + timedelta(days=3)) == 0
    assert services.accessibility_needs_erase(after + timedelta(days=4)) == 1
    guest.refresh_from_db()
    assert guest.accessibility_needs == ""
