"""Reads for the site chrome: the main menu and footer links of a language, cached."""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, Site

from pioneers.core.cache import cached
from pioneers.publications.models import ContentPage

# Sections of the site that are not Wagtail pages, in menu order before the page tree's own
# items. Later sections (meetings, knowledge, magazine) are added here.
SECTIONS = [("network:members", _("Members")), ("meetings:upcoming", _("Meetings"))]


def site_navigation(language: str | None = None) -> dict:
    """Home, main menu and footer links for one language, as plain (title, url) pairs."""
    language = (language or get_language() or "nl")[:2]
    return cached(f"navigation:{language}", lambda: _build_navigation(language))


def _build_navigation(language: str) -> dict:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    empty = {"home": None, "main": [], "footer": []}
    if site is None:
        return empty
    locale = Locale.objects.filter(language_code=language).first()
    root = site.root_page
    if locale is not None and root.locale_id != locale.pk:
        root = root.get_translation_or_none(locale) or root
    children = Page.objects.child_of(root).live().public()
    main = [(str(title), reverse(name)) for name, title in SECTIONS]
    main += [(p.title, p.url) for p in children.filter(show_in_menus=True)]
    footer = [
        (p.title, p.url)
        for p in ContentPage.objects.child_of(root).live().public().filter(show_in_footer=True)
    ]
    return {"home": (root.title, root.url), "main": main, "footer": footer}


# The magazine: what readers see of editions and articles, and members of their submissions.


def _magazine_models():
    from pioneers.publications import models

    return models


def live_editions():
    """Editions that are public: live, and public in Wagtail's privacy settings."""
    return _magazine_models().EditionPage.objects.live().public()


def _in_live_edition():
    """An Exists() that is true for an article whose parent edition is live.

    An article's tree path is its edition's path plus one step, so the parent is found without
    a join on the page tree.
    """
    from django.db.models import Exists, OuterRef
    from django.db.models.functions import Length, Substr

    models = _magazine_models()
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - models.Page.steplen)
    return Exists(models.EditionPage.objects.filter(live=True, path=parent_path))


def visible_articles():
    """Articles readers may see: live, public, and in an edition that is live."""
    return _magazine_models().ArticlePage.objects.live().public().filter(_in_live_edition())


def magazine_editions(index):
    """The live editions of a magazine, newest first, with their covers; one query."""
    return (
        live_editions()
        .child_of(index)
        .select_related("cover_image")
        .order_by("-publication_date", "-number")
    )


def edition_articles(edition) -> list:
    """The live articles of an edition in their order, with authors and topics prefetched."""
    from django.db.models import Prefetch

    models = _magazine_models()
    return list(
        models.ArticlePage.objects.live()
        .public()
        .child_of(edition)
        .order_by("path")
        .prefetch_related(
            Prefetch(
                "authors",
                queryset=models.ArticleAuthor.objects.select_related("person__organisation"),
            ),
            "topics",
        )
    )


def feed_articles(language: str, limit: int = 50) -> list:
    """The newest visible articles in one language, with their edition and authors; for feeds."""
    from django.db.models import OuterRef, Prefetch, Subquery
    from django.db.models.functions import Length, Substr

    models = _magazine_models()
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - models.Page.steplen)
    editions = models.EditionPage.objects.filter(path=parent_path)
    return list(
        visible_articles()
        .filter(locale__language_code=language)
        .select_related("locale")
        .annotate(
            edition_title=Subquery(editions.values("title")[:1]),
            edition_date=Subquery(editions.values("publication_date")[:1]),
        )
        .order_by("-edition_date", "path")
        .prefetch_related(
            Prefetch(
                "authors",
                queryset=models.ArticleAuthor.objects.select_related("person__organisation"),
            ),
            "topics",
        )[:limit]
    )


def editions_open_for_submissions():
    """Editions members may submit to now (usually drafts in preparation), newest first."""
    return (
        _magazine_models()
        .EditionPage.objects.filter(accepts_submissions=True)
        .select_related("locale")
        .order_by("-publication_date", "-number")
    )


def member_organisation(user):
    """The member organisation a logged-in user is a pioneer of, or None."""
    from pioneers.network.selectors import current_members

    person = getattr(user, "person", None) if user.is_authenticated else None
    if person is None or person.organisation_id is None:
        return None
    return current_members().filter(pk=person.organisation_id).first()


class SubmissionStatus:
    """Where a member's article is on its way into the magazine, in the reader's language."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    PUBLISHED = "published"

    @staticmethod
    def labels() -> dict:
        from django.utils.translation import gettext as _

        return {
            SubmissionStatus.DRAFT: _("not submitted"),
            SubmissionStatus.SUBMITTED: _("submitted"),
            SubmissionStatus.IN_REVIEW: _("in review"),
            SubmissionStatus.CHANGES_REQUESTED: _("changes requested"),
            SubmissionStatus.APPROVED: _("approved, appears with the edition"),
            SubmissionStatus.PUBLISHED: _("published"),
        }


def member_submissions(user) -> list:
    """The articles a member submitted, newest first, each with ``status`` and ``status_label``.

    Wagtail's moderation workflow decides: its first task is the editors' intake (submitted),
    a later task their review (in review); an approved article waits for its edition.
    """
    from django.db.models import CharField, OuterRef, Subquery
    from django.db.models.functions import Cast, Length, Substr
    from wagtail.models import WorkflowState, WorkflowTask

    models = _magazine_models()
    states = WorkflowState.objects.filter(
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id=Cast(OuterRef("pk"), CharField()),
    ).order_by("-created_at", "-pk")
    parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - models.Page.steplen)
    editions = models.EditionPage.objects.filter(path=parent_path)
    articles = list(
        models.ArticlePage.objects.filter(submission__submitted_by=user)
        .annotate(
            workflow_status=Subquery(states.values("status")[:1]),
            workflow_id=Subquery(states.values("workflow_id")[:1]),
            current_task_id=Subquery(states.values("current_task_state__task_id")[:1]),
            edition_title=Subquery(editions.values("title")[:1]),
            edition_live=Subquery(editions.values("live")[:1]),
        )
        .order_by("-submission__submitted_at", "-pk")
    )
    first_tasks = {}
    workflow_ids = {a.workflow_id for a in articles if a.workflow_id}
    for workflow_task in WorkflowTask.objects.filter(workflow_id__in=workflow_ids).order_by(
        "sort_order"
    ):
        first_tasks.setdefault(workflow_task.workflow_id, workflow_task.task_id)
    labels = SubmissionStatus.labels()
    for article in articles:
        article.status = _submission_status(article, first_tasks.get(article.workflow_id))
        article.status_label = labels[article.status]
    return articles


def _submission_status(article, first_task_id) -> str:
    from wagtail.models import WorkflowState

    if article.live:
        return SubmissionStatus.PUBLISHED if article.edition_live else SubmissionStatus.APPROVED
    if article.workflow_status == WorkflowState.STATUS_NEEDS_CHANGES:
        return SubmissionStatus.CHANGES_REQUESTED
    if article.workflow_status == WorkflowState.STATUS_IN_PROGRESS:
        if article.current_task_id == first_task_id:
            return SubmissionStatus.SUBMITTED
        return SubmissionStatus.IN_REVIEW
    if article.workflow_status == WorkflowState.STATUS_APPROVED:
        return SubmissionStatus.APPROVED
    return SubmissionStatus.DRAFT
