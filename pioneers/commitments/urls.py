"""URLs of the commitments' public pages; the path words are translated."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.commitments import views

app_name = "commitments"
urlpatterns = [
    path(pgettext_lazy("URL", "commitments/"), views.index, name="index"),
    path(pgettext_lazy("URL", "commitments/<str:code>/"), views.commitment, name="commitment"),
    # The progress reports' URLs (report, report_markdown, report_pdf) follow here.
]
