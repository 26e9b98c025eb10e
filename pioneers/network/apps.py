"""Configuration of the network app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "pioneers.network"
    label = "network"
    verbose_name = _("Network")

    def ready(self):
        from pioneers.core import personal_data
        from pioneers.core.cache import invalidates
        from pioneers.network import caching, services

        # Join requests and the contact log are for coordinators and the requester only.
        invalidates("network.organisation", caching.organisation_tags)
        invalidates("network.membership", caching.membership_tags)
        invalidates("network.person", caching.person_tags)
        personal_data.register("account", export=services.account_export)
        personal_data.register(
            "profile", export=services.profile_export, erase=services.profile_erase
        )
