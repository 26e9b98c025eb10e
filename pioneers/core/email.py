"""Sending email from the platform: always through the task queue, after the data is saved."""

from functools import partial

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template import Context, engines
from django.utils import translation

from pioneers.core.links import base_url
from pioneers.core.models import NetworkSettings
from pioneers.core.roles import COORDINATORS
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


def render_email(template: str, context: dict) -> tuple[str, str]:
    """The subject (one line) and body of ``<template>_subject.txt`` and ``<template>.txt``.

    An email is plain text, not HTML: nothing is escaped, so "'s-Hertogenbosch" and "<" arrive
    as they were typed.
    """

    engine = engines["django"].engine

    def render(name: str) -> str:
        return engine.get_template(name).render(Context(context, autoescape=False))

    return " ".join(render(f"{template}_subject.txt").split()), render(f"{template}.txt")


def email_render_enqueue(
    template: str, to: list[str], language: str, context: dict, *, reply_to: str = ""
) -> None:
    """Render ``<template>_subject.txt`` and ``<template>.txt`` in a language and queue them.

    The templates see the network's settings as ``network`` and the site's address as
    ``base_url``.
    """

    if not to:
        return
    with translation.override(language):
        context = {
            **context,
            "network": NetworkSettings.load(),
            "base_url": base_url(),
        }
        subject, body = render_email(template, context)
    headers = {"Reply-To": reply_to} if reply_to else {}
    email_enqueue(EmailMessage(subject=subject, body=body, to=to, headers=headers))


def coordinator_emails() -> list[str]:
    """The addresses of the active coordinators (see ``roles``), not of everyone with admin
    access: an editor gets no join requests or nominations."""
    return list(
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name=COORDINATORS))
        .distinct()
        .values_list("email", flat=True)
        .order_by("email")
    )
