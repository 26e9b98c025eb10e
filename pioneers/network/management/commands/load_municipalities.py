"""`pioneers load_municipalities`: every municipality and province of the country, idempotent."""

from django.core.management.base import BaseCommand

from pioneers.network.services import municipalities_load


class Command(BaseCommand):
    help = "Load or update all municipalities and provinces from the shipped data files."

    def handle(self, *args, **options):
        result = municipalities_load()
        self.stdout.write(
            f"Municipalities and provinces: {result['created']} created, "
            f"{result['updated']} updated."
        )
