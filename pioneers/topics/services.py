"""Writes for topics: a topic by its name, and its name in another language."""

from wagtail.models import Locale

from pioneers.core.slugs import unique_slug
from pioneers.topics.models import Topic


def topic_get_or_create(*, name: str) -> Topic:
    """The original topic with this name (trimmed, any case), made when there is none."""
    name = " ".join(name.split())
    topic = Topic.objects.originals().filter(name__iexact=name).first()
    if topic is None:
        originals = Topic.objects.originals()
        topic = Topic(
            name=name,
            slug=unique_slug(
                name,
                taken=lambda slug: originals.filter(slug=slug).exists(),
                max_length=70,
                fallback="topic",
            ),
            locale=Locale.get_default(),
        )
        topic.full_clean()
        topic.save()
    return topic


def topic_translate(*, topic: Topic, language: str, name: str) -> Topic:
    """The topic's name in ``language``: its translation row, made or renamed."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    translation = Topic.all_locales.filter(
        translation_key=topic.translation_key, locale=locale
    ).first()
    if translation is None:
        translation = topic.copy_for_translation(locale)
    translation.name = name
    translation.full_clean()
    translation.save()
    return translation
