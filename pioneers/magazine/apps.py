"""Configuration of the magazine app: editions, articles, submissions and PDFs."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pioneers.core import menu, personal_data
from pioneers.core.cache import SITE, invalidates
from pioneers.magazine import caching


class MagazineConfig(AppConfig):
    name = "pioneers.magazine"
    label = "magazine"
    verbose_name = _("Magazine")

    def ready(self):
        # Imported here: these modules import models, which are loaded only by now.
        from pioneers.core import email
        from pioneers.magazine import services
        from pioneers.magazine.signals import connect_signals

        connect_signals()
        # Who submitted an article is seen only by the editors.
        invalidates("magazine.articleauthor", {SITE})
        invalidates("magazine.editionpdf", {SITE})
        invalidates("network.person", caching.person_tags)
        email.register("magazine/email/", services.article_decision_parts)
        menu.register_head("magazine/_feed_link.html")
        personal_data.register(
            "magazine", export=services.magazine_export, erase=services.magazine_erase
        )
