"""Coordinators define indicators and enter values."""

from django.db import migrations

from pioneers.core.grants import coordinators_grant


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0001_initial"),
        ("core", "0006_coordinators_translate"),
    ]

    operations = [coordinators_grant("evaluation")]
