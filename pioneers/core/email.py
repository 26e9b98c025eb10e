"""Sending email from the platform: one task renders and sends every email, after the data is saved.

A caller names a template and gives the recipients, their language and a context of objects and
plain values; the queue holds only ids and those values, never rendered text, links with tokens
or other secrets. The task loads the objects, lets the template's app add what it derives from
them (links with tokens, attachments: see ``register``) and renders ``<template>_subject.txt``,
``<template>_message.txt`` and, when it exists, ``<template>_message.html`` in the recipient's
language. Every template sees the network's settings as ``network`` and the site's address as
``base_url``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import EmailMultiAlternatives
from django.db import models, transaction
from django.db.models import Q
from django.template import Context, TemplateDoesNotExist, engines
from django.utils import translation
from wagtail.models import Page

from pioneers.core.links import base_url
from pioneers.core.models import NetworkSettings
from pioneers.core.roles import COORDINATORS

MODEL = "__model__"  # marks a context value that stands for a database row


@dataclass
class EmailParts:
    """What an app adds to one of its emails in the task: context, attachments and headers
    (such as List-Unsubscribe)."""

    context: dict = field(default_factory=dict)
    attachments: list[tuple[str, bytes | str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)


Prepare = Callable[..., EmailParts | None]
_prepare: dict[str, Prepare] = {}


def register(prefix: str, prepare: Prepare) -> None:
    """Let an app complete its emails (templates starting with ``prefix``) in the task.

    ``prepare(template=..., context=...)`` gets the loaded context in the recipient's language
    and returns ``EmailParts``, or None when the email should not be sent after all.
    """
    _prepare[prefix] = prepare


def email_send(
    *,
    template: str,
    to: list,
    language: str,
    context: dict | None = None,
    reply_to: str = "",
) -> None:
    """Queue one email; it leaves once the surrounding transaction commits.

    ``to`` holds addresses or rows with an ``email`` (a user, a registration), read when the
    email is sent. ``context`` holds rows (sent as their ids) and plain values only.
    """
    from pioneers.core.tasks import send_email  # circular: the task calls back into this module

    if not to:
        return
    transaction.on_commit(
        partial(
            send_email.enqueue,
            template=template,
            to=[_reference(item) for item in to],
            language=language,
            context={key: _reference(value) for key, value in (context or {}).items()},
            reply_to=reply_to,
        )
    )


def _reference(value):
    if isinstance(value, Page):  # the page's own type, whether given as a Page or specific
        return {MODEL: (value.specific_class or Page)._meta.label_lower, "pk": value.pk}
    if isinstance(value, models.Model):
        return {MODEL: value._meta.label_lower, "pk": value.pk}
    return value


def _load(value):
    if isinstance(value, dict) and MODEL in value:
        return apps.get_model(value[MODEL])._default_manager.get(pk=value["pk"])
    return value


def email_deliver(
    *,
    template: str,
    to: list,
    language: str,
    context: dict,
    reply_to: str,
    connection=None,
) -> int:
    """Load, render and send one queued email; returns how many were sent.

    Nothing is sent when a row it is about has gone meanwhile, or when its app says so. A
    sender of many emails (a campaign) passes rows instead of references, and its open SMTP
    ``connection``; a refused address then raises, for the sender to record.
    """
    try:
        recipients = [_load(item) for item in to]
        objects = {key: _load(value) for key, value in context.items()}
    except ObjectDoesNotExist:
        return 0
    addresses = [item if isinstance(item, str) else item.email for item in recipients]
    attachments = []
    headers = {"Reply-To": reply_to} if reply_to else {}
    with translation.override(language):
        context = {**objects, "network": NetworkSettings.load(), "base_url": base_url()}
        prepare = next(
            (func for prefix, func in _prepare.items() if template.startswith(prefix)), None
        )
        if prepare is not None:
            parts = prepare(template=template, context=context)
            if parts is None:
                return 0
            context.update(parts.context)
            attachments = parts.attachments
            headers.update(parts.headers)
        subject, body, html = _render(template, context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        to=[address for address in addresses if address],
        headers=headers,
        connection=connection,
    )
    if html is not None:
        message.attach_alternative(html, "text/html")
    for attachment in attachments:
        message.attach(*attachment)
    return message.send() if message.to else 0


def _render(template: str, context: dict) -> tuple[str, str, str | None]:
    """The subject (one line), text body and HTML body (or None) of a template.

    The text is plain, not HTML: nothing is escaped, so "'s-Hertogenbosch" and "<" arrive as
    they were typed.
    """
    engine = engines["django"].engine

    def render(name: str) -> str:
        return engine.get_template(name).render(Context(context, autoescape=False))

    subject = " ".join(render(f"{template}_subject.txt").split())
    body = render(f"{template}_message.txt").strip()
    try:
        html_template = engine.get_template(f"{template}_message.html")
    except TemplateDoesNotExist:
        return subject, body, None
    return subject, body, html_template.render(Context(context))


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
