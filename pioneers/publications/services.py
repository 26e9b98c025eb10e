"""Writes for publications: comments on report drafts, practices, their reuse, nominations."""

from datetime import datetime
from functools import partial

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _

from pioneers.core.cache import SITE, tags_changed_on_commit
from pioneers.core.email import email_render_enqueue, render_email, staff_emails
from pioneers.network.models import Organisation, Person
from pioneers.network.selectors import member_organisation
from pioneers.publications.models import (
    CommentRound,
    DraftComment,
    Nomination,
    PracticeIndexPage,
    PracticePage,
    PracticeReuse,
    ReportPage,
)

COMMENT_SALT = "pioneers.publications.draft-comment"
COMMENT_MAX_LENGTH = 3000


class ReportError(Exception):
    """A comment round or comment that cannot be made; the message is for the user."""


def attendees(report: ReportPage):
    """Who was there: confirmed registrations of the meeting that were checked in."""
    return report.meeting.registrations.filter(status="confirmed", checked_in_at__isnull=False)


def comment_round_open(*, report: ReportPage, closes_at: datetime, opened_by) -> CommentRound:
    """Invite every attendee by email to comment on the draft until ``closes_at``."""
    if report.live and not report.has_unpublished_changes:
        raise ReportError(_("This report has no draft to comment on; save a draft first."))
    if closes_at <= timezone.now():
        raise ReportError(_("The closing moment lies in the past."))
    invitees = list(attendees(report))
    if not invitees:
        raise ReportError(_("Nobody was checked in at this meeting, so there is nobody to invite."))
    with transaction.atomic():
        comment_round, _created = CommentRound.objects.update_or_create(
            report=report,
            defaults={"closes_at": closes_at, "invited": len(invitees), "opened_by": opened_by},
        )
        from pioneers.publications.tasks import send_comment_invitation

        for registration in invitees:
            transaction.on_commit(
                partial(
                    send_comment_invitation.enqueue,
                    report_id=report.pk,
                    registration_id=registration.pk,
                )
            )
    return comment_round


def comment_token(report: ReportPage, registration) -> str:
    return signing.dumps({"p": report.pk, "r": registration.pk}, salt=COMMENT_SALT, compress=True)


def comment_access(token: str):
    """The report and the attendee a comment link is for; a forged link is refused."""
    from pioneers.meetings.models import Registration

    try:
        data = signing.loads(token, salt=COMMENT_SALT)
        report = ReportPage.objects.get(pk=data["p"])
        registration = Registration.objects.get(pk=data["r"], meeting_id=report.meeting_id)
    except (signing.BadSignature, KeyError, TypeError, ReportPage.DoesNotExist,
            Registration.DoesNotExist):  # fmt: skip
        raise ReportError(_("This link is not valid.")) from None
    return report, registration


def draft_comment_create(*, report: ReportPage, registration, body: str) -> DraftComment:
    comment_round = CommentRound.objects.filter(report=report).first()
    if comment_round is None or not comment_round.is_open:
        raise ReportError(_("Comments on this draft are closed."))
    body = body.strip()
    if not body:
        raise ReportError(_("Write a comment first."))
    if len(body) > COMMENT_MAX_LENGTH:
        raise ReportError(
            _("A comment can be at most %(max)s characters.") % {"max": COMMENT_MAX_LENGTH}
        )
    return DraftComment.objects.create(
        report=report, registration=registration, name=registration.name, body=body
    )


def draft_comment_answer(*, comment: DraftComment, answer: str, resolve: bool, by) -> DraftComment:
    answer = answer.strip()
    if not answer and not resolve:
        raise ReportError(_("Write an answer, or mark the comment as resolved."))
    comment.answer = answer
    comment.status = DraftComment.Status.RESOLVED if resolve else DraftComment.Status.ANSWERED
    comment.answered_by = by
    comment.answered_at = timezone.now()
    comment.save(update_fields=["answer", "status", "answered_by", "answered_at"])
    return comment


# The knowledge base -------------------------------------------------------------------------


