"""Coordinators see the unsubscribed addresses in the admin and remove one on request."""

from django.db import migrations

from pioneers.core.grants import coordinators_grant


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0004_campaign_letters_pdf"),
        ("core", "0006_coordinators_translate"),
    ]

    operations = [coordinators_grant("outreach")]
