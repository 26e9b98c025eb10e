"""Configuration of the open-data app: everything public, also as data (API, sitemaps, feeds)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "pioneers.opendata"
    label = "opendata"
    verbose_name = _("Open data")