PRACTICE_TEXT_FIELDS = ["problem", "approach", "result", "lessons"]


class PracticeError(Exception):
    """A practice, reuse or nomination that cannot be made; the message is for the user."""


def text_to_rich_text(text: str) -> str:
    """Plain text as rich text: paragraphs at blank lines, line breaks kept, everything escaped."""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in p.split("\n")) + "</p>" for p in paragraphs
    )


def practice_submit(*, person: Person, data: dict) -> PracticePage:
    """A pioneer's practice, as a draft under the knowledge base, submitted for moderation.

    The municipality is the pioneer's own member organisation; the pioneer is its contact
    person. It goes through the page's moderation workflow when one applies; otherwise the
    coordinators get an email. Either way they approve it in the admin, which publishes it.
    """
    organisation = member_organisation(person.user)
    if organisation is None:
        raise PracticeError(_("Only pioneers of a member organisation can share a practice."))
    if organisation.kind != Organisation.Kind.MUNICIPALITY:
        raise PracticeError(_("Practices belong to a municipality; yours is not one."))
    index = PracticeIndexPage.objects.filter(locale__language_code="nl").first()
    if index is None:
        index = PracticeIndexPage.objects.first()
    if index is None:
        raise PracticeError(_("The knowledge base has not been set up yet."))
    with transaction.atomic():
        practice = PracticePage(
            title=data["title"],
            slug=_free_slug(index, data["title"]),
            summary=data["summary"],
            status=data["status"],
            started_on=data.get("started_on"),
            municipality=organisation,
            contact=person,
            contact_consent=data.get("contact_consent", False),
            owner=person.user,
            live=False,
            **{field: text_to_rich_text(data.get(field, "")) for field in PRACTICE_TEXT_FIELDS},
            **{field: field in data.get("values", []) for field, _label in PracticePage.VALUES},
        )
        practice.topics.set(data.get("topics", []))
        index.add_child(instance=practice)
        practice.save_revision(user=person.user)
        workflow = practice.get_workflow()
        if workflow is not None:
            workflow.start(practice, person.user)  # Wagtail tells the workflow's reviewers
        else:
            email_render_enqueue(
                "publications/email/practice_submitted",
                staff_emails(),
                settings.LANGUAGE_CODE,
                {"practice": practice, "person": person},
            )
    return practice


def _free_slug(parent, title: str) -> str:
    base = slugify(title)[:70] or "praktijk"
    slug, number = base, 1
    while parent.get_children().filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def practice_reuse(*, practice: PracticePage, person: Person, message: str) -> PracticeReuse:
    """ "We want to try this too": counted once per organisation; the contact person hears of it."""
    organisation = member_organisation(person.user)
    if organisation is None:
        raise PracticeError(_("Only pioneers of a member organisation can take up a practice."))
    if organisation.pk == practice.municipality_id:
        raise PracticeError(_("This is your own organisation's practice."))
    with transaction.atomic():
        reuse, created = PracticeReuse.objects.get_or_create(
            practice=practice,
            organisation=organisation,
            defaults={"person": person, "message": message},
        )
        if not created:
            raise PracticeError(_("Your organisation already said it wants to try this."))
        contact = practice.contact
        if contact is not None:
            email_render_enqueue(
                "publications/email/practice_reuse",
                [contact.user.email],
                settings.LANGUAGE_CODE,
                {"practice": practice, "reuse": reuse, "email": person.user.email},
                reply_to=person.user.email,
            )
    return reuse


def nomination_create(*, data: dict) -> Nomination:
    """A public nomination; the coordinators get an email to triage it."""
    nomination = Nomination.objects.create(**data)
    email_render_enqueue(
        "publications/email/nomination_received",
        staff_emails(),
        settings.LANGUAGE_CODE,
        {"nomination": nomination},
    )
    return nomination


