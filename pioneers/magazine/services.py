"""Writes for the magazine: members submit articles, editors review them in Wagtail's
moderation workflow, and every edition is also built as a PDF in the background."""

import logging
import time
from functools import partial

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, Revision, Workflow, WorkflowPage, WorkflowTask
from wagtail.workflows import publish_workflow_state

from pioneers.core.cache import SITE, tags_changed_on_commit
from pioneers.core.email import EmailParts, email_send
from pioneers.core.links import absolute_url
from pioneers.core.personal_data import removed_person
from pioneers.core.slugs import unique_slug
from pioneers.core.text import text_to_html
from pioneers.magazine import pdf as pdf_rendering
from pioneers.magazine.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleSubmission,
    EditionPDF,
    MagazineIndexPage,
)
from pioneers.magazine.selectors import member_submissions
from pioneers.network.models import Person
from pioneers.network.selectors import member_organisation

MAGAZINE_WORKFLOW = "Magazine"
EDITORS_GROUP = "Moderators"  # Wagtail's own group of people who may approve pages


class SubmissionError(Exception):
    """An article that cannot be submitted; the message is for the member."""


def magazine_workflow_ensure(index):
    """The "Magazine" workflow (intake, then review, by the moderators) on a magazine index.

    Created once; assigning it to every language's magazine makes submitted articles follow it.
    """
    workflow = Workflow.objects.filter(name=MAGAZINE_WORKFLOW).first()
    if workflow is None:
        group, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
        workflow = Workflow.objects.create(name=MAGAZINE_WORKFLOW, active=True)

        with translation.override(settings.LANGUAGE_CODE):
            names = [gettext("Magazine: intake"), gettext("Magazine: review")]
        for order, name in enumerate(names):
            task = GroupApprovalTask.objects.create(name=name)
            task.groups.set([group])
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def article_submit(
    *,
    user,
    edition,
    title: str,
    intro: str,
    body: str,
    lessons: str = "",
    practical_experience: str = "",
    topics=(),
    municipalities=(),
    language: str = "nl",
):
    """A member's article becomes a draft in the edition and goes into the editors' workflow.

    The member owns the draft and is its author; their text is stored as escaped paragraphs.
    """

    if member_organisation(user) is None:
        raise SubmissionError(
            _("Only pioneers of a member organisation can submit articles to the magazine.")
        )
    title, intro, body = title.strip(), intro.strip(), body.strip()
    if not (title and intro and body):
        raise SubmissionError(_("An article needs a title, an introduction and a text."))
    with transaction.atomic():
        edition = type(edition).objects.select_for_update().get(pk=edition.pk)
        if not edition.accepts_submissions:
            raise SubmissionError(_("This edition does not accept articles any more."))
        article = ArticlePage(
            title=title,
            slug=unique_slug(
                title,
                taken=set(edition.get_children().values_list("slug", flat=True)),
                max_length=70,
                fallback="artikel",
            ),
            locale_id=edition.locale_id,
            intro=intro,
            body=text_to_html(body),
            lessons=text_to_html(lessons),
            practical_experience=text_to_html(practical_experience),
            owner=user,
            live=False,
        )
        article.authors.add(ArticleAuthor(person=user.person, sort_order=0))
        article.topics.set(list(topics))
        article.municipalities.set(list(municipalities))
        edition.add_child(instance=article)
        revision = article.save_revision(user=user, log_action=True)
        ArticleSubmission.objects.create(article=article, submitted_by=user, language=language)
        workflow = article.get_workflow()
        if workflow is None:
            index = MagazineIndexPage.objects.ancestor_of(edition).first()
            workflow = magazine_workflow_ensure(index)
        workflow.start(article, user)
    article.latest_revision = revision
    return article


def is_member_article(workflow_state) -> bool:
    """Whether a workflow is about an article a member submitted (not one by the editors)."""

    page = workflow_state.content_object
    return (
        isinstance(getattr(page, "specific", None), ArticlePage)
        and ArticleSubmission.objects.filter(article_id=page.pk).exists()
    )


def article_decision_notify(workflow_state, decision: str) -> None:
    """Queue the email to the member who submitted, when editors approve or reject; it is in
    the language they submitted in."""
    if not is_member_article(workflow_state):
        return
    submission = ArticleSubmission.objects.select_related("submitted_by").get(
        article_id=workflow_state.content_object.pk
    )
    email_send(
        template="magazine/email/article_decision",
        to=[submission.submitted_by],
        language=submission.language,
        context={
            "submission": submission,
            "decision": decision,
            "workflow_state": workflow_state,
        },
    )


def article_decision_parts(*, template: str, context: dict) -> EmailParts:
    """What the decision's email shows, read when it is sent: the editors' comment too."""
    submission = context["submission"]
    article = submission.article
    task_state = context["workflow_state"].current_task_state
    return EmailParts(
        context={
            "article": article,
            "edition": article.get_parent(),
            "person": submission.submitted_by,
            "comment": (task_state.comment if task_state else "") or "",
            "submissions_url": absolute_url(reverse("magazine:magazine_submissions")),
        }
    )


