"""`pioneers demo`: load the demo network (idempotent; existing data is kept)."""

from django.core.management.base import BaseCommand

from pioneers.core.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo network: pages, accounts and organisations. Safe to run again."

    def handle(self, *args, **options):
        load_demo(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo network ready."))