def nomination_to_practice(
    *, nomination: Nomination, municipality: Organisation, by
) -> PracticePage:
    """Turn a nomination into a draft practice for the coordinators to complete and publish."""
    if nomination.status != Nomination.Status.NEW:
        raise PracticeError(_("This nomination has been triaged already."))
    index = PracticeIndexPage.objects.filter(locale__language_code="nl").first()
    if index is None:
        raise PracticeError(_("The knowledge base has not been set up yet."))
    description = nomination.description
    if nomination.link:
        description += "\n\n" + nomination.link
    with transaction.atomic():
        practice = PracticePage(
            title=nomination.title,
            slug=_free_slug(index, nomination.title),
            summary=Truncator(nomination.description).chars(390),
            problem=text_to_rich_text(description),
            approach=text_to_rich_text(description),
            status=PracticePage.Status.RUNNING,
            municipality=municipality,
            owner=by,
            live=False,
        )
        index.add_child(instance=practice)
        practice.save_revision(user=by)
        nomination.status = Nomination.Status.ACCEPTED
        nomination.practice = practice
        nomination.save(update_fields=["status", "practice"])
    return practice


def nomination_decline(*, nomination: Nomination) -> None:
    if nomination.status != Nomination.Status.NEW:
        raise PracticeError(_("This nomination has been triaged already."))
    nomination.status = Nomination.Status.DECLINED
    nomination.save(update_fields=["status"])


# The magazine: members submit articles, editors review them in Wagtail's moderation workflow,
# and every edition is also built as a PDF in the background.

MAGAZINE_WORKFLOW = "Magazine"
EDITORS_GROUP = "Moderators"  # Wagtail's own group of people who may approve pages


class SubmissionError(Exception):
    """An article that cannot be submitted; the message is for the member."""


def text_to_paragraphs(text: str) -> str:
    """Plain text as safe HTML: blank lines separate paragraphs, single newlines break lines.

    Everything the member typed is escaped, so no tag, script or link survives as markup.
    """
    from django.utils.html import escape

    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in p.splitlines()) + "</p>"
        for p in paragraphs
        if p
    )


def magazine_workflow_ensure(index):
    """The "Magazine" workflow (intake, then review, by the moderators) on a magazine index.

    Created once; assigning it to every language's magazine makes submitted articles follow it.
    """
    from django.contrib.auth.models import Group
    from django.utils import translation
    from django.utils.translation import gettext
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    workflow = Workflow.objects.filter(name=MAGAZINE_WORKFLOW).first()
    if workflow is None:
        group, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
        workflow = Workflow.objects.create(name=MAGAZINE_WORKFLOW, active=True)
        from django.conf import settings

        with translation.override(settings.LANGUAGE_CODE):
            names = [gettext("Magazine: intake"), gettext("Magazine: review")]
        for order, name in enumerate(names):
            task = GroupApprovalTask.objects.create(name=name)
            task.groups.set([group])
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    WorkflowPage.objects.get_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def _unique_slug(parent, title: str) -> str:
    from django.utils.text import slugify

    base = slugify(title)[:70] or "artikel"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


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
    from pioneers.publications.models import (
        ArticleAuthor,
        ArticlePage,
        ArticleSubmission,
        MagazineIndexPage,
    )

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
            slug=_unique_slug(edition, title),
            locale_id=edition.locale_id,
            intro=intro,
            body=text_to_paragraphs(body),
            lessons=text_to_paragraphs(lessons),
            practical_experience=text_to_paragraphs(practical_experience),
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
    from pioneers.publications.models import ArticlePage, ArticleSubmission

    page = workflow_state.content_object
    return (
        isinstance(getattr(page, "specific", None), ArticlePage)
        and ArticleSubmission.objects.filter(article_id=page.pk).exists()
    )


def article_decision_notify(workflow_state, decision: str) -> None:
    """Queue the email to the member who submitted, when editors approve or reject."""
    if not is_member_article(workflow_state):
        return
    from pioneers.publications.tasks import send_article_decision

    transaction.on_commit(
        partial(
            send_article_decision.enqueue,
            article_id=workflow_state.content_object.pk,
            decision=decision,
            workflow_state_id=workflow_state.pk,
        )
    )


