"""Configuration of the publications app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "pioneers.publications"
    label = "publications"
    verbose_name = _("Publications")

    def ready(self):
        from pioneers.core import menu, personal_data
        from pioneers.publications import services
        from pioneers.publications.signals import connect_signals

        connect_signals()
        menu.register("account", _("My overview"), "publications:mine", order=30)
        menu.register(
            "account_settings", _("Your data"), "publications:mine", order=10, fragment="#your-data"
        )
        menu.register_search("publications:search")
        menu.register_head("publications/_feed_link.html")
        personal_data.register(
            "publications",
            export=services.publications_export,
            erase=services.publications_erase,
        )
