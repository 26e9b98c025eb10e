"""Helpers the demo's page-making modules share: translations, and an overview page per language."""

from datetime import datetime, time

from django.utils import timezone
from wagtail.models import Locale, Page

from pioneers.core.pages import publish


def translate(page, locale, **fields):
    """The page's published translation into ``locale``, with ``fields`` set."""
    translation = page.copy_for_translation(locale)
    for field, value in fields.items():
        setattr(translation, field, value)
    translation.save()
    publish(translation)
    return translation


def index_page(model, texts: dict, homes: dict):
    """A published overview page under the Dutch home, and its English translation."""
    index = model(locale=homes["nl"].locale, show_in_menus=True, **texts["nl"])
    homes["nl"].add_child(instance=index)
    publish(index)
    if "en" in homes:
        translate(index, Locale.objects.get(language_code="en"), **texts["en"])
    return index


def backdate(pages, day) -> None:
    """Published at nine on ``day``, as the history the demo stands for (feeds show this date)."""
    published = timezone.make_aware(datetime.combine(day, time(9)))
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(
        first_published_at=published, last_published_at=published
    )
