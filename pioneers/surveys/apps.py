"""Configuration of the surveys app: questionnaires, invitations, responses and results."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "pioneers.surveys"
    label = "surveys"
    verbose_name = _("Surveys")
