"""Configuration of the core app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "pioneers.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.urls import register_converter

        from pioneers.core import email, roles  # noqa: F401 (roles registers core.coordinate)
        from pioneers.core.adapters import account_email_parts
        from pioneers.core.cache import connect_signals
        from pioneers.core.ids import IdConverter

        connect_signals()
        email.register("account/email/", account_email_parts)
        register_converter(IdConverter, "id")
