"""Registrations under contention: never over capacity, none lost (PostgreSQL, real threads)."""

import threading
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import pytest
from django.conf import settings
from django.db import connection, connections
from django.utils import timezone
from wagtail.models import Locale

from pioneers.meetings import services
from pioneers.meetings.models import Meeting, Registration

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises every writer; the race this guards against needs PostgreSQL",
)

ATTEMPTS = 200
PLACES = 50
# PostgreSQL allows 100 connections by default; 60 threads keep every place contested.
THREADS = 60


@pytest.mark.django_db(transaction=True)
def test_simultaneous_registrations_never_exceed_capacity(demo):
    meeting = Meeting.objects.filter(date__gte=timezone.localdate()).order_by("date").first()
    meeting.audience = Meeting.Audience.PUBLIC
    meeting.capacity = PLACES
    meeting.save()
    start = threading.Barrier(THREADS)
    errors = []

    def register(n: int) -> None:
        try:
            if n < THREADS:
                start.wait()
            outcome = services.registration_create(
                meeting=meeting, name=f"Bezoeker {n}", email=f"bezoeker{n}@example.org"
            )
            services.registration_confirm(registration=outcome.registration)
        except Exception as error:  # noqa: BLE001 - every failure is reported below
            errors.append(error)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        list(pool.map(register, range(ATTEMPTS)))

    assert errors == []
    statuses = list(Registration.objects.filter(meeting=meeting).values_list("status", flat=True))
    assert len(statuses) == ATTEMPTS
    assert statuses.count("confirmed") == PLACES
    assert statuses.count("waitlisted") == ATTEMPTS - PLACES


ROUNDS = 10


def _meeting(n: int, capacity: int) -> Meeting:
    from datetime import timedelta

    from pioneers.meetings.models import Programme
    from tests.factories import OrganisationFactory

    # A transactional test empties the database, the default locale that migrations made too.
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    programme, _ = Programme.objects.get_or_create(
        slug="gelijktijdig",
        defaults={"name": "Gelijktijdig", "start_date": "2026-01-01", "end_date": "2030-12-31"},
    )
    return Meeting.objects.create(
        programme=programme,
        number=n,
        title=f"Bijeenkomst {n}",
        slug=f"gelijktijdig-{n}",
        format="lab",
        date=timezone.localdate() + timedelta(days=30),
        host=OrganisationFactory(),
        venue_name="Stadhuis",
        city="Schiedam",
        audience=Meeting.Audience.PUBLIC,
        capacity=capacity,
        live=True,
    )


def _at_once(*calls) -> list[Exception]:
    """Run each call in its own thread (its own database connection), all released together."""
    start = threading.Barrier(len(calls))
    errors = []

    def run(call) -> None:
        try:
            start.wait()
            call()
        except Exception as error:  # noqa: BLE001 - every failure is reported by the caller
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def _copy(registration: Registration) -> Registration:
    """What a request reads by the registration's token before it calls the service."""
    return Registration.objects.select_related("meeting").get(pk=registration.pk)


@pytest.mark.django_db(transaction=True)
def test_confirming_twice_at_once_keeps_the_last_place(mailoutbox):
    for n in range(ROUNDS):
        meeting = _meeting(n + 1, capacity=1)
        email = f"dubbelklik{n}@example.org"
        outcome = services.registration_create(meeting=meeting, name="Dubbel Klik", email=email)
        first, second = _copy(outcome.registration), _copy(outcome.registration)
        mailoutbox.clear()

        errors = _at_once(
            partial(services.registration_confirm, registration=first),
            partial(services.registration_confirm, registration=second),
        )

        assert errors == []
        outcome.registration.refresh_from_db()
        assert outcome.registration.status == "confirmed", f"round {n}"
        # One email, "you are registered"; never a second one about the waiting list.
        assert [m.subject.split(":")[0] for m in mailoutbox] == ["Je bent aangemeld"]


