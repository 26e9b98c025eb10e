"""Registrations at a steady rate, for the "mixed" row of bench/run.py: writes beside the reads.

    python bench/registrations.py RATE

Run by bench/run.py in its own process, with the environment of the server under test, so it
writes to the same database and the same cache. It registers visitors (``registration_create``
then ``registration_confirm``, as someone following the emailed link) for the upcoming meetings
that take registrations, round robin, RATE a second, until SIGTERM. It prints "ready" once Django
is set up and the meetings are chosen, and on SIGTERM one line of JSON: how many registrations
it made, how many failed (with the first error), and over how many seconds.
"""

import json
import os
import signal
import sys
import time

_stop = False


def _on_term(signum, frame):
    global _stop
    _stop = True


def open_meetings() -> list:
    from django.utils import timezone

    from pioneers.meetings.models import Meeting

    upcoming = Meeting.objects.filter(live=True, date__gte=timezone.localdate())
    meetings = [m for m in upcoming if m.registration_state() == "open"]
    public = [m for m in meetings if m.is_open_to_all]
    if not public and meetings:
        # The demo's next meetings may all be for members; visitors register without an account.
        meeting = meetings[0]
        meeting.audience = Meeting.Audience.PUBLIC
        meeting.save(update_fields=["audience"])
        public = [meeting]
    return public


def main() -> int:
    rate = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    signal.signal(signal.SIGTERM, _on_term)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pioneers.settings")
    import django

    django.setup()
    from pioneers.meetings import services

    meetings = open_meetings()
    if not meetings:
        print(json.dumps({"error": "no upcoming meeting takes registrations"}), flush=True)
        return 1
    print("ready", flush=True)
    made = failed = 0
    first_error = ""
    started = time.monotonic()
    run = f"{os.getpid()}-{int(time.time())}"
    while not _stop:
        # On a schedule, not a sleep after each: a slow write does not lower the rate.
        due = started + (made + failed) / rate
        pause = due - time.monotonic()
        if pause > 0:
            time.sleep(pause)
            if _stop:
                break
        n = made + failed
        meeting = meetings[n % len(meetings)]
        try:
            outcome = services.registration_create(
                meeting=meeting, name=f"Bench {n}", email=f"bench-{run}-{n}@example.org"
            )
            services.registration_confirm(registration=outcome.registration)
            made += 1
        except Exception as error:  # noqa: BLE001 - counted and reported, the run goes on
            failed += 1
            first_error = first_error or f"{type(error).__name__}: {error}"
    seconds = time.monotonic() - started
    summary = {"made": made, "failed": failed, "seconds": round(seconds, 2)}
    summary["rate"] = round(made / seconds, 2) if seconds else 0.0
    summary["first_error"] = first_error
    print(json.dumps(summary), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
