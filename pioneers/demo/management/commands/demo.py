"""`pioneers demo`: load the demo network (idempotent; existing data is kept)."""

from django.core.management.base import BaseCommand, CommandError

from pioneers.demo.loader import DemoRefused, load_demo


class Command(BaseCommand):
    help = "Load the demo network: pages, accounts and organisations. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo even when the database has accounts that are not the demo's.",
        )

    def handle(self, *args, force=False, **options):
        try:
            load_demo(self.stdout, force=force)
        except DemoRefused as refused:
            raise CommandError(str(refused)) from refused
        self.stdout.write(self.style.SUCCESS("Demo network ready."))
