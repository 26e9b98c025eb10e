"""Configuration of the network app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pioneers.core import menu, personal_data
from pioneers.core.cache import invalidates
from pioneers.network import caching


class NetworkConfig(AppConfig):
    name = "pioneers.network"
    label = "network"
    verbose_name = _("Network")

    def ready(self):
        # Imported here: these modules import models, which are loaded only by now.
        from pioneers.network import rules, services  # noqa: F401 (rules registers)

        menu.register(
            "account",
            _("Join requests"),
            "network:join_requests",
            order=10,
            visible=lambda user: user.has_perm("network.decide_join_requests"),
        )
        menu.register("account", _("Pioneers"), "network:people", order=20)
        menu.register("account", _("Profile"), "network:profile", order=40)
        menu.register(
            "account_settings", _("Delete your account"), "network:account_delete", order=20
        )
        menu.register("no_access", _("Your profile"), "network:profile", order=10)
        # Join requests and the contact log are for coordinators and the requester only.
        invalidates("network.organisation", caching.organisation_tags)
        invalidates("network.membership", caching.membership_tags)
        invalidates("network.person", caching.person_tags)
        personal_data.register("account", export=services.account_export)
        personal_data.register(
            "profile", export=services.profile_export, erase=services.profile_erase
        )