def article_decision_email(submission, decision: str, comment: str = ""):
    """The email telling a member the editors' decision, in the language they submitted in."""
    from django.conf import settings
    from django.core.mail import EmailMessage
    from django.urls import reverse
    from django.utils import translation

    from pioneers.core.models import NetworkSettings

    with translation.override(submission.language):
        article = submission.article
        edition = article.get_parent()
        context = {
            "article": article,
            "edition": edition,
            "decision": decision,
            "comment": comment,
            "person": submission.submitted_by,
            "network_name": NetworkSettings.load().name,
            "submissions_url": settings.BASE_URL.rstrip("/")
            + reverse("publications:magazine_submissions"),
        }
        subject, body = render_email("publications/email/article_decision", context)
    return EmailMessage(subject=subject, body=body, to=[submission.submitted_by.email])


def edition_close(edition) -> None:
    """An edition that appears is closed to new articles; an editor may reopen it in Wagtail.

    The edit form reads the latest revision, so the revision says closed too (else the next
    save would reopen the edition unasked).
    """
    from wagtail.models import Revision

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
    from wagtail.workflows import publish_workflow_state

    from pioneers.publications.models import ArticlePage

    page = getattr(workflow_state.content_object, "specific", None)
    if isinstance(page, ArticlePage) and article_closed_edition(page) is not None:
        return
    publish_workflow_state(workflow_state, user=user)


def edition_pdf_request(edition, *, force: bool = False):
    """Queue a build of the edition's PDF; a build still waiting in the queue is not doubled."""
    from pioneers.publications.models import EditionPDF

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
        from pioneers.publications.tasks import build_edition_pdf

        transaction.on_commit(partial(build_edition_pdf.enqueue, pdf_id=pdf.pk))
    return pdf


def edition_pdf_build(pdf) -> None:
    """Render the edition (cover, contents, each article) and store the file; never raises.

    Progress (articles rendered of the total) is written as it goes, without touching the
    site's cache version; a failure is stored with its message for the editor.
    """
    import logging
    import time

    from django.core.files.base import ContentFile

    from pioneers.publications.models import EditionPDF
    from pioneers.publications.pdf import render_edition_pdf

    rows = EditionPDF.objects.filter(pk=pdf.pk)
    started = time.monotonic()
    rows.update(status=EditionPDF.Status.BUILDING, error="")

    def progress(rendered: int, total: int) -> None:
        rows.update(rendered=rendered, total=total)

    try:
        edition = pdf.edition
        content, page_count = render_edition_pdf(edition, progress=progress)
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


def publications_export(user) -> dict:
    from pioneers.publications.selectors import member_submissions, own_comments, own_practices

    return {
        "comments_on_reports": [
            {
                "report": comment.report.title,
                "comment": comment.body,
                "written_at": comment.created_at.isoformat(),
                "status": comment.status,
                "answer": comment.answer,
            }
            for comment in own_comments(user)
        ],
        "practices": [
            {"title": practice.title, "state": practice.state} for practice in own_practices(user)
        ],
        "articles": [
            {"title": article.title, "state": article.status}
            for article in member_submissions(user)
        ],
        "practices_taken_up": [
            {"practice": reuse.practice.title, "message": reuse.message}
            for reuse in PracticeReuse.objects.filter(person__user=user).select_related("practice")
        ],
        "nominations": [
            {
                "initiative": nomination.title,
                "municipality_or_organisation": nomination.municipality_name,
                "description": nomination.description,
                "link": nomination.link,
                "name": nomination.name,
                "email": nomination.email,
                "nominated_at": nomination.created_at.isoformat(),
            }
            for nomination in Nomination.objects.filter(email__iexact=user.email)
        ],
    }


