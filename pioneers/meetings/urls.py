"""URLs of the meeting pages; the path words are translated per language."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.meetings import views
from pioneers.meetings.feeds import MeetingFeed

app_name = "meetings"
urlpatterns = [
    path(pgettext_lazy("URL", "meetings/"), views.upcoming, name="upcoming"),
    path(pgettext_lazy("URL", "meetings/past/"), views.past, name="past"),
    path(pgettext_lazy("URL", "meetings/calendar.ics"), views.calendar_feed, name="feed"),
    path(pgettext_lazy("URL", "meetings/meetings.atom"), MeetingFeed(), name="atom"),
    path(pgettext_lazy("URL", "meetings/attendance/"), views.attendance, name="attendance"),
    path(
        pgettext_lazy("URL", "meetings/programme/<slug:slug>.ics"),
        views.programme_ics,
        name="programme_ics",
    ),
    path(
        pgettext_lazy("URL", "meetings/programme/<slug:slug>/planner/"),
        views.planner,
        name="planner",
    ),
    path(
        pgettext_lazy("URL", "meetings/programme/<slug:slug>/availability/"),
        views.availability,
        name="availability",
    ),
    path(pgettext_lazy("URL", "meetings/<slug:slug>/"), views.meeting, name="meeting"),
    path(pgettext_lazy("URL", "meetings/<slug:slug>/register/"), views.register, name="register"),
    path(
        pgettext_lazy("URL", "meetings/<slug:slug>/calendar.ics"),
        views.meeting_ics,
        name="meeting_ics",
    ),
    path(pgettext_lazy("URL", "meetings/<slug:slug>/guests/"), views.guests, name="guests"),
    path(
        pgettext_lazy("URL", "meetings/<slug:slug>/guests.csv"),
        views.guests_csv,
        name="guests_csv",
    ),
    path(pgettext_lazy("URL", "registration/<str:token>/confirm/"), views.confirm, name="confirm"),
    path(pgettext_lazy("URL", "registration/<str:token>/cancel/"), views.cancel, name="cancel"),
    path(pgettext_lazy("URL", "registration/<str:token>/"), views.manage, name="manage"),
    path(pgettext_lazy("URL", "check-in/<str:code>/"), views.checkin_scan, name="checkin_scan"),
]
