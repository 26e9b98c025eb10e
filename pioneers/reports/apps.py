"""Configuration of the reports app: meeting reports and comments on their drafts."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "pioneers.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from pioneers.core import personal_data
        from pioneers.reports import services

        personal_data.register(
            "reports", export=services.reports_export, erase=services.reports_erase
        )
