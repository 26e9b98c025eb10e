"""The site-wide search page's and the topic pages' URLs; the path words are translated."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.search import views

app_name = "search"
urlpatterns = [
    path(pgettext_lazy("URL", "search/"), views.search, name="search"),
    path(pgettext_lazy("URL", "topics/<slug:slug>/"), views.topic, name="topic"),
]
