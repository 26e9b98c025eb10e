"""URLs of the respondent's pages; the path words are translated per language."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.surveys import views

app_name = "surveys"
urlpatterns = [
    path(pgettext_lazy("URL", "surveys/<str:token>/"), views.respond, name="respond"),
    path(pgettext_lazy("URL", "surveys/<str:token>/save/"), views.autosave, name="autosave"),
]
