"""/healthz: the state of database, cache and task queue as JSON."""

from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=False)


def test_healthz_reports_every_component(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "tasks"}
    assert all(check["ok"] for check in body["checks"].values())
    assert response["Cache-Control"].startswith("max-age=0")


def test_healthz_fails_when_the_database_is_down(client, monkeypatch):
    from pioneers.core import health

    monkeypatch.setattr(health, "check_database", lambda: (_ for _ in ()).throw(OSError("down")))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {
        "ok": False,
        "ms": response.json()["checks"]["database"]["ms"],
        "error": "OSError",
    }


def test_healthz_fails_when_queued_tasks_wait_too_long(client, settings):
    """A task that waits longer than PIONEERS_TASK_MAX_AGE means no worker is running."""
    from django_tasks_db.models import DBTaskResult

    from pioneers.core.tasks import send_email

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    result = send_email.enqueue(
        template="network/email/account_erased", to=["a@example.org"], language="nl", context={}
    )

    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - timedelta(seconds=settings.TASK_MAX_AGE + 5)
    )
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["tasks"]["waiting"] == 1
