"""Configuration of the outreach app: campaigns and letters to organisations, replies,
unsubscribes."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "pioneers.outreach"
    label = "outreach"
    verbose_name = _("Outreach")

    def ready(self):
        from pioneers.core import chores, email, personal_data
        from pioneers.outreach import services

        email.register("outreach/", services.email_prepare)
        chores.register("outreach: retry failed campaign emails", services.campaigns_resume)
        personal_data.register(
            "outreach", export=services.outreach_export, erase=services.outreach_erase
        )
