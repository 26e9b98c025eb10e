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

from pioneers.core.email import email_render_enqueue, staff_emails
from pioneers.network.models import Organisation, Person
from pioneers.network.selectors import current_members
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
    organisation = person.organisation
    if organisation is None or not current_members().filter(pk=organisation.pk).exists():
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
    organisation = person.organisation
    if organisation is None or not current_members().filter(pk=organisation.pk).exists():
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
