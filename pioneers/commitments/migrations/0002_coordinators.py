"""Coordinators keep the action plans, commitments, milestones, costs and progress reports."""

from django.db import migrations

from pioneers.core.grants import coordinators_grant


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0001_initial"),
        ("core", "0006_coordinators_translate"),
    ]

    operations = [coordinators_grant("commitments")]
