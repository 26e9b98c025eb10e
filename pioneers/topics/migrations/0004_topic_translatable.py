"""Topics become translatable, step 3 of 3: locale and key required, names and slugs unique
per locale, and the ``name_en`` column gone (its names are translation rows since 0003)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("topics", "0003_topic_translations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="topic",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="topic",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="topic",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"), name="topic_slug_per_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(
                fields=("name", "locale"), name="topic_name_per_locale"
            ),
        ),
        # A default first, so that going back can add the column again to existing rows.
        migrations.AlterField(
            model_name="topic",
            name="name_en",
            field=models.CharField(blank=True, default="", max_length=80),
        ),
        migrations.RemoveField(
            model_name="topic",
            name="name_en",
        ),
    ]
