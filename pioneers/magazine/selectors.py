"""Reads of the magazine: what readers see of editions and articles, and members of their
submissions."""

from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState, WorkflowTask

from pioneers.core.selectors import latest_workflow_states
from pioneers.magazine.models import ArticleAuthor, ArticlePage, EditionPage


def live_editions():
    """Editions that are public: live, and public in Wagtail's privacy settings."""
    return EditionPage.objects.live().public()


def _in_live_edition():
    """An Exists() that is true for an article whose parent edition is live.

    An article's tree path is its edition's path plus one step, so the parent is found without
    a join on the page tree.
    """
    return Exists(EditionPage.objects.filter(live=True, path=_parent_path()))


def _parent_path():
    """The tree path of the parent of the page an outer query is on."""
    return Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)


def visible_articles():
    """Articles readers may see: live, public, and in an edition that is live."""
    return ArticlePage.objects.live().public().filter(_in_live_edition())


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
    return list(
        ArticlePage.objects.live()
        .public()
        .child_of(edition)
        .order_by("path")
        .prefetch_related(
            Prefetch(
                "authors",
                queryset=ArticleAuthor.objects.select_related("person__organisation"),
            ),
            "topics",
        )
    )


def feed_articles(language: str, limit: int = 50) -> list:
    """The newest visible articles in one language, with their edition and authors; for feeds."""
    editions = EditionPage.objects.filter(path=_parent_path())
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
                queryset=ArticleAuthor.objects.select_related("person__organisation"),
            ),
            "topics",
        )[:limit]
    )


def searchable_articles():
    """Visible articles as a search can filter them: by tree path, not by a subquery."""
    articles = ArticlePage.objects.live().public()
    for edition in EditionPage.objects.not_live().only("path", "depth"):
        articles = articles.not_descendant_of(edition)
    return articles


def editions_open_for_submissions():
    """Editions members may submit to now (usually drafts in preparation), newest first."""
    return (
        EditionPage.objects.filter(accepts_submissions=True)
        .select_related("locale")
        .order_by("-publication_date", "-number")
    )


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
    states = latest_workflow_states()
    editions = EditionPage.objects.filter(path=_parent_path())
    articles = list(
        ArticlePage.objects.filter(submission__submitted_by=user)
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
