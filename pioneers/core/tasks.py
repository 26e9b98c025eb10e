"""Background tasks of the core. Tasks take ids and plain values and do one thing."""

from django_tasks import task

from pioneers.core.email import email_deliver


@task()
def send_email(*, template: str, to: list, language: str, context: dict, reply_to: str = "") -> int:
    """Render one email in the recipient's language and send it; returns how many were sent.

    Queued by ``pioneers.core.email.email_send``, which explains the arguments.
    """
    return email_deliver(
        template=template, to=to, language=language, context=context, reply_to=reply_to
    )
