"""Configuration of the commitments app: action plans, commitments, milestones with evidence and
progress, links to the network's work, the budget and the progress reports."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pioneers.core.cache import invalidates


class CommitmentsConfig(AppConfig):
    name = "pioneers.commitments"
    label = "commitments"
    verbose_name = _("Commitments")

    def ready(self):
        from pioneers.commitments.caching import TAG

        for model in (
            "actionplan",
            "commitment",
            "milestone",
            "evidence",
            "commitmentlink",
            "cost",
            "progressreport",
        ):
            invalidates(f"commitments.{model}", {TAG})
