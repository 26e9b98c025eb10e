"""Configuration of the meetings app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "pioneers.meetings"
    label = "meetings"
    verbose_name = _("Meetings")
