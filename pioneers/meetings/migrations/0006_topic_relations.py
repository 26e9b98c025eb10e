"""A meeting's topic and a programme's topics become relations to topics.Topic.

The free texts are matched to the original topics by their Dutch name (trimmed, any case);
a text that matches none becomes a new topic, so no text is lost. The coordinator's locked
planner cells follow (``topic`` text -> ``topic_id``). Backwards, the names come back as text.
The old text columns go in the next migration (PostgreSQL alters no table with rows changed
in the same transaction).
"""

import uuid

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models
from django.utils.text import slugify

import pioneers.core.translations

NAME_LENGTH = 120  # topics.Topic.name
SLUG_LENGTH = 70  # room for "-2", "-3"… within the slug's 80


def normalised(text: str) -> str:
    """The key a topic's text is matched on: trimmed, inner spaces single, any case."""
    return " ".join(text.split()).casefold()


class TopicMatcher:
    """The original topic for a text, made (with a free slug) when no name matches."""

    def __init__(self, apps):
        self.Topic = apps.get_model("topics", "Topic")
        Locale = apps.get_model("wagtailcore", "Locale")
        self.locale, _created = Locale.objects.get_or_create(
            language_code=settings.LANGUAGE_CODE[:2]
        )
        originals = self.Topic.objects.filter(locale=self.locale)
        self.by_name = {normalised(t.name): t for t in originals}
        self.slugs = set(originals.values_list("slug", flat=True))

    def __call__(self, text: str):
        name = " ".join(text.split())[:NAME_LENGTH]
        if not name:
            return None
        topic = self.by_name.get(normalised(name))
        if topic is None:
            base = slugify(name)[:SLUG_LENGTH] or "topic"
            slug, number = base, 2
            while slug in self.slugs:
                slug, number = f"{base}-{number}", number + 1
            topic = self.Topic.objects.create(
                name=name, slug=slug, locale=self.locale, translation_key=uuid.uuid4()
            )
            self.by_name[normalised(name)] = topic
            self.slugs.add(slug)
        return topic


def to_relations(apps, schema_editor):
    Meeting = apps.get_model("meetings", "Meeting")
    Programme = apps.get_model("meetings", "Programme")
    ProgrammeTopic = apps.get_model("meetings", "ProgrammeTopic")
    if not Meeting.objects.exists() and not Programme.objects.exists():
        return
    topic_for = TopicMatcher(apps)
    for meeting in Meeting.objects.exclude(topic_text=""):
        meeting.topic = topic_for(meeting.topic_text)
        meeting.save(update_fields=["topic"])
    for programme in Programme.objects.all():
        topics = [topic_for(line) for line in programme.topics_text.splitlines()]
        unique = list(dict.fromkeys(t.pk for t in topics if t is not None))
        ProgrammeTopic.objects.bulk_create(
            ProgrammeTopic(programme=programme, topic_id=pk, sort_order=order)
            for order, pk in enumerate(unique)
        )
        locks = {}
        for index, cells in programme.plan_locks.items():
            cells = dict(cells)
            text = cells.pop("topic", None)
            topic = topic_for(text) if text else None
            if topic is not None:
                cells["topic_id"] = topic.pk
            if cells:
                locks[index] = cells
        if locks != programme.plan_locks:
            programme.plan_locks = locks
            programme.save(update_fields=["plan_locks"])


def to_texts(apps, schema_editor):
    Meeting = apps.get_model("meetings", "Meeting")
    Programme = apps.get_model("meetings", "Programme")
    Topic = apps.get_model("topics", "Topic")
    names = dict(Topic.objects.values_list("pk", "name"))
    for meeting in Meeting.objects.exclude(topic=None):
        meeting.topic_text = names[meeting.topic_id]
        meeting.save(update_fields=["topic_text"])
    for programme in Programme.objects.all():
        items = programme.topic_items.order_by("sort_order").values_list("topic_id", flat=True)
        programme.topics_text = "\n".join(names[pk] for pk in items)
        locks = {}
        for index, cells in programme.plan_locks.items():
            cells = dict(cells)
            pk = cells.pop("topic_id", None)
            if pk in names:
                cells["topic"] = names[pk]
            locks[index] = cells
        programme.plan_locks = locks
        programme.save(update_fields=["topics_text", "plan_locks"])


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0005_meeting_translations_reverse"),
        ("topics", "0004_topic_translatable"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RenameField(model_name="meeting", old_name="topic", new_name="topic_text"),
        migrations.RenameField(model_name="programme", old_name="topics", new_name="topics_text"),
        migrations.AddField(
            model_name="meeting",
            name="topic",
            field=models.ForeignKey(
                blank=True,
                limit_choices_to=pioneers.core.translations.originals_only,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="meetings",
                to="topics.topic",
                verbose_name="topic",
            ),
        ),
        migrations.CreateModel(
            name="ProgrammeTopic",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "programme",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="topic_items",
                        to="meetings.programme",
                    ),
                ),
                (
                    "topic",
                    models.ForeignKey(
                        limit_choices_to=pioneers.core.translations.originals_only,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="topics.topic",
                        verbose_name="topic",
                    ),
                ),
            ],
            options={
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.RunPython(to_relations, to_texts),
    ]