def publications_erase(user) -> None:
    """What a person wrote stays, without their name; pages lose every link to them.

    Saved revisions are scrubbed too, so publishing a draft later does not bring the link back.
    """
    from wagtail.models import Revision

    from pioneers.core.personal_data import removed_person
    from pioneers.meetings.selectors import registrations_of
    from pioneers.publications.models import ArticleAuthor

    removed = removed_person()
    DraftComment.objects.filter(registration__in=registrations_of(user)).update(name=removed)
    Nomination.objects.filter(email__iexact=user.email).update(name=removed, email="")
    for revision in Revision.objects.filter(content__owner=user.pk).iterator():
        revision.content["owner"] = None
        revision.save(update_fields=["content"])
    person_id = Person.objects.filter(user=user).values_list("pk", flat=True).first()
    if person_id is None:
        return
    PracticePage.objects.filter(contact_id=person_id).update(contact=None, contact_consent=False)
    for revision in Revision.objects.filter(content__contact=person_id).iterator():
        revision.content.update(contact=None, contact_consent=False)
        revision.save(update_fields=["content"])
    authorships = ArticleAuthor.objects.filter(person_id=person_id)
    articles = [str(pk) for pk in authorships.values_list("article_id", flat=True)]
    authorships.update(person=None, guest_name=removed)
    # The updates above send no signal; practices and articles lose the name on their pages.
    tags_changed_on_commit(SITE)
    for revision in Revision.page_revisions.filter(object_id__in=articles).iterator():
        authors = [a for a in revision.content.get("authors", []) if a.get("person") == person_id]
        for author in authors:
            author.update(person=None, guest_name=removed, guest_affiliation="")
        if authors:
            revision.save(update_fields=["content"])


# The site's page tree ------------------------------------------------------------------------


def _publish(page) -> None:
    page.save_revision().publish()


def site_tree_ensure(*, home: dict, pages: list[dict]) -> list[str]:
    """The home page in Dutch and English, and under it every content page that is missing.

    ``home`` holds the home page's fields per language; each of ``pages`` holds ``menu``,
    ``footer`` and the page's fields per language. A page counts as there when the Dutch home
    has a child with its Dutch slug, so what coordinators edited stays as it is. Returns the
    Dutch titles of the pages made.
    """
    from wagtail.models import Locale

    from pioneers.publications.models import ContentPage, HomePage

    nl, _created = Locale.objects.get_or_create(language_code="nl")
    en, _created = Locale.objects.get_or_create(language_code="en")
    made = []
    home_nl = HomePage.objects.filter(locale=nl).first()
    if home_nl is None:
        home_nl = _home_create(home, nl, en)
        made.append(home_nl.title)
    taken = set(home_nl.get_children().values_list("slug", flat=True))
    for spec in pages:
        if spec["nl"]["slug"] in taken:
            continue
        page = ContentPage(
            locale=nl, show_in_menus=spec["menu"], show_in_footer=spec["footer"], **spec["nl"]
        )
        home_nl.add_child(instance=page)
        _publish(page)
        if HomePage.objects.filter(locale=en).exists():
            translation = page.copy_for_translation(en, copy_parents=False)
            for field, value in spec["en"].items():
                setattr(translation, field, value)
            translation.save()
            _publish(translation)
        made.append(page.title)
    return made


def _home_create(home: dict, nl, en):
    from wagtail.models import Page, Site

    from pioneers.publications.models import HomePage

    root = Page.get_first_root_node()
    # Wagtail's first migration makes a "Welcome" page; the network's home replaces it.
    placeholder_ids = list(
        Page.objects.child_of(root)
        .exclude(content_type__model="homepage")
        .values_list("pk", flat=True)
    )
    Page.objects.filter(pk__in=placeholder_ids).update(slug="placeholder")
    if root.locale_id != nl.pk:
        Page.objects.filter(pk=root.pk).update(locale=nl)
        root.refresh_from_db()
    home_nl = HomePage(locale=nl, **home["nl"])
    root.add_child(instance=home_nl)
    _publish(home_nl)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True, site_name="")
    site.root_page = home_nl
    site.save()
    Page.objects.filter(pk__in=placeholder_ids).delete()

    home_en = home_nl.copy_for_translation(en)
    for field, value in home["en"].items():
        setattr(home_en, field, value)
    home_en.save()
    _publish(home_en)
    return home_nl
