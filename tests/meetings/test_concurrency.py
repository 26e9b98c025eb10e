"""Registrations under contention: never over capacity, none lost (PostgreSQL, real threads)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.utils import timezone

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
