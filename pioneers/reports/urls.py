"""URLs of reports that are not pages of the tree; the path words are translated."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.reports import views
from pioneers.reports.feeds import ReportFeed

app_name = "reports"
urlpatterns = [
    path(pgettext_lazy("URL", "reports/reports.atom"), ReportFeed(), name="atom"),
    path(
        pgettext_lazy("URL", "report-comments/manage/<id:pk>/"),
        views.comments_manage,
        name="comments_manage",
    ),
    path(pgettext_lazy("URL", "report-comments/<str:token>/"), views.comment, name="comment"),
]
