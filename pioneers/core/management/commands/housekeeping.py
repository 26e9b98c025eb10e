"""`pioneers housekeeping`: the periodic chores; `pioneers serve` runs it every minute.

Publishes and unpublishes pages whose scheduled time has come, queues meeting reminders
(two days before), erases the accessibility needs of cancelled registrations and of meetings
whose day ended (`PIONEERS_ACCESSIBILITY_NEEDS_DAYS` ago), deletes finished task results
older than a day (they hold the emails that were sent, reset links included), and on SQLite
keeps the query planner's statistics current (`PRAGMA optimize`; without them a full-text
search scans the whole index).
Outside `pioneers serve`, run it from cron every minute.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = (
        "Publish scheduled pages, send meeting reminders, erase old accessibility needs, prune old "
        "task results. Run every minute."
    )

    def handle(self, *args, **options):
        from pioneers.meetings.services import accessibility_needs_erase, reminders_send

        call_command("publish_scheduled", verbosity=0)
        reminders_send()
        accessibility_needs_erase()
        if settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
            call_command("prune_db_task_results", min_age_days=1, queue_name="*", verbosity=0)
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA optimize")
