"""Coordinators build surveys, invite, see responses and results."""

from django.db import migrations

from pioneers.core.grants import coordinators_grant


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0002_polls"),
        ("core", "0006_coordinators_translate"),
    ]

    operations = [coordinators_grant("surveys")]
