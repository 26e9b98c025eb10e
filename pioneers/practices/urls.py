"""URLs of the knowledge base that are not pages of the tree; the path words are translated."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.practices import views
from pioneers.practices.feeds import PracticeFeed

app_name = "practices"
urlpatterns = [
    path(pgettext_lazy("URL", "knowledge-base/practices.atom"), PracticeFeed(), name="atom"),
    path(
        pgettext_lazy("URL", "knowledge-base/share/"), views.practice_share, name="practice_share"
    ),
    path(
        pgettext_lazy("URL", "knowledge-base/similar/"),
        views.practice_similar,
        name="practice_similar",
    ),
    path(
        pgettext_lazy("URL", "knowledge-base/<id:pk>/try-too/"),
        views.practice_reuse,
        name="practice_reuse",
    ),
    path(pgettext_lazy("URL", "knowledge-base/nominate/"), views.nominate, name="nominate"),
    path(
        pgettext_lazy("URL", "knowledge-base/nominations/<id:pk>/"),
        views.nomination_triage,
        name="nomination_triage",
    ),
]
