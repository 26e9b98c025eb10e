"""Meetings and programmes become translatable (Wagtail's documented bootstrap route): the rows
that exist get the default locale and a fresh translation key; slugs and meeting numbers become
unique per locale, so a translation keeps its original's."""

import uuid

import django.db.models.deletion
from django.db import migrations, models
from wagtail.models.i18n import (
    BootstrapLocaleField,
    BootstrapTranslatableModel,
    BootstrapTranslationKeyField,
)

import pioneers.core.translations


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0003_meeting_draft_state"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [
        BootstrapTranslationKeyField("meetings.Programme"),
        BootstrapLocaleField("meetings.Programme"),
        BootstrapTranslationKeyField("meetings.Meeting"),
        BootstrapLocaleField("meetings.Meeting"),
        BootstrapTranslatableModel("meetings.Programme"),
        BootstrapTranslatableModel("meetings.Meeting"),
        migrations.AlterField(
            model_name="programme",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="programme",
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
            model_name="meeting",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterUniqueTogether(
            name="programme", unique_together={("translation_key", "locale")}
        ),
        migrations.AlterUniqueTogether(
            name="meeting", unique_together={("translation_key", "locale")}
        ),
        migrations.AlterField(
            model_name="programme",
            name="slug",
            field=models.SlugField(max_length=100, verbose_name="slug"),
        ),
        migrations.AlterField(
            model_name="meeting",
            name="slug",
            field=models.SlugField(max_length=200, verbose_name="slug"),
        ),
        migrations.RemoveConstraint(model_name="meeting", name="unique_meeting_number"),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.UniqueConstraint(
                fields=("programme", "number", "locale"), name="unique_meeting_number"
            ),
        ),
        migrations.AddConstraint(
            model_name="meeting",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"),
                name="unique_meeting_slug_per_locale",
                violation_error_message="Another meeting has this slug already.",
            ),
        ),
        migrations.AddConstraint(
            model_name="programme",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"),
                name="unique_programme_slug_per_locale",
                violation_error_message="Another programme has this slug already.",
            ),
        ),
        migrations.AlterModelOptions(
            name="meeting",
            options={
                "default_manager_name": "all_locales",
                "ordering": ["date", "start_time"],
                "verbose_name": "meeting",
                "verbose_name_plural": "meetings",
            },
        ),
        migrations.AlterModelOptions(
            name="programme",
            options={
                "default_manager_name": "all_locales",
                "ordering": ["-start_date"],
                "verbose_name": "programme",
                "verbose_name_plural": "programmes",
            },
        ),
        migrations.AlterModelManagers(
            name="meeting",
            managers=[
                ("objects", pioneers.core.translations.OriginalsManager()),
                ("all_locales", pioneers.core.translations.AllLocalesManager()),
            ],
        ),
        migrations.AlterModelManagers(
            name="programme",
            managers=[
                ("objects", pioneers.core.translations.OriginalsManager()),
                ("all_locales", pioneers.core.translations.AllLocalesManager()),
            ],
        ),
    ]
