"""Configuration of the demo app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "pioneers.demo"
    label = "demo"
    verbose_name = _("Demo")
