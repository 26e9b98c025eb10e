"""Configuration of the reports app: meeting reports and comments on their drafts."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pioneers.core import personal_data
from pioneers.core.cache import SITE, invalidates


class ReportsConfig(AppConfig):
    name = "pioneers.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        # Imported here: these modules import models, which are loaded only by now.
        from pioneers.core import email
        from pioneers.reports import services

        # The pages themselves are Wagtail pages ("site", in core); comment rounds and comments on
        # drafts are seen only by their writers and the coordinators.
        for label in ("reports.followupaction", "reports.reportphoto", "reports.reportattachment"):
            invalidates(label, {SITE})

        email.register("reports/email/", services.comment_invitation_parts)
        personal_data.register(
            "reports", export=services.reports_export, erase=services.reports_erase
        )
