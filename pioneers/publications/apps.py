"""Configuration of the publications app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "pioneers.publications"
    label = "publications"
    verbose_name = _("Publications")

    def ready(self):
        from pioneers.core import personal_data
        from pioneers.core.cache import SITE, invalidates
        from pioneers.publications import caching, services
        from pioneers.publications.signals import connect_signals

        connect_signals()
        # The pages themselves are Wagtail pages ("site", in core). Left out on purpose, as
        # nobody but their writers and the editors sees them: nominations, comment rounds and
        # comments on drafts, and who submitted an article.
        for label in (
            "publications.followupaction",
            "publications.reportphoto",
            "publications.reportattachment",
            "publications.practicedocument",
            "publications.articleauthor",
            "publications.editionpdf",
        ):
            invalidates(label, {SITE})
        invalidates("publications.practicereuse", caching.reuse_tags)
        invalidates("network.person", caching.person_tags)
        personal_data.register(
            "publications",
            export=services.publications_export,
            erase=services.publications_erase,
        )
