"""Configuration of the meetings app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pioneers.core import chores, live, personal_data
from pioneers.core.cache import invalidates


class MeetingsConfig(AppConfig):
    name = "pioneers.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        # Imported here: these modules import models, which are loaded only by now.
        from pioneers.core import email
        from pioneers.meetings import caching, rules, services  # noqa: F401 (rules registers)

        email.register("meetings/email/", services.registration_email_parts)
        chores.register("reminders_send", services.reminders_send)
        chores.register("accessibility_needs_erase", services.accessibility_needs_erase)
        # Registrations are left out on purpose: the places left are a live fragment, and
        # check-ins (an update) say what they change themselves.
        invalidates("meetings.programme", caching.programme_tags)
        invalidates("meetings.meeting", caching.meeting_tags)
        invalidates("meetings.agendaitem", caching.part_tags)
        invalidates("meetings.material", caching.part_tags)
        live.register("places_left", caching.places_left_fragments)
        personal_data.register(
            "registrations",
            export=services.registrations_export,
            erase=services.registrations_erase,
        )
