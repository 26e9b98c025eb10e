"""The task queue the deployment really uses: database in the embedded profile, RQ on Redis."""

import pytest
from django.core import mail
from django.core.management import call_command

from pioneers.core.email import email_send

pytestmark = pytest.mark.django_db(transaction=True)


def _queue_one_email():
    email_send(
        template="network/email/account_erased",
        to=["pioneer@example.org"],
        language="nl",
        context={"email": "pioneer@example.org"},
    )


def _run_worker(backend):
    if backend.startswith("django_tasks_rq"):
        import django_rq
        from django_tasks_rq import Job
        from rq import SimpleWorker

        queue = django_rq.get_queue("default", job_class=Job)
        # SimpleWorker runs the job in this process, so the test outbox receives the email.
        SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)
    else:
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)


def test_email_waits_in_the_queue_until_a_worker_sends_it(real_task_backend):
    if real_task_backend.startswith("django_tasks_rq"):
        import django_rq

        django_rq.get_queue("default").empty()
    _queue_one_email()
    assert mail.outbox == []
    _run_worker(real_task_backend)
    assert [m.subject for m in mail.outbox] == ["Je account is verwijderd"]
    assert mail.outbox[0].to == ["pioneer@example.org"]


def test_healthz_reports_the_queue_backend(client, real_task_backend):
    body = client.get("/healthz").json()
    expected = "rq" if real_task_backend.startswith("django_tasks_rq") else "database"
    assert body["checks"]["tasks"]["backend"] == expected
