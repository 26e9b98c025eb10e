"""Configuration of the search app: site-wide search over the other apps."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from pioneers.core import menu


class SearchConfig(AppConfig):
    name = "pioneers.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        menu.register_search("search:search")
