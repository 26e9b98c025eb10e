"""Configuration of the publications app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "pioneers.publications"
    label = "publications"
    verbose_name = _("Publications")

    def ready(self):
        from pioneers.core import personal_data
        from pioneers.publications import services
        from pioneers.publications.signals import connect_signals

        connect_signals()
        personal_data.register(
            "publications",
            export=services.publications_export,
            erase=services.publications_erase,
        )
