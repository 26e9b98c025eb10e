"""Configuration of the practices app: the knowledge base, take-up and nominations."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pioneers.core import personal_data
from pioneers.core.cache import SITE, invalidates
from pioneers.practices import caching


class PracticesConfig(AppConfig):
    name = "pioneers.practices"
    label = "practices"
    verbose_name = _("Knowledge base")

    def ready(self):
        # Imported here: these modules import models, which are loaded only by now.
        from pioneers.practices import services

        # Nominations are seen by the coordinators, and once accepted in the open-data API.
        invalidates("practices.nomination", {caching.NOMINATIONS})
        invalidates("practices.practicedocument", {SITE})
        invalidates("practices.practicereuse", caching.reuse_tags)
        invalidates("network.person", caching.person_tags)

        personal_data.register(
            "practices", export=services.practices_export, erase=services.practices_erase
        )
