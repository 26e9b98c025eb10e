"""URLs of publications that are not pages of the tree; the path words are translated."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from pioneers.publications import views

app_name = "publications"
urlpatterns = [
    path(
        pgettext_lazy("URL", "report-comments/manage/<id:pk>/"),
        views.comments_manage,
        name="comments_manage",
    ),
    path(pgettext_lazy("URL", "report-comments/<str:token>/"), views.comment, name="comment"),
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
    path(pgettext_lazy("URL", "search/"), views.search, name="search"),
    path(pgettext_lazy("URL", "my/"), views.mine, name="mine"),
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
        pgettext_lazy("URL", "magazine/edition-pdf/<id:pk>/"),
        views.edition_pdf,
        name="edition_pdf",
    ),
]
