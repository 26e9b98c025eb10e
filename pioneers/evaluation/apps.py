"""Configuration of the evaluation app: indicators of success, their history and the results
page."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pioneers.core import chores
from pioneers.core.cache import invalidates


class EvaluationConfig(AppConfig):
    name = "pioneers.evaluation"
    label = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self):
        # Imported here: these modules import models, which are loaded only by now.
        from pioneers.evaluation import selectors, services

        invalidates("evaluation.indicator", {selectors.TAG})
        invalidates("evaluation.indicatorvalue", {selectors.TAG})
        chores.register("indicators_snapshot", services.indicators_snapshot)