@pytest.mark.django_db(transaction=True)
def test_cancelling_while_a_place_is_handed_on_loses_no_place(mailoutbox):
    for n in range(ROUNDS):
        meeting = _meeting(n + 1, capacity=1)
        holder, first_waiting, second_waiting = (
            services.registration_confirm(
                registration=services.registration_create(
                    meeting=meeting, name=name, email=f"{name}{n}@example.org"
                ).registration
            )
            for name in ("houder", "wachtend1", "wachtend2")
        )
        assert [holder.status, first_waiting.status, second_waiting.status] == [
            "confirmed",
            "waitlisted",
            "waitlisted",
        ]
        holder_copy, waiting_copy = _copy(holder), _copy(first_waiting)

        # The holder cancels, and the first on the waiting list (about to get the place)
        # cancels too: the place goes on to the second.
        errors = _at_once(
            partial(services.registration_cancel, registration=holder_copy),
            partial(services.registration_cancel, registration=waiting_copy),
        )

        assert errors == []
        second_waiting.refresh_from_db()
        assert second_waiting.status == "confirmed", f"round {n}"
        assert meeting.registrations.filter(status="confirmed").count() == 1


@pytest.mark.django_db(transaction=True)
def test_cancelling_twice_at_once_sends_one_email(mailoutbox):
    for n in range(ROUNDS):
        meeting = _meeting(n + 1, capacity=1)
        outcome = services.registration_create(
            meeting=meeting, name="Twee Keer", email=f"tweekeer{n}@example.org"
        )
        registration = services.registration_confirm(registration=outcome.registration)
        waiting = services.registration_create(
            meeting=meeting, name="Wachtend", email=f"wachtend{n}@example.org"
        ).registration
        services.registration_confirm(registration=waiting)
        first, second = _copy(registration), _copy(registration)
        mailoutbox.clear()

        errors = _at_once(
            partial(services.registration_cancel, registration=first),
            partial(services.registration_cancel, registration=second),
        )

        assert errors == []
        subjects = sorted(m.subject.split(":")[0] for m in mailoutbox)
        assert subjects == ["Aanmelding geannuleerd", "Er is een plek vrijgekomen voor je"], (
            f"round {n}"
        )


def _registered(meeting: Meeting, n: int, status=Registration.Status.CONFIRMED) -> Registration:
    return Registration.objects.create(
        meeting=meeting,
        name=f"Gast {n}",
        email=f"gast{meeting.pk}-{n}@example.org",
        status=status,
        confirmed_at=timezone.now() if status != Registration.Status.UNCONFIRMED else None,
    )


@pytest.mark.django_db(transaction=True)
def test_cancelling_a_meeting_twice_at_once_emails_everyone_once(mailoutbox):
    for n in range(ROUNDS):
        meeting = _meeting(200 + n, capacity=2)
        _registered(meeting, 1)
        _registered(meeting, 2, Registration.Status.WAITLISTED)
        _registered(meeting, 3, Registration.Status.UNCONFIRMED)
        mailoutbox.clear()
        copies = [Meeting.objects.get(pk=meeting.pk) for _ in range(2)]
        errors = _at_once(
            *(partial(services.meeting_cancel, meeting=copy, by=None) for copy in copies)
        )
        assert errors == []
        assert len(mailoutbox) == 3
        assert Meeting.objects.get(pk=meeting.pk).sequence == 1


@pytest.mark.django_db(transaction=True)
def test_lowering_the_capacity_while_someone_confirms_never_overfills(mailoutbox):
    for n in range(ROUNDS):
        meeting = _meeting(300 + n, capacity=2)
        _registered(meeting, 1)
        late = _registered(meeting, 2, Registration.Status.UNCONFIRMED)
        copy = Meeting.objects.get(pk=meeting.pk)
        errors = _at_once(
            partial(services.registration_confirm, registration=_copy(late)),
            partial(services.meeting_update, meeting=copy, by=None, changes={"capacity": 1}),
        )
        meeting.refresh_from_db()
        confirmed = meeting.registrations.filter(status=Registration.Status.CONFIRMED).count()
        assert confirmed <= meeting.capacity
        # Either the capacity went down first (the late one waits), or the place was taken
        # first and the lower capacity was refused.
        if meeting.capacity == 1:
            assert errors == [] and _copy(late).status == Registration.Status.WAITLISTED
        else:
            assert [type(e).__name__ for e in errors] == ["ValidationError"]
            assert _copy(late).status == Registration.Status.CONFIRMED
