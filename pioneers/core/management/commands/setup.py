"""`pioneers setup`: everything an installation needs before it can serve."""

from contextlib import chdir

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from pioneers.core.cache import everything_changed


class Command(BaseCommand):
    help = "Compile translations, apply migrations, collect static files; --demo loads the demo."

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo",
            action="store_true",
            help="Also load the demo network with its demo accounts (never on a real site).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="With --demo: load the demo even when the database has accounts of real people.",
        )

    def handle(self, *args, demo=False, force=False, **options):
        verbosity = options["verbosity"]
        # compilemessages walks the working directory: compile only the project's own catalogues.
        with chdir(settings.PACKAGE_DIR):
            call_command("compilemessages", verbosity=0)
        call_command("migrate", interactive=False, verbosity=verbosity)
        call_command("load_municipalities", verbosity=verbosity)
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Static files collected in {settings.STATIC_ROOT}")
        if demo:
            # The demo app owns the command; the core knows no domain (tests/core/test_layering.py).
            call_command("demo", force=force, stdout=self.stdout, verbosity=verbosity)
        # A real installation gets a home page and a privacy statement with placeholders.
        call_command("site_defaults", verbosity=verbosity)
        # Pages cached before this (new) release may name static files that are gone now.
        everything_changed()
        self.stdout.write(self.style.SUCCESS("Set up."))
