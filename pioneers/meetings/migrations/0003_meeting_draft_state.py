"""Meetings get Wagtail's draft state (live, revisions, scheduled publishing) instead of
``is_published``: a published meeting is live, any other a draft. Existing meetings have no
revision yet; Wagtail reads the row itself until the first edit makes one.

The coordinators may publish meetings (Wagtail's ``publish_meeting``, made here because
Wagtail makes it only after all migrations ran).
"""

import django.db.models.deletion
from django.db import migrations, models

COORDINATORS = "Coordinators"


def live_from_is_published(apps, schema_editor):
    Meeting = apps.get_model("meetings", "Meeting")
    Meeting.objects.update(live=models.F("is_published"))


def is_published_from_live(apps, schema_editor):
    Meeting = apps.get_model("meetings", "Meeting")
    Meeting.objects.update(is_published=models.F("live"))


def coordinators_may_publish(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="meetings", model="meeting"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="publish_meeting",
        defaults={"name": "Can publish meeting"},
    )
    for group in Group.objects.filter(name=COORDINATORS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0002_meeting_sequence_cancellation_reason"),
        ("core", "0005_coordinators_group"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="expire_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
        ),
        migrations.AddField(
            model_name="meeting",
            name="expired",
            field=models.BooleanField(default=False, editable=False, verbose_name="expired"),
        ),
        migrations.AddField(
            model_name="meeting",
            name="first_published_at",
            field=models.DateTimeField(
                blank=True, db_index=True, null=True, verbose_name="first published at"
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="go_live_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
        ),
        migrations.AddField(
            model_name="meeting",
            name="has_unpublished_changes",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="has unpublished changes"
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="last_published_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="last published at"),
        ),
        migrations.AddField(
            model_name="meeting",
            name="latest_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="latest revision",
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="live",
            field=models.BooleanField(default=True, editable=False, verbose_name="live"),
        ),
        migrations.AddField(
            model_name="meeting",
            name="live_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="live revision",
            ),
        ),
        migrations.RunPython(live_from_is_published, is_published_from_live),
        migrations.RemoveField(model_name="meeting", name="is_published"),
        migrations.RunPython(coordinators_may_publish, migrations.RunPython.noop),
    ]
