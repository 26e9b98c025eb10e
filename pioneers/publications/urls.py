"""URLs of publications that are not pages of the tree; the path words are translated."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.publications import views

app_name = "publications"
urlpatterns = [
    path(pgettext_lazy("URL", "my/"), views.mine, name="mine"),
]
