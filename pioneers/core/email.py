"""Sending email from the platform: always through the task queue, after the data is saved."""

from functools import partial

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction

from pioneers.core.tasks import send_email


def email_enqueue(message: EmailMessage) -> None:
    """Queue a rendered message; it leaves once the surrounding transaction commits."""
    html = None
    if isinstance(message, EmailMultiAlternatives):
        html = next(
            (content for content, kind in message.alternatives if kind == "text/html"), None
        )
    transaction.on_commit(
        partial(
            send_email.enqueue,
            subject=message.subject,
            body=message.body,
            to=list(message.to),
            from_email=message.from_email,
            html=html,
            headers=dict(message.extra_headers),
        )
    )
