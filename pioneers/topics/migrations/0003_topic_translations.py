"""Topics become translatable, step 2 of 3: every topic is an original in the default locale,
and its English name (the old ``name_en`` column) becomes a translation row in locale ``en``.

Backwards, the English rows go back into ``name_en`` and are deleted.
"""

import uuid

from django.conf import settings
from django.db import migrations


def to_translations(apps, schema_editor):
    Topic = apps.get_model("topics", "Topic")
    Locale = apps.get_model("wagtailcore", "Locale")
    if not Topic.objects.exists():
        return
    default, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE[:2])
    english, taken = None, set()
    for topic in Topic.objects.filter(locale=None):
        topic.locale = default
        topic.translation_key = uuid.uuid4()
        topic.save(update_fields=["locale", "translation_key"])
        name_en = topic.name_en.strip()
        if not name_en or default.language_code == "en":
            continue
        if english is None:
            english, _created = Locale.objects.get_or_create(language_code="en")
        if name_en.lower() in taken:  # names are unique per locale: keep both, told apart
            name_en = f"{name_en} ({topic.name})"[:120]
        taken.add(name_en.lower())
        Topic.objects.create(
            name=name_en,
            name_en="",
            slug=topic.slug,
            locale=english,
            translation_key=topic.translation_key,
        )


def to_columns(apps, schema_editor):
    Topic = apps.get_model("topics", "Topic")
    default = settings.LANGUAGE_CODE[:2]
    english = Topic.objects.filter(locale__language_code="en").exclude(
        locale__language_code=default
    )
    names = dict(english.values_list("translation_key", "name"))
    for topic in Topic.objects.filter(locale__language_code=default):
        topic.name_en = names.get(topic.translation_key, "")
        topic.save(update_fields=["name_en"])
    Topic.objects.exclude(locale__language_code=default).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("topics", "0002_topic_locale"),
    ]

    operations = [
        migrations.RunPython(to_translations, to_columns),
    ]
