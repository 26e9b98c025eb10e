"""URLs of a commitment's progress reports, part of the commitments app's URLs (its
``urls.py`` adds these patterns); the path words are translated per language."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.commitments import views_reports as views

urlpatterns = [
    path(
        pgettext_lazy("URL", "commitments/<str:code>/progress/<int:number>/"),
        views.report,
        name="report",
    ),
    path(
        pgettext_lazy("URL", "commitments/<str:code>/progress/<int:number>/markdown/"),
        views.report_markdown,
        name="report_markdown",
    ),
    path(
        pgettext_lazy("URL", "commitments/<str:code>/progress/<int:number>/pdf/"),
        views.report_pdf,
        name="report_pdf",
    ),
]
