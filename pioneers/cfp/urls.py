"""URLs of the call for papers; the path words are translated per language."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.cfp import programme_views, review_views, views

app_name = "cfp"
urlpatterns = [
    path(pgettext_lazy("URL", "meetings/<slug:slug>/call/"), views.call, name="call"),
    path(pgettext_lazy("URL", "meetings/<slug:slug>/call/submit/"), views.submit, name="submit"),
    path(
        pgettext_lazy("URL", "meetings/<slug:slug>/call/timetable/"),
        programme_views.timetable,
        name="timetable",
    ),
    path(
        pgettext_lazy("URL", "meetings/<slug:slug>/programme/"),
        programme_views.programme_page,
        name="programme",
    ),
    path(
        pgettext_lazy("URL", "meetings/<slug:slug>/programme/schedule.xml"),
        programme_views.schedule_xml,
        name="schedule_xml",
    ),
    path(
        pgettext_lazy("URL", "meetings/<slug:slug>/programme/schedule.json"),
        programme_views.schedule_json,
        name="schedule_json",
    ),
    path(
        pgettext_lazy("URL", "meetings/<slug:slug>/programme/programme.ics"),
        programme_views.programme_ics,
        name="programme_ics",
    ),
    path(pgettext_lazy("URL", "proposals/"), views.proposals, name="proposals"),
    path(pgettext_lazy("URL", "proposals/<id:pk>/"), views.proposal, name="proposal"),
    path(pgettext_lazy("URL", "proposals/<id:pk>/withdraw/"), views.withdraw, name="withdraw"),
    path(pgettext_lazy("URL", "proposals/<id:pk>/invite/"), views.invite, name="invite"),
    path(pgettext_lazy("URL", "proposals/<id:pk>/slides.pdf"), views.slides, name="slides"),
    # Reviewing and deciding.
    path(pgettext_lazy("URL", "reviews/"), review_views.reviews, name="reviews"),
    path(pgettext_lazy("URL", "reviews/<id:pk>/"), review_views.review, name="review"),
    path(
        pgettext_lazy("URL", "meetings/<slug:slug>/call/submissions/"),
        review_views.submissions,
        name="submissions",
    ),
    path(
        pgettext_lazy("URL", "meetings/<slug:slug>/call/submissions/<id:pk>/decision/"),
        review_views.decide,
        name="decide",
    ),
    path(pgettext_lazy("URL", "proposals/<id:pk>/confirm/"), review_views.confirm, name="confirm"),
    # Tokens are URL-safe base64: anything else (a NUL byte, a slash) is not found.
    path(pgettext_lazy("URL", "invitation/<slug:token>/"), views.invitation, name="invitation"),
]
