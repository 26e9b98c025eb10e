"""Configuration of the publications app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "pioneers.publications"
    label = "publications"
    verbose_name = _("Publications")

    def ready(self):
        from pioneers.publications.signals import connect_signals

        connect_signals()
