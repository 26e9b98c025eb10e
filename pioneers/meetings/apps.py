"""Configuration of the meetings app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "pioneers.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from pioneers.core import chores, personal_data
        from pioneers.meetings import services

        chores.register("reminders_send", services.reminders_send)
        chores.register("accessibility_needs_erase", services.accessibility_needs_erase)

        personal_data.register(
            "registrations",
            export=services.registrations_export,
            erase=services.registrations_erase,
        )
