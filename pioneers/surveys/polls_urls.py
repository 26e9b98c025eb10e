"""URLs of the live polls under /nl/ and /en/; the short link /p/<code>/ is in pioneers/urls.py,
outside the language prefix."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.surveys import polls_views

app_name = "polls"
urlpatterns = [
    path(pgettext_lazy("URL", "meetings/<slug:slug>/polls/"), polls_views.manage, name="manage"),
    path(
        pgettext_lazy("URL", "meetings/<slug:slug>/polls/<id:pk>/"),
        polls_views.change,
        name="change",
    ),
    path(
        pgettext_lazy("URL", "meetings/<slug:slug>/polls/<id:pk>/screen/"),
        polls_views.screen,
        name="screen",
    ),
    path(
        pgettext_lazy("URL", "meetings/<slug:slug>/polls/<id:pk>/screen/results/"),
        polls_views.screen_results,
        name="screen_results",
    ),
    path(pgettext_lazy("URL", "poll/<str:code>/"), polls_views.answer, name="answer"),
]
