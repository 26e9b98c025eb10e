"""`pioneers setup`: everything a fresh installation needs before it can serve."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Apply migrations, compile translations, collect static files, load the demo once."

    def add_arguments(self, parser):
        parser.add_argument("--no-demo", action="store_true", help="Do not load the demo network.")

    def handle(self, *args, no_demo=False, **options):
        verbosity = options["verbosity"]
        call_command("compilemessages", verbosity=0, ignore_patterns=[".venv", "node_modules"])
        call_command("migrate", interactive=False, verbosity=verbosity)
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Static files collected in {settings.STATIC_ROOT}")
        if not no_demo:
            from pioneers.core.demo import load_demo

            load_demo(self.stdout)
        self.stdout.write(self.style.SUCCESS("Set up."))
