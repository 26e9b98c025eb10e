"""URLs of the partner widgets, in each language; the path words are translated."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from pioneers.opendata import widgets

app_name = "widgets"
urlpatterns = [path(pgettext_lazy("URL", "widgets/"), widgets.overview, name="overview")]
for kind, words in (
    ("meetings", pgettext_lazy("URL", "widgets/meetings")),
    ("reports", pgettext_lazy("URL", "widgets/reports")),
):
    urlpatterns += [
        path(format_lazy("{}/", words), widgets.frame, {"kind": kind}, name=f"frame_{kind}"),
        path(
            format_lazy("{}.html", words), widgets.fragment, {"kind": kind}, name=f"fragment_{kind}"
        ),
    ]
