"""Coordinators build surveys, invite and see responses: their group gets the surveys app's
model permissions (made here, since Django makes permissions only after all migrations ran)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = "Coordinators"


def coordinators_grant(apps, schema_editor):
    app_config = apps.get_app_config("surveys")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True  # create_permissions skips an app without one
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=COORDINATORS):
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="surveys",
                codename__regex=r"^(add|change|delete|view)_",
            )
        )


def coordinators_revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=COORDINATORS):
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="surveys")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("core", "0005_coordinators_group"),
    ]

    operations = [migrations.RunPython(coordinators_grant, coordinators_revoke)]
