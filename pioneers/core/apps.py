"""Configuration of the core app."""

from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _

from pioneers.core import roles  # noqa: F401 (registers core.coordinate)
from pioneers.core.cache import SITE, connect_signals, invalidates
from pioneers.core.ids import IdConverter


class CoreConfig(AppConfig):
    name = "pioneers.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        # Imported here: the email module imports models, which are loaded only by now.
        from pioneers.core import email
        from pioneers.core.adapters import account_email_parts
        from pioneers.core.translations import connect_search_signals

        connect_signals()
        # The cached site, root page and "any view restriction?" (core.views.serve_page).
        for label in ("wagtailcore.site", "wagtailcore.locale", "wagtailcore.pageviewrestriction"):
            invalidates(label, {SITE})
        connect_search_signals()
        email.register("account/email/", account_email_parts)
        register_converter(IdConverter, "id")
