"""URLs of the magazine that are not pages of the tree; the path words are translated."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.magazine import views

app_name = "magazine"
urlpatterns = [
    path(pgettext_lazy("URL", "magazine/submit/"), views.magazine_submit, name="magazine_submit"),
    path(
        pgettext_lazy("URL", "magazine/my-submissions/"),
        views.magazine_submissions,
        name="magazine_submissions",
    ),
    path(
        pgettext_lazy("URL", "magazine/articles.atom"),
        views.MagazineFeed(),
        name="magazine_feed",
    ),
    path(
        pgettext_lazy("URL", "magazine/edition-pdf/<id:pk>/"),
        views.edition_pdf,
        name="edition_pdf",
    ),
]