def edition_close(edition) -> None:
    """An edition that appears is closed to new articles; an editor may reopen it in Wagtail.

    The edit form reads the latest revision, so the revision says closed too (else the next
    save would reopen the edition unasked).
    """
    type(edition).objects.filter(pk=edition.pk).update(accepts_submissions=False)
    tags_changed_on_commit(SITE)  # the update sends no signal
    edition.accepts_submissions = False
    for revision in Revision.objects.filter(
        pk__in=[edition.latest_revision_id, edition.live_revision_id]
    ):
        if revision.content.get("accepts_submissions"):
            revision.content["accepts_submissions"] = False
            revision.save(update_fields=["content"])


def article_closed_edition(article):
    """The edition a not yet published article cannot join because it appeared and is closed.

    None when the article may be published: it is live already (a correction), or its edition
    has not appeared yet (the article waits for it), or an editor reopened the edition.
    """
    edition = article.get_parent(update=True).specific
    if article.live or not edition.live or edition.accepts_submissions:
        return None
    return edition


def closed_edition_message(edition) -> str:
    return _(
        "“%(edition)s” has appeared and is closed to new articles. Move the article to an "
        "open edition, or reopen this edition for submissions first."
    ) % {"edition": edition.title}


def magazine_workflow_finish(workflow_state, user=None):
    """Wagtail's end of an approved workflow (publishing), except for a closed edition.

    An article approved for an edition that has appeared and is closed waits, approved and
    unpublished, until an editor moves it or reopens the edition: it never slips into an
    edition (and its PDF) that readers already have.
    """
    page = getattr(workflow_state.content_object, "specific", None)
    if isinstance(page, ArticlePage) and article_closed_edition(page) is not None:
        return
    publish_workflow_state(workflow_state, user=user)


def edition_pdf_request(edition, *, force: bool = False):
    """Queue a build of the edition's PDF; a build still waiting in the queue is not doubled."""

    with transaction.atomic():
        pdf, created = EditionPDF.objects.select_for_update().get_or_create(edition=edition)
        if not created and pdf.status == EditionPDF.Status.QUEUED and not force:
            return pdf  # the build waiting in the queue will include the latest changes
        EditionPDF.objects.filter(pk=pdf.pk).update(
            status=EditionPDF.Status.QUEUED,
            rendered=0,
            total=0,
            error="",
            requested_at=timezone.now(),
        )
        pdf.refresh_from_db()
        # Imported here: the task module imports this one to call back into it.
        from pioneers.magazine.tasks import build_edition_pdf  # circular: tasks use services

        transaction.on_commit(partial(build_edition_pdf.enqueue, pdf_id=pdf.pk))
    return pdf


def edition_pdf_build(pdf) -> None:
    """Render the edition (cover, contents, each article) and store the file; never raises.

    Progress (articles rendered of the total) is written as it goes, without touching the
    site's cache version; a failure is stored with its message for the editor.
    """
    rows = EditionPDF.objects.filter(pk=pdf.pk)
    started = time.monotonic()
    rows.update(status=EditionPDF.Status.BUILDING, error="")

    def progress(rendered: int, total: int) -> None:
        rows.update(rendered=rendered, total=total)

    try:
        edition = pdf.edition
        content, page_count = pdf_rendering.render_edition_pdf(edition, progress=progress)
    except Exception as error:  # noqa: BLE001 - any failure is shown to the editor, never a 500
        logging.getLogger(__name__).exception("PDF of edition %s failed", pdf.edition_id)
        rows.update(status=EditionPDF.Status.FAILED, error=f"{type(error).__name__}: {error}")
        return
    pdf.refresh_from_db()
    old_name = pdf.file.name
    name = f"{edition.slug}-{edition.locale.language_code}.pdf"
    pdf.file.save(name, ContentFile(content), save=False)
    pdf.status = EditionPDF.Status.DONE
    pdf.size = len(content)
    pdf.pages = page_count
    pdf.built_at = timezone.now()
    pdf.seconds = round(time.monotonic() - started, 2)
    pdf.error = ""
    pdf.save()  # a plain save: pages that link the PDF are refreshed in the caches
    if old_name and old_name != pdf.file.name:
        pdf.file.storage.delete(old_name)


# A person's own data (see pioneers.core.personal_data) ------------------------------------


def magazine_export(user) -> dict:
    return {
        "articles": [
            {"title": article.title, "state": article.status}
            for article in member_submissions(user)
        ],
    }


def magazine_erase(user) -> None:
    """Articles stay, with "removed person" as their author, in saved revisions too."""
    person_id = Person.objects.filter(user=user).values_list("pk", flat=True).first()
    if person_id is None:
        return
    removed = removed_person()
    authorships = ArticleAuthor.objects.filter(person_id=person_id)
    articles = [str(pk) for pk in authorships.values_list("article_id", flat=True)]
    authorships.update(person=None, guest_name=removed)
    tags_changed_on_commit(SITE)  # the update sends no signal; articles lose the name
    for revision in Revision.page_revisions.filter(object_id__in=articles).iterator():
        authors = [a for a in revision.content.get("authors", []) if a.get("person") == person_id]
        for author in authors:
            author.update(person=None, guest_name=removed, guest_affiliation="")
        if authors:
            revision.save(update_fields=["content"])
