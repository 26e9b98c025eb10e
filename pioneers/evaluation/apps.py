"""Configuration of the evaluation app: indicators of success, their history and the results
page."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "pioneers.evaluation"
    label = "evaluation"
    verbose_name = _("Evaluation")
