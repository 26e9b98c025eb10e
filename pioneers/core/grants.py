"""Permissions of the Coordinators group for an app added later, as a migration operation::

    operations = [coordinators_grant("evaluation")]

The group (core 0005) may add, change, delete and view the project's models; an app that
comes later grants its own. Permissions are made here, as Django makes them only after all
migrations ran (post_migrate), too late on a new install.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = "Coordinators"
MODEL_ACTIONS = ("add", "change", "delete", "view")


def _make_permissions(apps, app_label: str) -> None:
    app_config = apps.get_app_config(app_label)
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True  # create_permissions skips an app without one
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module


def coordinators_grant(app_label: str) -> migrations.RunPython:
    def _permissions(apps):
        Permission = apps.get_model("auth", "Permission")
        return Permission.objects.filter(
            content_type__app_label=app_label,
            codename__regex=rf"^({'|'.join(MODEL_ACTIONS)})_",
        )

    def grant(apps, schema_editor):
        _make_permissions(apps, app_label)
        Group = apps.get_model("auth", "Group")
        for group in Group.objects.filter(name=COORDINATORS):
            group.permissions.add(*_permissions(apps))

    def revoke(apps, schema_editor):
        Group = apps.get_model("auth", "Group")
        for group in Group.objects.filter(name=COORDINATORS):
            group.permissions.remove(*_permissions(apps))

    return migrations.RunPython(grant, revoke)
