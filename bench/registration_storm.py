"""Registration storm: many simultaneous registrations for one meeting, on PostgreSQL.

Fires ATTEMPTS registrations (create + confirm, as a visitor following the emailed link) from
THREADS threads at a meeting with PLACES places, then checks that exactly PLACES are confirmed,
the rest waitlisted and none lost, and reports registrations per second. As baseline it runs
the same number of registrations one after another in the same run, so the figure to compare
between machines is the ratio.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python bench/registration_storm.py

It recreates its own database `pioneers_storm` on the server of DATABASE_URL at each run.
"""

import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from datetime import time as clock

ATTEMPTS = int(os.environ.get("STORM_ATTEMPTS", "1000"))
PLACES = int(os.environ.get("STORM_PLACES", "100"))
THREADS = int(os.environ.get("STORM_THREADS", "60"))  # PostgreSQL allows 100 connections


def setup_django() -> None:
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres")
    if not url.startswith("postgres"):
        sys.exit("registration_storm.py needs PostgreSQL: set DATABASE_URL=postgres://...")
    base = url.rsplit("/", 1)[0]
    os.environ["DATABASE_URL"] = f"{base}/pioneers_storm"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pioneers.settings")
    import psycopg

    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS pioneers_storm")
        connection.execute("CREATE DATABASE pioneers_storm")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("migrate", verbosity=0)


def new_meeting(slug: str):
    from pioneers.meetings.models import Meeting, Programme
    from pioneers.network.models import Organisation

    programme, _ = Programme.objects.get_or_create(
        slug="storm",
        defaults={"name": "Storm", "start_date": date(2030, 1, 1), "end_date": date(2030, 12, 31)},
    )
    host, _ = Organisation.objects.get_or_create(
        slug="storm-host", defaults={"name": "Storm", "kind": "municipality"}
    )
    return Meeting.objects.create(
        programme=programme,
        number=Meeting.objects.count() + 1,
        title=slug,
        slug=slug,
        format="residents",
        date=date(2030, 6, 1),
        start_time=clock(19),
        end_time=clock(21),
        host=host,
        venue_name="Stadhuis",
        city="Storm",
        audience="public",
        capacity=PLACES,
        live=True,
    )


def register(meeting, n: int) -> None:
    from django.db import connection

    from pioneers.meetings import services

    try:
        outcome = services.registration_create(
            meeting=meeting, name=f"Bezoeker {n}", email=f"bezoeker{n}@example.org"
        )
        services.registration_confirm(registration=outcome.registration)
    finally:
        connection.close()


def run(meeting, threads: int) -> float:
    start = threading.Barrier(threads) if threads > 1 else None

    def one(n: int) -> None:
        if start is not None and n < threads:
            start.wait()
        register(meeting, n)

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(one, range(ATTEMPTS)))
    return time.perf_counter() - began


def counts(meeting) -> dict:
    from django.db.models import Count

    rows = meeting.registrations.values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def main() -> None:
    setup_django()
    serial_meeting = new_meeting("serial")
    serial = run(serial_meeting, 1)
    storm_meeting = new_meeting("storm")
    storm = run(storm_meeting, THREADS)
    result = counts(storm_meeting)
    ok = (
        result.get("confirmed") == PLACES
        and result.get("waitlisted") == ATTEMPTS - PLACES
        and sum(result.values()) == ATTEMPTS
    )
    print(f"{ATTEMPTS} registrations for {PLACES} places, PostgreSQL")
    print(f"  one after another:    {ATTEMPTS / serial:8.1f} registrations/s ({serial:.2f} s)")
    print(f"  {THREADS} threads at once: {ATTEMPTS / storm:8.1f} registrations/s ({storm:.2f} s)")
    print(f"  ratio storm/serial:   {serial / storm:8.2f}")
    print(f"  counts: {result} -> {'correct' if ok else 'WRONG'}")
    from django.db import connections

    connections.close_all()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
