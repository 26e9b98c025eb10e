"""Configuration of the open-data app: everything public, also as data (API, sitemaps, feeds)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "pioneers.opendata"
    label = "opendata"
    verbose_name = _("Open data")

    def ready(self):
        from pioneers.core import chores, menu
        from pioneers.opendata import exports

        # The full dump of every dataset, rebuilt nightly by a background task.
        chores.register("opendata_dump", exports.dump_if_due)

        # A report's page points to its DiWoo metadata.
        menu.register_head("opendata/_head.html")
        # Every page announces the API's description and docs (RFC 8631).
        menu.register_head("opendata/_service_desc.html")
