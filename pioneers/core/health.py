"""The checks behind /healthz: database, cache and task queue, each with its state and timing."""

import logging
import time
import uuid
from datetime import UTC, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


def _timed(check):
    started = time.perf_counter()
    try:
        detail = check()
        ok = True
    except Exception as exc:  # a health check reports every failure instead of raising it
        # The message may name hosts and users: it goes to the log, the answer only names the kind.
        logger.exception("health check %s failed", check.__name__)
        detail = {"error": type(exc).__name__}
        ok = False
    result = {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1)}
    if isinstance(detail, dict):
        if "ok" in detail:
            result["ok"] = ok and detail.pop("ok")
        result.update(detail)
    return result


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor}


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    value = cache.get(key)
    cache.delete(key)
    return {"ok": value == "1"}


def check_tasks():
    """Queued work that waits longer than PIONEERS_TASK_MAX_AGE means no worker is running."""
    backend = settings.TASKS["default"]["BACKEND"]
    limit = timedelta(seconds=settings.TASK_MAX_AGE)
    if backend.startswith("django_tasks_rq"):
        # Imported here: django_rq (with rq and redis) is installed as an app only with Redis,
        # and would cost every web worker memory in the embedded profile.
        import django_rq

        queue = django_rq.get_queue("default")
        queue.connection.ping()
        waiting = queue.count
        oldest = None
        job_ids = queue.get_job_ids(0, 1)
        if job_ids:
            job = queue.fetch_job(job_ids[0])
            oldest = job.enqueued_at if job else None
        backend_name = "rq"
    else:
        ready = DBTaskResult.objects.ready()  # due now: tasks to run later do not count
        waiting = ready.count()
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        backend_name = "database"
    age = 0.0
    if oldest is not None:
        if timezone.is_naive(oldest):
            oldest = timezone.make_aware(oldest, UTC)
        age = max(0.0, (timezone.now() - oldest).total_seconds())
    return {
        "ok": age <= limit.total_seconds(),
        "backend": backend_name,
        "waiting": waiting,
        "oldest_waiting_seconds": round(age, 1),
    }


def run_checks() -> dict:
    checks = {
        "database": _timed(check_database),
        "cache": _timed(check_cache),
        "tasks": _timed(check_tasks),
    }
    return {"status": "ok" if all(c["ok"] for c in checks.values()) else "fail", "checks": checks}
