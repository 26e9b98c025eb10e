"""Coordinators may use the admin's "Translate" action (wagtail.contrib.simple_translation),
which copies a page, meeting or programme into another language for them to translate."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = "Coordinators"


def translate_grant(apps, schema_editor):
    # Django makes permissions after all migrations ran, too late on a new install.
    app_config = apps.get_app_config("simple_translation")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True  # create_permissions skips an app without one
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=COORDINATORS).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="simple_translation", codename="submit_translation"
            )
        )


def translate_revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=COORDINATORS):
        group.permissions.remove(
            *group.permissions.filter(
                content_type__app_label="simple_translation", codename="submit_translation"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_coordinators_group"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(translate_grant, translate_revoke)]
