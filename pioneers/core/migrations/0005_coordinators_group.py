"""The group "Coordinators": the role that was ``is_staff`` (see pioneers/core/roles.py).

The group may open Wagtail's admin, add, change, delete and view the project's models (and
users, groups, images, documents and redirects, as the superuser coordinator did), and has
Wagtail's page permissions on the root page as Wagtail's "Moderators" has. Every active
``is_staff`` user joins it, so an existing install behaves as before.

It depends on the apps whose permissions it grants; permissions are made here because Django
makes them only after all migrations ran (post_migrate), too late on a new install.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = "Coordinators"
MODEL_APPS = (
    "core",
    "network",
    "topics",
    "meetings",
    "publications",
    "reports",
    "practices",
    "magazine",
    "wagtailimages",
    "wagtaildocs",
    "wagtailredirects",
)
MODEL_ACTIONS = ("add", "change", "delete", "view")
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
COLLECTION_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "delete_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "delete_document", "choose_document"),
}


def _make_permissions(apps):
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True  # create_permissions skips an app without one
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module


def coordinators_create(apps, schema_editor):
    _make_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    User = apps.get_model("core", "User")
    group, _created = Group.objects.get_or_create(name=COORDINATORS)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        ),
        *Permission.objects.filter(
            content_type__app_label__in=MODEL_APPS,
            codename__regex=rf"^({'|'.join(MODEL_ACTIONS)})_",
        ),
        *Permission.objects.filter(
            content_type__app_label="auth", content_type__model__in=["group", "permission"]
        ),
    )
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
        ):
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission
            )
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    collection = Collection.objects.filter(depth=1).first()
    if collection is not None:
        for app_label, codenames in COLLECTION_PERMISSIONS.items():
            for permission in Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            ):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=permission
                )
    group.user_set.add(*User.objects.filter(is_staff=True, is_active=True))


def coordinators_delete(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=COORDINATORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_search_vector"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("network", "0006_privacy_photos"),
        ("topics", "0001_initial"),
        ("meetings", "0002_meeting_sequence_cancellation_reason"),
        ("publications", "0006_move_to_reports_practices_magazine"),
        ("reports", "0001_initial"),
        ("practices", "0001_initial"),
        ("magazine", "0001_initial"),
    ]

    operations = [migrations.RunPython(coordinators_create, coordinators_delete)]
