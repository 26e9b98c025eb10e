"""URLs of publications that are not pages of the tree; the path words are translated."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.publications import views

app_name = "publications"
urlpatterns = [
    path(
        pgettext_lazy("URL", "report-comments/manage/<int:pk>/"),
        views.comments_manage,
        name="comments_manage",
    ),
    path(pgettext_lazy("URL", "report-comments/<str:token>/"), views.comment, name="comment"),
]

urlpatterns += [
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
        pgettext_lazy("URL", "magazine/edition-pdf/<int:pk>/"),
        views.edition_pdf,
        name="edition_pdf",
    ),
]
