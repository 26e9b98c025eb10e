"""`pioneers housekeeping`: the periodic chores; `pioneers serve` runs it every minute.

The core's own chores: publish and unpublish pages and snippets with a draft state (meetings)
whose scheduled time has come (Wagtail's ``publish_scheduled``), delete finished task results
older than a day (they hold the emails that were sent, reset links included), and on SQLite
keep the query planner's statistics current (`PRAGMA optimize`; without them a full-text
search scans the whole index). Between them run the chores the apps
registered (the meetings app: queue meeting reminders two days before, erase the
accessibility needs of cancelled registrations and of meetings whose day ended
`PIONEERS_ACCESSIBILITY_NEEDS_DAYS` ago).

To add a chore, register it in your app's ``AppConfig.ready()``::

    from pioneers.core import chores

    chores.register("reminders_send", services.reminders_send)

A chore takes no arguments and must be idempotent and quick. A chore that fails is logged and
the others still run; the command then exits with an error naming it.
Outside `pioneers serve`, run it from cron every minute.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext

from pioneers.core import chores


def publish_scheduled() -> None:
    call_command("publish_scheduled", verbosity=0)


def task_results_prune() -> None:
    if settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
        call_command("prune_db_task_results", min_age_days=1, queue_name="*", verbosity=0)


def sqlite_optimize() -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA optimize")


class Command(BaseCommand):
    help = (
        "Publish scheduled pages, run the chores the apps registered (meeting reminders, erasing "
        "old accessibility needs), prune old task results. Run every minute."
    )

    def handle(self, *args, **options):
        failed = chores.run_all(
            [
                ("publish_scheduled", publish_scheduled),
                *chores.registered(),
                ("task_results_prune", task_results_prune),
                ("sqlite_optimize", sqlite_optimize),
            ]
        )
        if failed:
            raise CommandError(
                gettext("Chores that failed (see the log): %(names)s")
                % {"names": ", ".join(failed)}
            )
