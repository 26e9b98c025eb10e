"""Coordinators may translate: Wagtail's simple_translation "submit_translation" permission,
which the "Translate" action on topics (and pages) asks for.

The permission is made here because Django makes permissions only after all migrations ran
(post_migrate), too late on a new install (as in core's 0005_coordinators_group).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = "Coordinators"


def grant(apps, schema_editor):
    app_config = apps.get_app_config("simple_translation")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True  # create_permissions skips an app without one
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=COORDINATORS)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="simple_translation", codename="submit_translation"
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.permissions.through.objects.filter(
        group__name=COORDINATORS,
        permission__content_type__app_label="simple_translation",
        permission__codename="submit_translation",
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("topics", "0004_topic_translatable"),
        ("core", "0005_coordinators_group"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
