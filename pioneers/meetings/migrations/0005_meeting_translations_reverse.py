"""Going back past the translations (0004), delete them first, in a transaction of their own:
PostgreSQL refuses to alter a table with pending trigger events in the same one."""

from django.db import migrations

import pioneers.core.translations


def delete_translations(apps, schema_editor):
    """Going back, only the originals fit the old unique slugs and numbers. A translation has
    text and an agenda only (never registrations), so the rows are deleted directly."""
    language = pioneers.core.translations.default_language()
    Meeting = apps.get_model("meetings", "Meeting")
    Programme = apps.get_model("meetings", "Programme")
    meetings = list(
        Meeting.all_locales.exclude(locale__language_code=language).values_list("pk", flat=True)
    )
    for name in ("AgendaItem", "Material", "Registration"):
        apps.get_model("meetings", name).objects.filter(meeting_id__in=meetings).delete()
    Meeting.all_locales.filter(pk__in=meetings)._raw_delete(schema_editor.connection.alias)
    programmes = Programme.all_locales.exclude(locale__language_code=language)
    programmes._raw_delete(schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_meeting_translations"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, delete_translations)]
