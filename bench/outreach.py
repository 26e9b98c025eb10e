"""Benchmark of an outreach campaign: `.venv/bin/python bench/outreach.py`.

In a throw-away SQLite database under a temporary data directory (the demo is not needed), loads
the 342 municipalities with @example.org addresses, then measures

- queueing a campaign to all of them (`campaign_queue`: the recipients in bulk), and
- sending the 342 emails through the task worker (the database queue's `db_worker --batch`) over
  SMTP to a local aiosmtpd sink, at the configured rate (`PIONEERS_OUTREACH_RATE`, default 20
  a second; set BENCH_RATE to try another).

Prints the seconds of each, the emails per second achieved and the fastest second seen by the
sink. The issue's targets: queueing in under 1 s, sending in under 30 s with the rate respected.
A missed target is printed as `MISSED <<<`; the exit status is non-zero only when an email did
not arrive exactly once.
"""

import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RATE = os.environ.get("BENCH_RATE", "")
for name in [
    k for k in os.environ if k.startswith("PIONEERS_") or k in ("DATABASE_URL", "REDIS_URL")
]:
    del os.environ[name]
os.environ["PIONEERS_DATA_DIR"] = tempfile.mkdtemp(prefix="pioneers-bench-outreach-")
os.environ["DJANGO_SETTINGS_MODULE"] = "pioneers.settings"
os.environ["PIONEERS_LOG_LEVEL"] = os.environ.get("BENCH_LOG_LEVEL", "WARNING")
if RATE:
    os.environ["PIONEERS_OUTREACH_RATE"] = RATE
import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from tests.outreach.smtp_sink import smtp_sink  # noqa: E402

QUEUE_TARGET_S = 1.0
SEND_TARGET_S = 30.0


def setup() -> int:
    from pioneers.network.models import Organisation
    from pioneers.network.services import municipalities_load

    call_command("migrate", verbosity=0)
    municipalities_load()
    municipalities = list(Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY))
    for organisation in municipalities:
        organisation.public_email = f"info@{organisation.slug}.example.org"
    Organisation.objects.bulk_update(municipalities, ["public_email"])
    return len(municipalities)


def main() -> int:
    from pioneers.outreach import services
    from pioneers.outreach.models import Campaign, Recipient

    count = setup()
    campaign = services.campaign_create(
        user=None,
        title="Bench",
        subject="Doe mee, {municipality}",
        body="Beste {contact_name},\n\nReageer via {reply_link}.\n\nAfmelden: {unsubscribe_link}",
        channel=Campaign.Channel.EMAIL,
        kind="municipality",
        province=None,
        membership=Campaign.Membership.NON_MEMBERS,
    )
    started = time.perf_counter()
    queued = services.campaign_queue(campaign=campaign)  # commits: the task is in the queue
    queue_s = time.perf_counter() - started

    with smtp_sink() as (sink, port):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        settings.EMAIL_USE_TLS = False
        started = time.perf_counter()
        call_command("db_worker", batch=True, interval=0, startup_delay=False, verbosity=0)
        send_s = time.perf_counter() - started
        received = list(sink.received)

    arrivals = Counter(address for _time, recipients in received for address in recipients)
    once = all(n == 1 for n in arrivals.values()) and len(arrivals) == queued
    times = sorted(t for t, _recipients in received)
    busiest = max(
        (sum(1 for later in times[i:] if later - start < 1.0) for i, start in enumerate(times)),
        default=0,
    )
    sent = Recipient.objects.filter(campaign=campaign, status=Recipient.Status.SENT).count()
    failed = Recipient.objects.filter(campaign=campaign).exclude(last_error="").first()
    from django_tasks_db.models import DBTaskResult

    for result in DBTaskResult.objects.filter(status="FAILED"):
        print(f"a task failed: {result.traceback}")
    if failed is not None:
        print(f"an email failed: {failed.last_error}")
    rate = settings.OUTREACH_RATE

    def verdict(ok: bool) -> str:
        return "ok" if ok else "MISSED <<<"

    print(f"municipalities: {count}, queued: {queued}, sent: {sent}, received: {len(received)}")
    print(
        f"queue {queued}:  {queue_s:.3f} s   (target < {QUEUE_TARGET_S} s)  "
        f"{verdict(queue_s < QUEUE_TARGET_S)}"
    )
    print(
        f"send {sent}:   {send_s:.1f} s   (target < {SEND_TARGET_S} s)  "
        f"{verdict(send_s < SEND_TARGET_S)}"
    )
    print(
        f"rate: {sent / send_s:.1f} emails/s achieved, busiest second {busiest}, "
        f"limit {rate:g}/s  {verdict(busiest <= rate + 1)}"
    )
    print(f"each email exactly once: {verdict(once)}")
    return 0 if once else 1


if __name__ == "__main__":
    sys.exit(main())
