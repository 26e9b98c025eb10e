"""Configuration of the publications app: the site's home, content pages and page tree."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pioneers.core import menu, personal_data


class PublicationsConfig(AppConfig):
    name = "pioneers.publications"
    label = "publications"
    verbose_name = _("Publications")

    def ready(self):
        # Imported here: these modules import models, which are loaded only by now.
        from pioneers.publications import services

        menu.register("account", _("My overview"), "publications:mine", order=30)
        menu.register(
            "account_settings", _("Your data"), "publications:mine", order=10, fragment="#your-data"
        )
        # Pages a person made (practices, articles) name them as owner; nothing to show.
        personal_data.register("pages", export=None, erase=services.pages_erase)
