"""The site-wide search page's URL; the path word is translated."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.search import views

app_name = "search"
urlpatterns = [
    path(pgettext_lazy("URL", "search/"), views.search, name="search"),
]
